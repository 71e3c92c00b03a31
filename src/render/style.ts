// What every renderer gets from the context: colour and width, nothing else.
import type { ChalkInstance } from 'chalk';

export interface RenderOptions {
  style: ChalkInstance;
  columns: number;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Cuts text to `width` display columns with an ellipsis (code points, not UTF-16 units). */
export function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/** `Day 5`, `Days 29–35`, `Week 2`: how a span of a plan is named on screen (and, with `-`, in a curriculum file). */
export function spanLabel(kind: string, from: number, to: number, dash: '–' | '-' = '–'): string {
  if (kind === 'week') return `Week ${Math.ceil(to / 7)}`;
  return from === to ? `Day ${from}` : `Days ${from}${dash}${to}`;
}

/** `day 3`, `days 29–33`: days named inside a sentence. */
export function dayRange(from: number, to: number): string {
  return from === to ? `day ${from}` : `days ${from}–${to}`;
}
