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
  // The active plan is marked; before the first run, the default plan that `prep today` will start.
  const marked = rows.some((r) => r.active) ? (row: PlanListRow) => row.active : (row: PlanListRow) => row.default;
  for (const row of rows) {
    const mark = (text: string) => (marked(row) ? style.green(text) : text);
    table.push([
      mark(marked(row) ? '*' : ' '),
      mark(row.id),
      truncate(row.title, titleWidth),
      { hAlign: 'right', content: String(row.days) },
      { hAlign: 'right', content: String(row.tasks) },
      { hAlign: 'right', content: String(row.checklist) },
    ]);
  }
  const footer = rows.some((r) => r.active) ? style.dim('* the active plan') : rows.some((r) => r.default) ? style.dim('* the default plan: the first `prep today` starts it') : '';
  // cli-table3 pads the last column; trailing spaces only make diffs and snapshots noisy.
  const body = table.toString().split('\n').map((line) => line.trimEnd()).join('\n');
  return `${body}\n${footer ? `${footer}\n` : ''}`;
}
