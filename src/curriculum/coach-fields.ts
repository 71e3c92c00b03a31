// The front-matter keys a coach toward a date reads: `hours` (the time a plan day takes, one
// figure or by weekday and weekend) and `starts-on` (the weekday of day 1, for a plan whose weeks
// run Monday to Sunday). Checked here, each problem at the line and column of what is wrong.
import type { HoursStatement } from './hours.js';
import { cleanText, nearest } from './text.js';
import type { Problem } from './types.js';

/** Monday … Sunday, as `starts-on` takes them (0 is Monday, as weekdayIndex counts). */
export const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** The weekday of plan day `day` (0 for Monday … 6 for Sunday) in a plan whose day 1 is `startsOn`. */
export const weekdayOfDay = (startsOn: number, day: number): number => (((startsOn + day - 1) % 7) + 7) % 7;

/** The most hours a plan day can take. */
export const MAX_DAY_HOURS = 24;

const HOURS_FORMAT = '`hours: 3`, or `hours: {weekday: 4, weekend: 8}`';
const HOURS_KEYS = ['weekday', 'weekend'] as const;

/** 0 for Monday … 6 for Sunday, from a weekday's name or its first three letters or more (tue, tues); undefined otherwise. */
export function weekdayNumber(name: string): number | undefined {
  const text = name.trim().toLowerCase();
  if (text.length < 3) return undefined;
  const index = WEEKDAY_NAMES.findIndex((day) => day.startsWith(text));
  return index < 0 ? undefined : index;
}

/** Where `text` first appears in the front matter from line `from` (1-based) through `to`: line and column. */
function locate(lines: readonly string[], from: number, to: number, text: string): { line: number; col: number } | undefined {
  for (let line = from; line <= to; line++) {
    const col = (lines[line - 1] ?? '').indexOf(text);
    if (col >= 0) return { line, col: col + 1 };
  }
  return undefined;
}

/** The lines a top-level key's value may run over: its own and the indented ones after it. */
function valueLines(lines: readonly string[], keyLine: number): number {
  let last = keyLine;
  while (last < lines.length && /^\s+\S/.test(lines[last] ?? '')) last++;
  return last;
}

const isHours = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_DAY_HOURS;

export interface CoachFields {
  hours?: HoursStatement;
  startsOn?: number;
}

/**
 * Checks `hours` and `starts-on` of the front matter `record`; `lines` are the file's lines and
 * `keyLines` the line of each top-level key, so each problem points at what is wrong.
 */
export function checkCoachFields(record: Record<string, unknown>, lines: readonly string[], keyLines: Record<string, number>): { fields: CoachFields; problems: Problem[] } {
  const problems: Problem[] = [];
  const fields: CoachFields = {};
  const error = (at: { line: number; col: number }, message: string) => problems.push({ severity: 'error', line: at.line, col: at.col, message: cleanText(message) });
  // The value's column: after `key:` and its spaces.
  const valueAt = (key: string) => {
    const line = keyLines[key] ?? 1;
    const match = new RegExp(`^${key}\\s*:\\s*`).exec(lines[line - 1] ?? '');
    return { line, col: (match?.[0].length ?? 0) + 1 };
  };

  const { hours } = record;
  if (hours !== undefined) {
    const at = valueAt('hours');
    const last = valueLines(lines, at.line);
    if (typeof hours === 'number') {
      if (isHours(hours) && hours > 0) fields.hours = { weekday: hours, weekend: hours };
      else error(at, `\`hours\` must be the hours a plan day takes, more than 0 and at most ${MAX_DAY_HOURS}, such as ${HOURS_FORMAT}; got ${JSON.stringify(hours)}`);
    } else if (typeof hours === 'object' && hours !== null && !Array.isArray(hours)) {
      const map = hours as Record<string, unknown>;
      const statement: Partial<HoursStatement> = {};
      for (const [key, value] of Object.entries(map)) {
        const where = locate(lines, at.line, last, key) ?? at;
        if (!(HOURS_KEYS as readonly string[]).includes(key)) {
          const guess = nearest(key, HOURS_KEYS);
          error(where, `unknown key \`${key}\` in \`hours\`${guess ? ` (did you mean \`${guess}\`?)` : ''}: it takes \`weekday\` and \`weekend\`, such as ${HOURS_FORMAT}`);
        } else if (!isHours(value)) {
          error(where, `\`hours.${key}\` must be a number of hours from 0 to ${MAX_DAY_HOURS}; got ${JSON.stringify(value)}`);
        } else statement[key as keyof HoursStatement] = value;
      }
      const { weekday, weekend } = statement;
      if (Object.keys(map).length === 0) error(at, `\`hours\` is empty: write ${HOURS_FORMAT}`);
      else if (weekday === 0 && weekend === 0) error(at, '`hours` gives no time to any day: a plan day takes more than 0 hours');
      else if (weekday !== undefined || weekend !== undefined) fields.hours = { weekday: weekday ?? weekend!, weekend: weekend ?? weekday! };
    } else {
      error(at, `\`hours\` must be a number or a mapping, such as ${HOURS_FORMAT}; got ${JSON.stringify(hours)}`);
    }
  }

  const startsOn = record['starts-on'];
  if (startsOn !== undefined) {
    const at = valueAt('starts-on');
    const day = typeof startsOn === 'string' ? weekdayNumber(startsOn) : undefined;
    if (day !== undefined) fields.startsOn = day;
    else {
      const guess = typeof startsOn === 'string' ? nearest(startsOn, WEEKDAY_NAMES) : undefined;
      error(at, `\`starts-on\` must be the weekday of day 1, monday … sunday, such as \`starts-on: monday\`; got ${JSON.stringify(startsOn)}${guess ? ` (did you mean \`${guess}\`?)` : ''}`);
    }
  }
  return { fields, problems };
}
