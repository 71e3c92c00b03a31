import type { RestData } from '../commands/rest.js';
import { humanDate } from './dates.js';
import { message } from './layout.js';
import type { RenderOptions } from './style.js';
import { streakLine } from './streak.js';

export function renderRest(data: RestData, { style, wrapAt }: RenderOptions): string {
  const head = {
    declared: `Rest day declared for ${humanDate(data.date)}.`,
    scheduled: `${humanDate(data.date)} is already a rest day in your plan.`,
    'already-declared': `${humanDate(data.date)} is already a rest day.`,
    undone: `${humanDate(data.date)} is no longer a rest day.`,
  }[data.result];
  return message([head, streakLine(data.streak, style)], wrapAt);
}
