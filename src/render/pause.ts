import type { PauseData } from '../commands/pause.js';
import { humanDate } from './dates.js';
import { message } from './layout.js';
import { plural, type RenderOptions } from './style.js';

export function renderPause(data: PauseData, { style, wrapAt }: RenderOptions): string {
  if (data.action === 'paused') {
    return message([
      `Paused ${style.bold(data.plan.id)} at day ${data.day}, from ${humanDate(data.from)}.`,
      style.dim(`Paused days neither move the plan on nor break your streak. \`prep resume\` picks up at day ${data.day}.`),
    ], wrapAt);
  }
  const lasted = data.pausedDays === 0 ? 'the same day it began (nothing moves)' : `after ${plural(data.pausedDays, 'paused day')}`;
  return message([`Resumed ${style.bold(data.plan.id)} at day ${data.day}, ${lasted}. It now ends on ${humanDate(data.end)}.`], wrapAt);
}
