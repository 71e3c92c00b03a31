import type { PlanShowData } from '../commands/plan-show.js';
import { plural, spanLabel, truncate, type RenderOptions } from './style.js';

type Entry = PlanShowData['schedule'][number];

/** Consecutive days of one range or week become one outline line. */
function spans(schedule: Entry[]): Entry[][] {
  const out: Entry[][] = [];
  for (const entry of schedule) {
    const last = out[out.length - 1];
    if (last && last[0]!.from === entry.from && last[0]!.to === entry.to && last[0]!.kind === entry.kind) last.push(entry);
    else out.push([entry]);
  }
  return out;
}

function taskCount(days: Entry[]): string {
  const first = days[0]!;
  if (first.kind === 'rest') return 'rest';
  if (first.kind === 'week') return `${plural(first.tasks.length, 'task')}, due once`;
  if (days.length === 1) return plural(first.tasks.length, 'task');
  const counts = days.map((d) => d.tasks.length);
  const min = Math.min(...counts);
  const max = Math.max(...counts);
  return `${min === max ? plural(min, 'task') : `${min}–${max} tasks`} a day`;
}

export function renderPlanShow(plan: PlanShowData, { style, columns }: RenderOptions): string {
  const lines: string[] = [];
  const total = new Set(plan.schedule.flatMap((d) => d.tasks.map((t) => t.id))).size;
  lines.push(style.bold(plan.title));
  lines.push(style.dim(`${plan.id} · ${plural(plan.days, 'day')} · ${plural(total, 'task')} · ${plural(plan.checklist.length, 'checklist item')}`));
  if (plan.summary) lines.push(plan.summary);
  if (plan.intro) lines.push('', plan.intro);

  const groups = spans(plan.schedule);
  const labels = groups.map((days) => spanLabel(days[0]!.kind, days[0]!.from, days[0]!.to));
  const labelWidth = Math.max(...labels.map((l) => l.length));
  const counts = groups.map(taskCount);
  const countWidth = Math.max(...counts.map((c) => c.length));
  const titleWidth = Math.max(10, columns - 2 - labelWidth - 2 - 2 - countWidth);
  let group: string | null | undefined;
  groups.forEach((days, index) => {
    const first = days[0]!;
    if (first.group !== group || index === 0) {
      group = first.group;
      lines.push('');
      if (group) lines.push(style.bold(group));
    }
    const title = truncate(first.title, titleWidth).padEnd(titleWidth);
    lines.push(`  ${labels[index]!.padEnd(labelWidth)}  ${title}  ${style.dim(counts[index]!.padStart(countWidth))}`.trimEnd());
  });

  if (plan.checklist.length > 0) {
    lines.push('', style.bold(`Final checklist (${plan.checklist.length})`));
    const width = String(plan.checklist.length).length;
    for (const item of plan.checklist) lines.push(`  ${String(item.n).padStart(width)}. ${item.text}`);
  }
  return `${lines.join('\n')}\n`;
}
