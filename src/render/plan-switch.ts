import type { SwitchData } from '../commands/plan-switch.js';
import { CATCH_UP_AFTER } from '../schedule/progress.js';
import { humanDate } from './dates.js';
import { plural, type RenderOptions } from './style.js';

/** How a resumed plan stands: behind (with the way out past a couple of days), ahead, or on schedule. */
function standing(data: SwitchData, style: RenderOptions['style']): string {
  if (!data.resumed || data.status !== 'active') return '';
  if (data.behind < 0) return `\nYou are ${plural(-data.behind, 'day')} ahead.`;
  if (data.behind === 0) return '\nYou are on schedule.';
  const line = style.yellow(`\nYou are ${plural(data.behind, 'day')} behind.`);
  if (data.behind <= CATCH_UP_AFTER || data.pausedSince) return line;
  return `${line}${style.dim(`\n\`prep plan catch-up\` makes day ${data.day - data.behind} today: the plan ends later, nothing done is lost.`)}`;
}

export function renderSwitch(data: SwitchData, { style }: RenderOptions): string {
  const head = data.previous === data.plan.id ? `Still on ${style.bold(data.plan.id)}` : `Switched to ${style.bold(data.plan.id)}`;
  const where =
    data.status === 'not-started' ? `starts in ${plural(1 - data.day, 'day')}, on ${humanDate(data.start)}`
    : data.status === 'finished' ? `finished (started ${humanDate(data.start)})`
    : `day ${data.day} of ${data.plan.days} (started ${humanDate(data.start)})`;
  const kept = data.resumed ? `; progress kept: ${data.progress.done}/${data.progress.total} tasks done` : '';
  const restarted = data.restartedFrom ? style.dim(`\nNothing was done in it since its start on ${humanDate(data.restartedFrom)}, so it starts over today (\`--start DATE\` names another day 1).`) : '';
  const back = data.previous && data.previous !== data.plan.id ? style.dim(`\n\`prep plan switch ${data.previous}\` goes back; each plan keeps its own progress.`) : '';
  const paused = data.pausedSince ? style.yellow(`\nPaused since ${humanDate(data.pausedSince)}: \`prep resume\` starts its clock again.`) : '';
  return `${head}: ${data.plan.title}\n${where}${kept}.${restarted}${standing(data, style)}${paused}${back}\n`;
}
