import type { PlanListRow } from '../commands/plan-list.js';
import { displayWidth, wrapText } from './layout.js';
import { truncate, type RenderOptions } from './style.js';
import { borderless, type Cell } from './table.js';

export function renderPlanList(rows: PlanListRow[], { style, columns, wrapAt }: RenderOptions): string {
  const idWidth = Math.max(2, ...rows.map((r) => displayWidth(r.id)));
  // Marker, id, days, tasks and checklist columns with their padding take this much.
  const titleWidth = Math.max(10, columns - 1 - (idWidth + 3) - 6 - 7 - 11 - 3);
  const cells: Cell[][] = [];
  // The active plan is marked; before the first run, the default plan that `prep today` will start.
  const marked = rows.some((r) => r.active) ? (row: PlanListRow) => row.active : (row: PlanListRow) => row.default;
  for (const row of rows) {
    const mark = (text: string) => (marked(row) ? style.green(text) : text);
    cells.push([
      mark(marked(row) ? '*' : ' '),
      mark(row.id),
      truncate(row.title, titleWidth),
      { hAlign: 'right', content: String(row.days) },
      { hAlign: 'right', content: String(row.tasks) },
      { hAlign: 'right', content: String(row.checklist) },
    ]);
  }
  const footer = rows.some((r) => r.active) ? '* the active plan' : rows.some((r) => r.default) ? '* the default plan: the first `prep today` starts it' : '';
  const body = borderless(['', 'ID', 'TITLE', 'DAYS', 'TASKS', 'CHECKLIST'], cells, style);
  return `${body}\n${footer ? `${wrapText(footer, wrapAt, { indent: '  ' }).map((line) => style.dim(line)).join('\n')}\n` : ''}`;
}
