import type { MarkData, MarkedTask } from '../commands/done.js';
import { joinParts, wrapText } from './layout.js';
import { codeSpans } from './markdown.js';
import { daysPhrase, type RenderOptions } from './style.js';
import { streakLine } from './streak.js';

/** `day 30`, `days 29–33`, `days 29–30, 32`: the days a task was marked on, runs joined. */
function daysLabel(days: readonly number[]): string {
  const runs: [number, number][] = [];
  for (const day of days) {
    const last = runs[runs.length - 1];
    if (last && last[1] === day - 1) last[1] = day;
    else runs.push([day, day]);
  }
  const label = runs.map(([from, to]) => (from === to ? String(from) : `${from}–${to}`)).join(', ');
  return days.length === 1 ? `day ${label}` : `days ${label}`;
}

/** One line per task, with the days it was marked on when a range of days was named. */
function grouped(tasks: readonly MarkedTask[], range: boolean): { task: MarkedTask; days: string }[] {
  if (!range) return tasks.map((task) => ({ task, days: '' }));
  const groups = new Map<string, { task: MarkedTask; days: number[] }>();
  for (const task of tasks) {
    const key = `${task.n} ${task.text}`;
    const group = groups.get(key);
    if (group) group.days.push(task.day);
    else groups.set(key, { task, days: [task.day] });
  }
  return [...groups.values()].map(({ task, days }) => ({ task, days: `, ${daysLabel(days)}` }));
}

export function renderMark(data: MarkData, { style, wrapAt }: RenderOptions): string {
  const lines: string[] = [];
  const range = data.days.from !== data.days.to;
  const verb = data.action === 'done' ? 'Done' : 'Not done';
  for (const { task, days } of grouped(data.changed, range)) lines.push(...wrapText(`${codeSpans(task.text, style)}${days}`, wrapAt, { prefix: `${data.action === 'done' ? style.green('✔') : '○'} ${verb}: ${task.n}. ` }));
  for (const { task, days } of grouped(data.unchanged, range)) lines.push(...wrapText(style.dim(`${task.text}${days} (${data.action === 'done' ? 'already done' : 'was not done'})`), wrapAt, { prefix: style.dim(`  ${task.n}. `) }));
  if (data.changed.length === 0 && data.unchanged.length === 0) lines.push('Nothing marked.');
  const where = daysPhrase(data.days.from, data.days.to);
  lines.push(...joinParts([`${where[0]!.toUpperCase()}${where.slice(1)}: ${data.dayProgress.done}/${data.dayProgress.total} done`, streakLine(data.streak, style)], style.dim(' · '), wrapAt));
  return `${lines.join('\n')}\n`;
}
