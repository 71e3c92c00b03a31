import type { CatchUpData } from '../commands/catch-up.js';
import { humanDate } from './dates.js';
import { message } from './layout.js';
import { plural, type RenderOptions } from './style.js';

export function renderCatchUp(data: CatchUpData, { style, wrapAt }: RenderOptions): string {
  const dry = data.dryRun ? [style.dim('A dry run: nothing was changed. `prep plan catch-up` does it.')] : [];
  if (!data.firstOpen) return message([`${style.bold(data.plan.id)} is on schedule at day ${data.day.before}: nothing to catch up. It ends on ${humanDate(data.end.before)}.`, ...dry], wrapAt);
  const moved = `${data.dryRun ? 'Would move' : 'Moved'} ${style.bold(data.plan.id)} ${plural(data.shiftedBy, 'day')} later`;
  const where =
    data.wait > 0 ? `day ${data.firstOpen.day}, the first not done, falls on ${humanDate(data.firstOpen.date)}, keeping the plan's weekend days on weekends; nothing is due until then.`
    : `today is day ${data.day.after} (it was day ${data.day.before}).`;
  return message([
    `${moved}: ${where}`,
    `It ${data.dryRun ? 'would end' : 'now ends'} on ${humanDate(data.end.after)} instead of ${humanDate(data.end.before)}. Everything you did stays done.`,
    ...dry,
  ], wrapAt);
}
