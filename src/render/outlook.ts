// The road ahead in words, for `prep today` (sentences) and `prep stats` (a line of parts): the
// pace of the last 14 days and the finish at it; with a deadline, the days left, the pace it needs,
// and a warning when the plan's own end falls after it.
import type { Outlook } from '../schedule/outlook.js';
import { daysBetween, type LocalDate } from '../schedule/dates.js';
import type { Pace } from '../schedule/forecast.js';
import { humanDate } from './dates.js';
import { plural } from './style.js';

/** One decimal, as a person reads a pace: 3.7, 8. */
const figure = (n: number) => String(Math.round(n * 10) / 10);

/** `3.7 tasks, 3.1 hours a day`. */
export function paceText(pace: Pace): string {
  const tasks = figure(pace.tasks);
  const hours = figure(pace.hours);
  return `${tasks} ${tasks === '1' ? 'task' : 'tasks'}, ${hours} ${hours === '1' ? 'hour' : 'hours'} a day`;
}

/** `the last 14 days`, `today`: the days a pace was measured over. */
const windowText = (days: number) => (days === 1 ? 'today' : `the last ${days} days`);

export interface OutlookLine {
  text: string;
  /** Something to act on: shown in the warning colour. */
  warn: boolean;
}

/** Where the deadline stands: days away, today, or past. */
export function deadlineText(deadline: NonNullable<Outlook['deadline']>): string {
  if (deadline.daysLeft > 0) return `${humanDate(deadline.date)}, in ${plural(deadline.daysLeft, 'day')}`;
  if (deadline.daysLeft === 0) return `today, ${humanDate(deadline.date)}`;
  return `${humanDate(deadline.date)}, ${plural(-deadline.daysLeft, 'day')} ago`;
}

/** `Wed 13 May 2026, 31 days after the plan's end`: the finish, and how far past the plan's own end it falls. */
function finishText(finish: LocalDate, end: LocalDate): string {
  const over = daysBetween(end, finish);
  return over > 0 ? `${humanDate(finish)}, ${plural(over, 'day')} after the plan's end` : humanDate(finish);
}

/** The late warning: the plan's own end, `end`, after the deadline. */
const lateText = (end: LocalDate) => `The plan's own end, ${humanDate(end)}, falls after the deadline.`;

/** Sentences for today's page; none while there is nothing to say (no pace, no deadline, nothing left). */
export function outlookSentences({ deadline, forecast }: Outlook, end: LocalDate): OutlookLine[] {
  const lines: OutlookLine[] = [];
  if (forecast.remaining.tasks === 0) return lines;
  if (forecast.pace && forecast.finish) lines.push({ text: `At your pace of ${windowText(forecast.paceDays)} (${paceText(forecast.pace)}), you finish on ${finishText(forecast.finish, end)}.`, warn: false });
  if (deadline) lines.push({ text: `Deadline ${deadlineText(deadline)}${forecast.needed ? `: it needs ${paceText(forecast.needed)}` : ''}.`, warn: false });
  if (forecast.late) lines.push({ text: lateText(end), warn: true });
  return lines;
}

/** The parts of `prep stats`'s Pace line, and of its Deadline line when there is one. */
export function outlookParts({ deadline, forecast }: Outlook, end: LocalDate): { pace: string[]; deadline: string[] | null; late: string | null } {
  // One line at 80 columns, so that the report still fits a terminal of 24 rows.
  const pace = forecast.pace
    ? [`${paceText(forecast.pace)} (${forecast.paceDays === 1 ? 'today' : `last ${forecast.paceDays} days`})`, ...(forecast.finish && forecast.remaining.tasks > 0 ? [`done on ${humanDate(forecast.finish)}`] : [])]
    : [`none yet: nothing done in ${windowText(Math.max(1, forecast.paceDays))}`];
  const due = deadline ? [deadlineText(deadline), ...(forecast.needed ? [`needs ${paceText(forecast.needed)}`] : [])] : null;
  return { pace, deadline: due, late: forecast.late ? lateText(end) : null };
}
