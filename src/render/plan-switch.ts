import type { SwitchData } from '../commands/plan-switch.js';
import { humanDate } from './dates.js';
import { message } from './layout.js';
import { plural, type RenderOptions } from './style.js';

export function renderSwitch(data: SwitchData, { style, wrapAt }: RenderOptions): string {
  const head = data.previous === data.plan.id ? `Still on ${style.bold(data.plan.id)}` : `Switched to ${style.bold(data.plan.id)}`;
  const where =
    data.status === 'not-started' ? `starts in ${plural(1 - data.day, 'day')}, on ${humanDate(data.start)}`
    : data.status === 'finished' ? `finished (started ${humanDate(data.start)})`
    : `day ${data.day} of ${data.plan.days} (started ${humanDate(data.start)})`;
  const kept = data.resumed ? `; progress kept: ${data.progress.done}/${data.progress.total} tasks done` : '';
  const lines = [`${head}: ${data.plan.title}`, `${where}${kept}.`];
  if (data.pausedSince) lines.push(style.yellow(`Paused since ${humanDate(data.pausedSince)}: \`prep resume\` starts its clock again.`));
  if (data.previous && data.previous !== data.plan.id) lines.push(style.dim(`\`prep plan switch ${data.previous}\` goes back; each plan keeps its own progress.`));
  return message(lines, wrapAt);
}
