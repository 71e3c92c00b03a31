import type { TodayData } from '../commands/today.js';
import { spanLabel } from '../curriculum/span-label.js';
import { cleanLine } from '../curriculum/text.js';
import { CATCH_UP_AFTER, type OverdueTask } from '../schedule/progress.js';
import { humanDate } from './dates.js';
import { displayWidth, headline, hyperlink, joinParts, wrapLines, wrapText } from './layout.js';
import { codeSpans } from './markdown.js';
import { outlookSentences } from './outlook.js';
import { daysPhrase, plural, truncate, type RenderOptions } from './style.js';
import { streakLine } from './streak.js';
import { behindScheduleLines, ENDED_REBALANCE, scheduledSection, scheduleHead } from './due-today.js';
import { dayNotesLines, reviewsLines } from './today-review.js';

const OVERDUE_SHOWN = 3;

/** The command that marks an overdue line done, on every day it stands for. */
const doneCommand = (task: OverdueTask) => `prep done --day ${task.days.from === task.days.to ? task.days.from : `${task.days.from}-${task.days.to}`} ${task.n}`;

/** A link under its task: the clickable text where links can be, else `text: url`. */
function linkLine(link: { text: string; url: string }, hyperlinks: boolean | undefined): string {
  if (hyperlinks) return hyperlink(link.text, link.url);
  const url = cleanLine(link.url); // cleaned by the parser too: this is what reaches the terminal
  return link.text === link.url ? url : `${link.text}: ${url}`;
}

export function renderToday(data: TodayData, options: RenderOptions): string {
  const { style, columns, wrapAt } = options;
  const lines: string[] = [];
  /** A paragraph, wrapped on a terminal; `paint` styles each of its lines. */
  const say = (text: string, paint: (line: string) => string = (line) => line, prefix = '') => lines.push(...wrapText(text, wrapAt, { prefix }).map((line) => paint(line)));
  const date = humanDate(data.date);
  const progress = `${data.progress.done}/${data.progress.total} tasks done`;

  if (data.status === 'not-started') {
    const wait = 1 - data.day;
    say(data.plan.title, style.bold);
    say(`${date}: starts in ${plural(wait, 'day')}, on ${humanDate(data.start)} (day 1 of ${data.plan.days}).`);
  } else if (data.status === 'finished') {
    say(data.plan.title, style.bold);
    say(`${date}: finished on ${humanDate(data.end)}. ${progress}, checklist ${data.checklist.done}/${data.checklist.total}.`);
    if (data.checklist.done < data.checklist.total) say('`prep checklist` shows what is left before the interviews.', style.dim);
  } else if (data.status === 'ended') {
    say(data.plan.title, style.bold);
    say(`${date}: ended on ${humanDate(data.end)}, ${data.progress.done}/${data.progress.total} done, checklist ${data.checklist.done}/${data.checklist.total}.`);
    if (data.schedule) say(behindScheduleLines(data.behind)[1], style.dim);
    else {
      say(`\`prep plan catch-up\` picks up at day ${data.day - data.behind}, the first not done: the plan ends later, nothing done is lost.`, style.dim);
      say(ENDED_REBALANCE, style.dim);
    }
  } else {
    if (data.schedule) lines.push(...scheduleHead(data, data.schedule, options));
    else {
      const where = [data.plan.id, data.group, data.kind === 'week' || data.span ? spanLabel(data.kind ?? 'day', data.span?.from ?? data.day, data.span?.to ?? data.day) : null].filter((part): part is string => Boolean(part));
      const day = `Day ${data.day}/${data.plan.days}`;
      // The day's title gives way first, so the date stays on the line.
      const title = data.title ? truncate(data.title, Math.max(10, columns - displayWidth(day) - displayWidth(date) - 6)) : '';
      lines.push(`${style.bold(day)}${title ? ` · ${style.bold(title)}` : ''}   ${style.dim(date)}`);
      lines.push(...headline(where, ' · ', options).map((line) => style.dim(line)));
    }
    if (data.pausedSince) {
      lines.push('');
      say(`Paused since ${humanDate(data.pausedSince)}: the plan waits at day ${data.day}.`, style.yellow);
      say('Your streak is safe while paused; `prep resume` starts the plan again.', style.dim);
    }
    if (data.kind === 'rest') {
      lines.push('');
      say('A rest day: nothing is due. Your streak is safe.');
    }
    if (data.kind === 'week') {
      lines.push('');
      say('This week\'s tasks: each is due once, on any day of the week.', style.dim);
    }
    for (const note of data.notes) lines.push('', ...wrapLines(codeSpans(note, style), wrapAt));

    let section: string | null | undefined;
    const width = String(data.tasks.length).length;
    for (const task of data.tasks) {
      if (scheduledSection(task) !== section) {
        section = scheduledSection(task);
        lines.push('', style.bold(section ?? 'Tasks'));
      } else if (section === undefined) lines.push('');
      const mark = task.done ? style.green('✔') : '○';
      const text = codeSpans(task.text, style);
      // Wrapped lines continue under the task's text, not under its number.
      lines.push(...wrapText(task.done ? style.dim(text) : text, wrapAt, { prefix: `  ${String(task.n).padStart(width)}. ${mark} ` }));
      const indent = ' '.repeat(width + 7);
      // A detail that is just a link's text is shown by the link line instead.
      const linkTexts = new Set(task.links.map((link) => link.text));
      for (const detail of task.details) if (!linkTexts.has(detail)) say(codeSpans(detail, style), style.dim, `${indent}- `);
      for (const link of task.links) say(linkLine(link, options.hyperlinks), style.dim, indent);
    }
    if (data.deliverable) lines.push('', ...wrapText(codeSpans(data.deliverable, style), wrapAt, { prefix: `${style.bold('Deliverable:')} ` }));
    lines.push(...dayNotesLines(data.dayNotes, options));
  }

  if (data.overdue.length > 0) {
    const total = data.overdue.reduce((sum, task) => sum + task.count, 0);
    lines.push('');
    say(`Overdue: ${plural(total, 'task')} from earlier days`, style.yellow);
    for (const task of data.overdue.slice(0, OVERDUE_SHOWN)) {
      const clear = task.count > 1 ? ` (${plural(task.count, 'day')}: \`${doneCommand(task)}\` clears it)` : '';
      say(`${codeSpans(task.text, style)}${clear}`, undefined, `  ${daysPhrase(task.days.from, task.days.to)}, task ${task.n}: `);
    }
    const hidden = data.overdue.slice(OVERDUE_SHOWN).reduce((sum, task) => sum + task.count, 0);
    if (hidden > 0) say(`… and ${hidden} more`, style.dim, '  ');
    say(`Mark them with \`prep done --day D N\`: \`${doneCommand(data.overdue[0]!)}\` for the first.`, style.dim);
  }
  if (data.status === 'active' && data.behind > CATCH_UP_AFTER && data.schedule) {
    const [behind, hint] = behindScheduleLines(data.behind);
    say(behind, style.yellow);
    say(hint, style.dim);
  } else if (data.status === 'active' && data.behind > CATCH_UP_AFTER && !data.pausedSince) {
    say(`You are ${plural(data.behind, 'day')} behind.`, style.yellow);
    say(`\`prep plan catch-up\` makes day ${data.day - data.behind} today: the plan ends later, nothing done is lost.`, style.dim);
  }
  lines.push(...reviewsLines(data.reviews, options));
  const ahead = data.status === 'not-started' ? [] : outlookSentences(data, data.end);
  if (ahead.length > 0) lines.push('');
  for (const line of ahead) say(line.text, line.warn ? style.yellow : style.dim);
  if (data.orphans.length > 0) {
    lines.push('');
    say(`${plural(data.orphans.length, 'completion')} for tasks no longer in the plan (kept in your log): ${data.orphans.map((o) => cleanLine(o.text ?? o.id)).slice(0, 3).join('; ')}`, style.dim);
  }

  const doneToday = data.tasks.filter((t) => t.done).length;
  const summary = [
    streakLine(data.streak, style),
    // Parts with nothing to count (a rest day, a plan without a checklist) are left out.
    data.status === 'active' && data.tasks.length > 0 ? `today ${doneToday}/${data.tasks.length}` : null,
    `plan ${data.progress.done}/${data.progress.total}`,
    data.checklist.total > 0 ? `checklist ${data.checklist.done}/${data.checklist.total}` : null,
  ].filter((part): part is string => part !== null);
  // The status line breaks between its parts, never inside one.
  lines.push('', ...joinParts(summary, style.dim(' · '), wrapAt));
  if (data.status === 'active' && data.tasks.some((t) => !t.done)) say('Mark tasks with `prep done N…`.', style.dim);
  return `${lines.join('\n')}\n`;
}

/** What `prep` alone adds under today's page. */
export function renderHints({ style, wrapAt }: RenderOptions): string {
  const parts = ['More: `prep week`', '`prep stats`', '`prep plan list`', '`prep checklist`', '`prep --help`'];
  return `${joinParts(parts, ' · ', wrapAt).map((line) => style.dim(line)).join('\n')}\n`;
}
