import type { WeekData } from '../commands/week.js';
import { spanLabel } from '../curriculum/span-label.js';
import { humanDate } from './dates.js';
import { displayWidth, wrapText } from './layout.js';
import { codeSpans } from './markdown.js';
import { truncate, type RenderOptions } from './style.js';
import { renderScheduledWeek } from './due-today.js';
import { borderless, type Cell } from './table.js';

export function renderWeek(data: WeekData, { style, columns, wrapAt }: RenderOptions): string {
  // A group named "Week 2: …" already says which week it is.
  const label = data.group && /^week\s+\d+/i.test(data.group) ? data.group : `Week ${data.week}${data.group ? ` · ${data.group}` : ''}`;
  const head = `${style.bold(truncate(label, Math.max(10, columns - displayWidth(data.plan.id) - 3)))}  ${style.dim(data.plan.id)}`;
  const paused = data.pausedSince
    ? ['', ...wrapText(style.yellow(`Paused since ${humanDate(data.pausedSince)}: the plan waits at day ${data.day}.`), wrapAt), ...wrapText(style.dim('The dates below assume `prep resume` tomorrow.'), wrapAt)].join('\n')
    : '';
  if (data.schedule) return `${head}${paused}\n\n${renderScheduledWeek(data.schedule, style)}`;
  if (data.weekTasks) return `${head}${paused}\n\n${renderWeekTasks(data, data.weekTasks, { style, columns, wrapAt })}`;
  // Marker, day, date and done columns with their padding take this much; the title gets the rest.
  const titleWidth = Math.max(12, columns - 2 - 5 - 17 - 8 - 4);
  const rows: Cell[][] = data.days.map((day) => {
    const mark = (text: string) => (day.today ? style.bold(text) : text);
    const complete = day.total > 0 && day.done === day.total;
    const progress = day.kind === 'rest' ? 'rest' : `${day.done}/${day.total}`;
    return [
      day.today ? style.green('>') : ' ',
      { hAlign: 'right', content: mark(String(day.day)) },
      mark(humanDate(day.date)),
      mark(truncate(day.title || (day.kind === 'rest' ? 'Rest' : ''), titleWidth)),
      { hAlign: 'right', content: complete ? style.green(`✔ ${progress}`) : progress },
    ];
  });
  const table = borderless(['', 'DAY', 'DATE', 'TITLE', 'DONE'], rows, style);
  const footer = data.days.some((d) => d.today) ? style.dim('> today') : '';
  return `${head}${paused}\n\n${table}\n${footer ? `${footer}\n` : ''}`;
}

/** A week-level week: its tasks once, each due on any day of it, instead of seven days that all show them. */
function renderWeekTasks(data: WeekData, week: NonNullable<WeekData['weekTasks']>, { style, wrapAt }: RenderOptions): string {
  const first = data.days[0]!;
  const last = data.days[data.days.length - 1]!;
  const lines = [`${spanLabel('day', week.from, Math.min(week.to, last.day))} · ${humanDate(first.date)} – ${humanDate(last.date)}`];
  if (week.title) lines.push(...wrapText(style.bold(week.title), wrapAt));
  const count = `${week.done}/${week.total} tasks done, each due once this week`;
  lines.push('', week.total > 0 && week.done === week.total ? style.green(`✔ ${count}`) : count);
  const width = String(week.tasks.length).length;
  for (const task of week.tasks) {
    const text = codeSpans(task.text, style);
    lines.push(...wrapText(task.done ? style.dim(text) : text, wrapAt, { prefix: `  ${String(task.n).padStart(width)}. ${task.done ? style.green('✔') : '○'} ` }));
  }
  const today = data.days.find((day) => day.today);
  if (today) lines.push('', style.dim(`Today is day ${today.day}, ${humanDate(today.date)}.`));
  return `${lines.join('\n')}\n`;
}
