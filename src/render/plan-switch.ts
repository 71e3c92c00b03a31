import type { SwitchData } from '../commands/plan-switch.js';
import { humanDate } from './dates.js';
import { plural, type RenderOptions } from './style.js';

export function renderSwitch(data: SwitchData, { style }: RenderOptions): string {
  const head = data.previous === data.plan.id ? `Still on ${style.bold(data.plan.id)}` : `Switched to ${style.bold(data.plan.id)}`;
  const where =
    data.status === 'not-started' ? `starts in ${plural(1 - data.day, 'day')}, on ${humanDate(data.start)}`
    : data.status === 'finished' ? `finished (started ${humanDate(data.start)})`
    : `day ${data.day} of ${data.plan.days} (started ${humanDate(data.start)})`;
  const kept = data.resumed ? `; progress kept: ${data.progress.done}/${data.progress.total} tasks done` : '';
  const back = data.previous && data.previous !== data.plan.id ? style.dim(`\n\`prep plan switch ${data.previous}\` goes back; each plan keeps its own progress.`) : '';
  const paused = data.pausedSince ? style.yellow(`\nPaused since ${humanDate(data.pausedSince)}: \`prep resume\` starts its clock again.`) : '';
  return `${head}: ${data.plan.title}\n${where}${kept}.${paused}${back}\n`;
}
