import Table from 'cli-table3';
import type { PlanListRow } from '../commands/plan-list.js';
import { truncate, type RenderOptions } from './style.js';

// A borderless table: columns aligned by cli-table3, no box lines to wrap on narrow terminals.
const NO_BORDERS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: ' ',
};

export function renderPlanList(rows: PlanListRow[], { style, columns }: RenderOptions): string {
  const idWidth = Math.max(2, ...rows.map((r) => r.id.length));
  // Marker, id, days, tasks and checklist columns with their padding take this much.
  const titleWidth = Math.max(10, columns - 1 - (idWidth + 3) - 6 - 7 - 11 - 3);
  const table = new Table({
    chars: NO_BORDERS,
    head: ['', 'ID', 'TITLE', 'DAYS', 'TASKS', 'CHECKLIST'].map((h) => style.bold(h)),
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 1 },
  });
  for (const row of rows) {
    const mark = (text: string) => (row.default ? style.green(text) : text);
    table.push([
      mark(row.default ? '*' : ' '),
      mark(row.id),
      truncate(row.title, titleWidth),
      { hAlign: 'right', content: String(row.days) },
      { hAlign: 'right', content: String(row.tasks) },
      { hAlign: 'right', content: String(row.checklist) },
    ]);
  }
  const footer = rows.some((r) => r.default) ? style.dim('* the default plan') : '';
  // cli-table3 pads the last column; trailing spaces only make diffs and snapshots noisy.
  const body = table.toString().split('\n').map((line) => line.trimEnd()).join('\n');
  return `${body}\n${footer ? `${footer}\n` : ''}`;
}
