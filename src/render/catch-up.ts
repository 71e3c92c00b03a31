import type { CatchUpData } from '../commands/catch-up.js';
import { humanDate } from './dates.js';
import { message } from './layout.js';
import { plural, type RenderOptions } from './style.js';

export function renderCatchUp(data: CatchUpData, { style, wrapAt }: RenderOptions): string {
  if (data.shiftedBy === 0) return message([`${style.bold(data.plan.id)} is on schedule at day ${data.day.before}: nothing to catch up. It ends on ${humanDate(data.end.before)}.`], wrapAt);
  return message([
    `Moved ${style.bold(data.plan.id)} ${plural(data.shiftedBy, "day")} later: today is day ${data.day.after} (it was day ${data.day.before}).`,
    `It now ends on ${humanDate(data.end.after)} instead of ${humanDate(data.end.before)}. Everything you did stays done.`,
  ], wrapAt);
}
