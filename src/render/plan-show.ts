import type { PlanShowData } from '../commands/plan-show.js';
import { spanLabel } from '../curriculum/span-label.js';
import { hoursText } from '../schedule/capacity.js';
import { displayWidth, joinParts, padEnd, padStart, wrapText } from './layout.js';
import { codeSpans, renderMarkdown } from './markdown.js';
import { plural, truncate, type RenderOptions } from './style.js';

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

/** What a span takes: a day's hours, a range's a day, a week's in all (its tasks are due once); nothing for a rest. */
function spanHours(days: Entry[]): string {
  const first = days[0]!;
  if (first.kind === 'rest') return '';
  if (first.kind === 'week') return hoursText(days.reduce((sum, d) => sum + d.hours, 0));
  if (days.length === 1) return hoursText(first.hours);
  const min = Math.min(...days.map((d) => d.hours));
  const max = Math.max(...days.map((d) => d.hours));
  return `${min === max ? hoursText(min) : `${hoursText(min)}–${hoursText(max)}`} a day`;
}

/** `✎ 2` for a span with two notes; nothing without. */
const noteMark = (notes: number) => (notes > 0 ? `✎ ${notes}` : '');

export function renderPlanShow(plan: PlanShowData, options: RenderOptions): string {
  const { style, columns, wrapAt } = options;
  const lines: string[] = [];
  const total = new Set(plan.schedule.flatMap((d) => d.tasks.map((t) => t.id))).size;
  lines.push(...wrapText(style.bold(plan.title), wrapAt));
  const facts = [plan.id, plural(plan.days, 'day'), plural(total, 'task'), plural(Math.round(plan.hours), 'hour'), plural(plan.checklist.length, 'checklist item')];
  lines.push(...joinParts(facts, ' · ', wrapAt).map((line) => style.dim(line)));
  if (plan.summary) lines.push(...wrapText(plan.summary, wrapAt));
  if (plan.intro) lines.push('', ...renderMarkdown(plan.intro, options));

  // The outline is a table: one line per span, the title cut to fit.
  const groups = spans(plan.schedule);
  const labels = groups.map((days) => spanLabel(days[0]!.kind, days[0]!.from, days[0]!.to));
  const labelWidth = Math.max(...labels.map(displayWidth));
  const counts = groups.map(taskCount);
  const countWidth = Math.max(...counts.map(displayWidth));
  const hours = groups.map(spanHours);
  const hoursWidth = Math.max(...hours.map(displayWidth));
  // Days with notes are marked `✎ 2` at the end of their line.
  const marks = groups.map((days) => noteMark(days.reduce((sum, d) => sum + d.notes, 0)));
  const markWidth = Math.max(...marks.map(displayWidth));
  const titleWidth = Math.max(10, columns - 2 - labelWidth - 2 - 2 - countWidth - 2 - hoursWidth - (markWidth > 0 ? markWidth + 2 : 0));
  let group: string | null | undefined;
  groups.forEach((days, index) => {
    const first = days[0]!;
    if (first.group !== group || index === 0) {
      group = first.group;
      lines.push('');
      if (group) lines.push(...wrapText(style.bold(group), wrapAt));
    }
    const title = padEnd(truncate(first.title, titleWidth), titleWidth);
    const mark = markWidth > 0 ? `  ${style.yellow(padEnd(marks[index]!, markWidth))}` : '';
    lines.push(`  ${padEnd(labels[index]!, labelWidth)}  ${title}  ${style.dim(padStart(counts[index]!, countWidth))}  ${style.dim(padStart(hours[index]!, hoursWidth))}${mark}`.trimEnd());
  });

  if (plan.checklist.length > 0) {
    lines.push('', style.bold(`Final checklist (${plan.checklist.length})`));
    const width = String(plan.checklist.length).length;
    for (const item of plan.checklist) lines.push(...wrapText(codeSpans(item.text, style), wrapAt, { prefix: `  ${String(item.n).padStart(width)}. ` }));
  }
  return `${lines.join('\n')}\n`;
}
