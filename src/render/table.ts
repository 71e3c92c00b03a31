// Borderless cli-table3 tables: columns aligned, no box lines to wrap on narrow terminals.
import { createRequire } from 'node:module';
import type TableType from 'cli-table3';
import type { Style } from './style.js';

const NO_BORDERS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: ' ',
};

export type Cell = string | { content: string; hAlign: 'right' };

/** The table as text, headings in bold; trailing padding trimmed so diffs and snapshots stay clean. */
export function borderless(head: string[], rows: Cell[][], style: Style): string {
  // Required on first use, and left out of the bundle: only the commands that draw a table load it.
  const Table = createRequire(import.meta.url)('cli-table3') as typeof TableType;
  const table = new Table({ chars: NO_BORDERS, head: head.map((h) => style.bold(h)), style: { head: [], border: [], 'padding-left': 0, 'padding-right': 1 } });
  for (const row of rows) table.push(row);
  return table.toString().split('\n').map((line) => line.trimEnd()).join('\n');
}
