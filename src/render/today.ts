import type { TodayData } from '../commands/today.js';
import { cleanLine } from '../curriculum/text.js';
import { CATCH_UP_AFTER, type OverdueTask } from '../schedule/progress.js';
import { humanDate } from './dates.js';
import { dayRange, plural, spanLabel, truncate, type RenderOptions } from './style.js';
import { streakLine } from './streak.js';

const OVERDUE_SHOWN = 3;

/** The command that marks an overdue line done, on every day it stands for. */
const doneCommand = (task: OverdueTask) => `prep done --day ${task.days.from === task.days.to ? task.days.from : `${task.days.from}-${task.days.to}`} ${task.n}`;

export function renderToday(data: TodayData, { style, columns }: RenderOptions): string {
  const lines: string[] = [];
  const date = humanDate(data.date);
  const progress = `${data.progress.done}/${data.progress.total} tasks done`;

  if (data.status === 'not-started') {
    const wait = 1 - data.day;
    lines.push(`${style.bold(data.plan.title)}`, `${date}: starts in ${plural(wait, 'day')}, on ${humanDate(data.start)} (day 1 of ${data.plan.days}).`);
  } else if (data.status === 'finished') {
    lines.push(`${style.bold(data.plan.title)}`, `${date}: finished on ${humanDate(data.end)}. ${progress}, checklist ${data.checklist.done}/${data.checklist.total}.`);
    if (data.checklist.done < data.checklist.total) lines.push(style.dim('`prep checklist` shows what is left before the interviews.'));
  } else {
    const where = [data.group, data.kind === 'week' || data.span ? spanLabel(data.kind ?? 'day', data.span?.from ?? data.day, data.span?.to ?? data.day) : null].filter(Boolean).join(' · ');
    const day = `Day ${data.day}/${data.plan.days}`;
    // The day's title gives way first, so the date stays on the line.
    const title = data.title ? truncate(data.title, Math.max(10, columns - day.length - date.length - 6)) : '';
    lines.push(`${style.bold(day)}${title ? ` · ${style.bold(title)}` : ''}   ${style.dim(date)}`);
    lines.push(style.dim(truncate([data.plan.id, where].filter(Boolean).join(' · '), columns)));
    if (data.pausedSince) lines.push('', style.yellow(`Paused since ${humanDate(data.pausedSince)}: the plan waits at day ${data.day}.`), style.dim('Your streak is safe while paused; `prep resume` starts the plan again.'));
    if (data.kind === 'rest') lines.push('', 'A rest day: nothing is due. Your streak is safe.');
    if (data.kind === 'week') lines.push('', style.dim('This week\'s tasks: each is due once, on any day of the week.'));
    for (const note of data.notes) lines.push('', note);

    let section: string | null | undefined;
    const width = String(data.tasks.length).length;
    for (const task of data.tasks) {
      if (task.section !== section) {
        section = task.section;
        lines.push('', style.bold(section ?? 'Tasks'));
      } else if (section === undefined) lines.push('');
      const mark = task.done ? style.green('✔') : '○';
      const text = task.done ? style.dim(task.text) : task.text;
      lines.push(`  ${String(task.n).padStart(width)}. ${mark} ${text}`);
      const indent = ' '.repeat(width + 7);
      // A detail that is just a link's text is shown by the link line instead.
      const linkTexts = new Set(task.links.map((link) => link.text));
      for (const detail of task.details) if (!linkTexts.has(detail)) lines.push(style.dim(`${indent}- ${detail}`));
      for (const link of task.links) lines.push(style.dim(`${indent}${link.text === link.url ? link.url : `${link.text}: ${link.url}`}`));
    }
    if (data.deliverable) lines.push('', `${style.bold('Deliverable:')} ${data.deliverable}`);
  }

  if (data.overdue.length > 0) {
    const total = data.overdue.reduce((sum, task) => sum + task.count, 0);
    lines.push('', style.yellow(`Overdue: ${plural(total, 'task')} from earlier days`));
    for (const task of data.overdue.slice(0, OVERDUE_SHOWN)) {
      const clear = task.count > 1 ? ` (${plural(task.count, 'day')}: \`${doneCommand(task)}\` clears it)` : '';
      lines.push(`  ${dayRange(task.days.from, task.days.to)}, task ${task.n}: ${task.text}${clear}`);
    }
    const hidden = data.overdue.slice(OVERDUE_SHOWN).reduce((sum, task) => sum + task.count, 0);
    if (hidden > 0) lines.push(style.dim(`  … and ${hidden} more`));
    lines.push(style.dim(`Mark them with \`prep done --day D N\`: \`${doneCommand(data.overdue[0]!)}\` for the first.`));
  }
  if (data.behind > CATCH_UP_AFTER && !data.pausedSince) {
    lines.push(style.yellow(`You are ${plural(data.behind, 'day')} behind.`), style.dim(`\`prep plan catch-up\` makes day ${data.day - data.behind} today: the plan ends later, nothing done is lost.`));
  }
  if (data.orphans.length > 0) {
    lines.push('', style.dim(`${plural(data.orphans.length, 'completion')} for tasks no longer in the plan (kept in your log): ${data.orphans.map((o) => cleanLine(o.text ?? o.id)).slice(0, 3).join('; ')}`));
  }

  const doneToday = data.tasks.filter((t) => t.done).length;
  const summary = [
    streakLine(data.streak, style),
    // Parts with nothing to count (a rest day, a plan without a checklist) are left out.
    data.status === 'active' && data.tasks.length > 0 ? `today ${doneToday}/${data.tasks.length}` : null,
    `plan ${data.progress.done}/${data.progress.total}`,
    data.checklist.total > 0 ? `checklist ${data.checklist.done}/${data.checklist.total}` : null,
  ].filter(Boolean);
  lines.push('', summary.join(style.dim(' · ')));
  if (data.status === 'active' && data.tasks.some((t) => !t.done)) lines.push(style.dim('Mark tasks with `prep done N…`.'));
  return `${lines.join('\n')}\n`;
}

/** What `prep` alone adds under today's page. */
export function renderHints({ style }: RenderOptions): string {
  return style.dim('More: `prep week` · `prep stats` · `prep plan list` · `prep checklist` · `prep --help`\n');
}
