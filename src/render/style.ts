// What every renderer gets from the context: colour, widths and links, nothing else.

/** A colour or an attribute: its text, styled (chalk's styles are these). */
export type Paint = (...text: unknown[]) => string;

/** The styles renderers use: chalk's, with colour on; PLAIN_STYLE, with it off. */
export interface Style {
  readonly level: number;
  dim: Paint;
  bold: Paint;
  italic: Paint;
  red: Paint;
  green: Paint;
  yellow: Paint;
  cyan: Paint;
}

// As chalk joins its arguments.
const unstyled: Paint = (...text) => (text.length === 1 ? `${text[0]}` : text.join(' '));

/** Colour off, without chalk: setting it up cost every piped run about 0.5 ms. */
export const PLAIN_STYLE: Style = { level: 0, dim: unstyled, bold: unstyled, italic: unstyled, red: unstyled, green: unstyled, yellow: unstyled, cyan: unstyled };

export interface RenderOptions {
  style: Style;
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
