import type { SwitchData } from '../commands/plan-switch.js';
import { CATCH_UP_AFTER } from '../schedule/progress.js';
import { misalignmentText } from './alignment.js';
import { humanDate } from './dates.js';
import { message } from './layout.js';
import { plural, type RenderOptions } from './style.js';

/** How a resumed plan stands: behind (with the way out past a couple of days), ahead, or on schedule. */
function standing(data: SwitchData, style: RenderOptions['style']): string[] {
  if (data.resumed && data.status === 'ended') return [style.dim('`prep plan catch-up` picks up at the first day not done: the plan ends later, nothing done is lost.')];
  if (!data.resumed || data.status !== 'active') return [];
  if (data.behind < 0) return [`You are ${plural(-data.behind, 'day')} ahead.`];
  if (data.behind === 0) return ['You are on schedule.'];
  const line = style.yellow(`You are ${plural(data.behind, 'day')} behind.`);
  if (data.behind <= CATCH_UP_AFTER || data.pausedSince) return [line];
  return [line, style.dim(`\`prep plan catch-up\` makes day ${data.day - data.behind} today: the plan ends later, nothing done is lost.`)];
}

export function renderSwitch(data: SwitchData, { style, wrapAt }: RenderOptions): string {
  const head = data.previous === data.plan.id ? `Still on ${style.bold(data.plan.id)}` : `Switched to ${style.bold(data.plan.id)}`;
  const where =
    data.status === 'not-started' ? `starts in ${plural(1 - data.day, 'day')}, on ${humanDate(data.start)}`
    : data.status === 'finished' ? `finished (started ${humanDate(data.start)})`
    : data.status === 'ended' ? `ended (started ${humanDate(data.start)})`
    : `day ${data.day} of ${data.plan.days} (started ${humanDate(data.start)})`;
  const kept = data.resumed ? `; progress kept: ${data.progress.done}/${data.progress.total} tasks done` : '';
  const lines = [`${head}: ${data.plan.title}`, `${where}${kept}.`];
  if (data.restartedFrom) lines.push(style.dim(`Nothing was done in it since its start on ${humanDate(data.restartedFrom)}, so it starts over today (\`--start DATE\` names another day 1).`));
  if (data.misaligned) lines.push(style.yellow(misalignmentText(data.plan.id, data.misaligned)));
  lines.push(...standing(data, style));
  if (data.pausedSince) lines.push(style.yellow(`Paused since ${humanDate(data.pausedSince)}: \`prep resume\` starts its clock again.`));
  if (data.previous && data.previous !== data.plan.id) lines.push(style.dim(`\`prep plan switch ${data.previous}\` goes back; each plan keeps its own progress.`));
  return message(lines, wrapAt);
}
