// A plan as an iCalendar file (RFC 5545): one all-day event per plan day, on the date the plan's
// clock puts it (pauses and catch-up move it), or under a rebalanced schedule on each date its
// tasks fall on (a split day an event per date); a deadline as an event of its own. Pure:
// `today` and `now` are passed in.
import type { Plan } from '../curriculum/types.js';
import { dateOfDay, type PlanClock } from '../schedule/clock.js';
import { addDays, type LocalDate } from '../schedule/dates.js';
import type { PlanDay } from '../schedule/plan-days.js';
import type { ScheduleView } from '../schedule/schedule-view.js';

const CRLF = '\r\n';
/** RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
const MAX_OCTETS = 75;
// SEQUENCE must grow with every change for a calendar to accept an update of an event it has.
// prep keeps no counter, so it is the export's minute since this epoch: later exports win, and
// it stays a 32-bit INTEGER for four thousand years (seconds since 1970 would overflow in 2038).
const SEQUENCE_EPOCH = Date.UTC(2020, 0, 1);

/** A TEXT value (§3.3.11): backslash, semicolon and comma escaped, line breaks as `\n`. */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    // Control characters other than the line break are not allowed in TEXT.
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, (c) => (c === '\t' ? ' ' : ''))
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

/**
 * Folds one content line (§3.1): physical lines of at most 75 octets of UTF-8, joined by CRLF and
 * one space. Breaks fall between code points, never inside a character's bytes.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > MAX_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

/** The inverse of foldLine: what a parser does before it reads a line (§3.1). */
export function unfold(text: string): string {
  return text.replace(/\r\n[ \t]/g, '');
}

/** `YYYYMMDD`, the DATE value form (§3.3.4). */
const icsDate = (date: LocalDate) => date.replaceAll('-', '');
/** `YYYYMMDDTHHMMSSZ`: a UTC instant, the DATE-TIME form DTSTAMP and LAST-MODIFIED require. */
const icsInstant = (now: Date) => now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/** Stable per plan and day number: a re-export updates the calendar's events instead of adding more. */
export function eventUid(planId: string, day: number): string {
  return `${planId}-day-${day}@prep`;
}

/** `Day 5/42 · Scalability Patterns (6-week)`, with `part` `Day 5/42 · Scalability Patterns, part 1 of 2 (6-week)`; a rest day is titled Rest. */
export function eventSummary(plan: Pick<Plan, 'id' | 'days'>, day: PlanDay, part = ''): string {
  const title = day.kind === 'rest' ? day.title || 'Rest' : day.title;
  return `Day ${day.day}/${plan.days}${title ? ` · ${title}` : ''}${part ? `, ${part}` : ''} (${plan.id})`;
}

/** The day's tasks (those numbered in `only`: a part of a split day) as `prep done --day D N` takes them, under their section labels, then the deliverable and your notes. */
export function eventDescription(day: PlanDay, notes: readonly string[] = [], only?: ReadonlySet<number>): string {
  const lines: string[] = [];
  if (day.group) lines.push(day.group);
  let section: string | undefined;
  day.tasks.forEach((task, index) => {
    if (only && !only.has(index + 1)) return;
    if (task.section !== undefined && task.section !== section) lines.push(task.section);
    section = task.section;
    lines.push(`${index + 1}. ${task.text}`);
  });
  if (day.tasks.length === 0) lines.push(day.kind === 'rest' ? 'A rest day: nothing is due.' : 'Nothing is due.');
  if (day.deliverable) lines.push(`Deliverable: ${day.deliverable}`);
  if (notes.length > 0) lines.push('Notes:', ...notes.map((note) => `- ${note.replace(/\n/g, '\n  ')}`));
  return lines.join('\n');
}

/** One all-day event. */
function allDay(uid: string, date: LocalDate, summary: string, description: string, header: string[]): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    ...header,
    `DTSTART;VALUE=DATE:${icsDate(date)}`,
    // DTEND of an all-day event is exclusive: the next day.
    `DTEND;VALUE=DATE:${icsDate(addDays(date, 1))}`,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(description)}`,
    // Study time should not show the whole day as busy.
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/**
 * The dates a plan day's tasks fall on under `schedule`, each with the numbers of its tasks there;
 * undefined for a day the schedule does not place (a rest day, a week's, one done before it was made).
 */
export function scheduledParts(day: PlanDay, schedule: Pick<ScheduleView, 'dateOf'> | undefined): { date: LocalDate; tasks: Set<number> }[] | undefined {
  if (!schedule || day.kind === 'week' || day.tasks.length === 0) return undefined;
  const parts = new Map<LocalDate, Set<number>>();
  for (const [index, task] of day.tasks.entries()) {
    const date = schedule.dateOf.get(task.id);
    if (date === undefined) return undefined;
    parts.set(date, (parts.get(date) ?? new Set()).add(index + 1));
  }
  return [...parts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, tasks]) => ({ date, tasks }));
}

/** The whole calendar: VCALENDAR with one VEVENT per plan day (per part, under a schedule), the deadline's, CRLF line ends, folded lines. */
export function planCalendar(plan: Pick<Plan, 'id' | 'title' | 'days'>, days: readonly PlanDay[], clock: PlanClock, today: LocalDate, now: Date, notes: ReadonlyMap<number, readonly string[]> = new Map(), coach: { schedule?: Pick<ScheduleView, 'dateOf'>; deadline?: LocalDate } = {}): string {
  const stamp = icsInstant(now);
  const sequence = Math.max(0, Math.floor((now.getTime() - SEQUENCE_EPOCH) / 60_000));
  const header = [`DTSTAMP:${stamp}`, `LAST-MODIFIED:${stamp}`, `SEQUENCE:${sequence}`];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//prep//prep study coach//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(plan.title)}`,
  ];
  for (const day of days) {
    const parts = scheduledParts(day, coach.schedule);
    if (!parts) {
      lines.push(...allDay(eventUid(plan.id, day.day), dateOfDay(clock, day.day, today), eventSummary(plan, day), eventDescription(day, notes.get(day.day)), header));
      continue;
    }
    // The first part keeps the day's UID, so a calendar that has the day moves it.
    parts.forEach((part, i) => {
      const uid = i === 0 ? eventUid(plan.id, day.day) : eventUid(plan.id, day.day).replace('@', `-part-${i + 1}@`);
      const summary = eventSummary(plan, day, parts.length === 1 ? '' : `part ${i + 1} of ${parts.length}`);
      lines.push(...allDay(uid, part.date, summary, eventDescription(day, notes.get(day.day), part.tasks), header));
    });
  }
  if (coach.deadline) lines.push(...allDay(`${plan.id}-deadline@prep`, coach.deadline, `Deadline (${plan.id})`, `The date ${plan.id} is to be done by: \`prep today\` shows the pace it needs.`, header));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
