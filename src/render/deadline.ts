// `prep deadline`: the deadline and the days left, what changed, and a word when the plan's end falls after it.
import type { DeadlineData } from '../commands/deadline.js';
import { humanDate } from './dates.js';
import { message } from './layout.js';
import { deadlineText } from './outlook.js';
import type { RenderOptions } from './style.js';

export function renderDeadline(data: DeadlineData, { style, wrapAt }: RenderOptions): string {
  const id = style.bold(data.plan.id);
  const lines: string[] = [];
  if (data.deadline === null) {
    if (data.action === 'cleared') lines.push(`Cleared the deadline of ${id} (it was ${humanDate(data.previous!)}).`);
    else if (data.action === 'unchanged') lines.push(`${id} has no deadline: nothing to clear.`);
    else lines.push(`${id} has no deadline.`, style.dim('`prep deadline DATE` sets one, such as `prep deadline 2026-05-01`.'));
    return message(lines, wrapAt);
  }
  const when = deadlineText(data.deadline);
  lines.push(data.action === 'set' ? `Deadline of ${id} set: ${when}.` : `Deadline of ${id}: ${when}.`);
  if (data.late && data.end) {
    lines.push(style.yellow(`The plan's own end, ${humanDate(data.end)}, falls after it.`));
    lines.push(style.dim('`prep plan rebalance --dry-run` shows what is left fitted into the days before it.'));
  } else if (data.action === 'set') lines.push(style.dim('`prep today` and `prep stats` show the pace it needs.'));
  return message(lines, wrapAt);
}
