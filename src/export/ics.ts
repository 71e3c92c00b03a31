// A plan as an iCalendar file (RFC 5545): one all-day event per plan day, on the date the plan's
// clock puts it (pauses and catch-up move it). Pure: `today` and `now` are passed in.
import type { Plan } from '../curriculum/types.js';
import { dateOfDay, type PlanClock } from '../schedule/clock.js';
import { addDays, type LocalDate } from '../schedule/dates.js';
import type { PlanDay } from '../schedule/plan-days.js';

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

/** `Day 5/42 · Scalability Patterns (6-week)`; a rest day is titled Rest. */
export function eventSummary(plan: Pick<Plan, 'id' | 'days'>, day: PlanDay): string {
  const title = day.kind === 'rest' ? day.title || 'Rest' : day.title;
  return `Day ${day.day}/${plan.days}${title ? ` · ${title}` : ''} (${plan.id})`;
}

/** The day's tasks numbered as `prep done N` takes them, under their section labels, then the deliverable and your notes. */
export function eventDescription(day: PlanDay, notes: readonly string[] = []): string {
  const lines: string[] = [];
  if (day.group) lines.push(day.group);
  let section: string | undefined;
  day.tasks.forEach((task, index) => {
    if (task.section !== undefined && task.section !== section) lines.push(task.section);
    section = task.section;
    lines.push(`${index + 1}. ${task.text}`);
  });
  if (day.tasks.length === 0) lines.push(day.kind === 'rest' ? 'A rest day: nothing is due.' : 'Nothing is due.');
  if (day.deliverable) lines.push(`Deliverable: ${day.deliverable}`);
  if (notes.length > 0) lines.push('Notes:', ...notes.map((note) => `- ${note.replace(/\n/g, '\n  ')}`));
  return lines.join('\n');
}

/** The whole calendar: VCALENDAR with one VEVENT per plan day, CRLF line ends, folded lines. */
export function planCalendar(plan: Pick<Plan, 'id' | 'title' | 'days'>, days: readonly PlanDay[], clock: PlanClock, today: LocalDate, now: Date, notes: ReadonlyMap<number, readonly string[]> = new Map()): string {
  const stamp = icsInstant(now);
  const sequence = Math.max(0, Math.floor((now.getTime() - SEQUENCE_EPOCH) / 60_000));
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//prep//prep study coach//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(plan.title)}`,
  ];
  for (const day of days) {
    const date = dateOfDay(clock, day.day, today);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${eventUid(plan.id, day.day)}`,
      `DTSTAMP:${stamp}`,
      `LAST-MODIFIED:${stamp}`,
      `SEQUENCE:${sequence}`,
      `DTSTART;VALUE=DATE:${icsDate(date)}`,
      // DTEND of an all-day event is exclusive: the next day.
      `DTEND;VALUE=DATE:${icsDate(addDays(date, 1))}`,
      `SUMMARY:${escapeText(eventSummary(plan, day))}`,
      `DESCRIPTION:${escapeText(eventDescription(day, notes.get(day.day)))}`,
      // Study time should not show the whole day as busy.
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
