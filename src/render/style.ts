// What every renderer gets from the context: colour, widths and links, nothing else.
import type { ChalkInstance } from 'chalk';

export interface RenderOptions {
  style: ChalkInstance;
  /** Width to lay tables and one-line cells out in: the terminal's, else 80. */
  columns: number;
  /** Width prose wraps at: the terminal's. Absent for a pipe or a file, where nothing wraps (one task, one line, for grep). */
  wrapAt?: number | undefined;
  /** The terminal's height, for a view that should fit on one screen; absent for a pipe or a file. */
  rows?: number | undefined;
  /** Links may be OSC 8 hyperlinks: only on a terminal that supports them (src/context.ts). */
  hyperlinks?: boolean;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

export { truncate } from './layout.js';

/** `day 3`, `days 29–33`: days named inside a sentence. */
export function daysPhrase(from: number, to: number): string {
  return from === to ? `day ${from}` : `days ${from}–${to}`;
}
