// How long a plan says a thing takes, read from its own words: a label's "(2 hours)" or
// "(5:00–10:00 am)", a task's leading "5:00–7:00:", a note "Full Day (8 hours).", and the intro's
// "3-4 hours a day on weekdays, 6-8 at weekends". Pure text → hours. A range ("2-3 hours",
// "5–7 hours daily") is read as its upper bound: the plan's authors mean "up to", and a schedule
// planned on the upper bound is one the user can keep.

/** Hours on a plan's weekdays and on its weekend days; one figure is both. */
export interface HoursStatement {
  weekday: number;
  weekend: number;
}

const NUMBER = String.raw`\d{1,3}(?:[.,]\d{1,2})?`;
const DASH = String.raw`\s*(?:-|\u2013|\u2014|to)\s*`;
const HOUR_UNIT = String.raw`(?:hours?|hrs?|h)(?![a-z])`;
const MINUTE_UNIT = String.raw`(?:minutes?|mins?|m)(?![a-z])`;
// `2 hours`, `2-3 hours`, `1.5 h`, `1h30`, `90 min`, `45-60 minutes`.
const DURATION = new RegExp(String.raw`(?<![\d:.])(${NUMBER})(?:${DASH}(${NUMBER}))?\s*(?:(${HOUR_UNIT})(?:\s*(\d{1,2})\s*(?:${MINUTE_UNIT})?)?|(${MINUTE_UNIT}))`, 'i');
const CLOCK = String.raw`(\d{1,2})(?::(\d{2}))?(?:\s*([ap])\.?m\b\.?)?`;
// `5:00–7:00`, `5:00-7:00 AM`, `19:00–21:30`, `9–11 pm`, `10 am - 12:30 pm`.
const TIME_RANGE = new RegExp(String.raw`(?<![\d:])${CLOCK}${DASH}${CLOCK}`, 'i');
const LEADING_TIME_RANGE = new RegExp(String.raw`^\s*${TIME_RANGE.source}\s*(?::|[-\u2013\u2014]\s)`, 'i');

const toNumber = (text: string) => Number(text.replace(',', '.'));

/** Hours of a duration such as "2 hours", "2-3 hours" (3), "90 min", "1h30"; undefined when there is none. */
export function durationHours(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match) return undefined;
  const [, low, high, hourUnit, extraMinutes, minuteUnit] = match;
  const amount = toNumber(high ?? low!);
  if (minuteUnit) return amount / 60;
  if (hourUnit) return amount + (extraMinutes ? Number(extraMinutes) / 60 : 0);
  return undefined;
}

/** Minutes past midnight of a clock time; `half` is a or p when written. */
function clockMinutes(hour: number, minute: number, half: string | undefined): number | undefined {
  if (minute > 59 || hour > 24 || (half && (hour < 1 || hour > 12))) return undefined;
  if (!half) return hour * 60 + minute;
  return ((hour % 12) + (half.toLowerCase() === 'p' ? 12 : 0)) * 60 + minute;
}

function rangeHours(match: RegExpExecArray): number | undefined {
  const [, h1, m1, half1, h2, m2, half2] = match;
  // A range written with no minutes and no am/pm is not a time of day ("2-3" hours, "Days 29-35").
  if (m1 === undefined && m2 === undefined && half1 === undefined && half2 === undefined) return undefined;
  const endHalf = half2 ?? half1;
  const end = clockMinutes(Number(h2), Number(m2 ?? 0), endHalf);
  let start = clockMinutes(Number(h1), Number(m1 ?? 0), half1 ?? endHalf);
  if (start === undefined || end === undefined) return undefined;
  // "11–1 pm" is 11 am to 1 pm: with one am/pm for both, a start after the end is in the other half.
  if (half1 === undefined && endHalf !== undefined && start > end) start -= 12 * 60;
  let minutes = end - start;
  if (minutes <= 0) minutes += 24 * 60; // over midnight: 23:00–01:00
  return minutes / 60;
}

/** Hours between the two times of a block such as "5:00–7:00" or "9–11 pm"; undefined when there is none. */
export function timeRangeHours(text: string): number | undefined {
  const match = TIME_RANGE.exec(text);
  return match ? rangeHours(match) : undefined;
}

/** Hours of a task written after a time block, "5:00–7:00: Read …"; undefined for any other task. */
export function leadingTimeBlockHours(text: string): number | undefined {
  const match = LEADING_TIME_RANGE.exec(text);
  return match ? rangeHours(match) : undefined;
}

/** Hours a section label states: "Morning (2 hours)", "Afternoon (2-3 hours)", "Morning (5:00–10:00 am)". */
export function labelHours(label: string): number | undefined {
  return timeRangeHours(label) ?? durationHours(label);
}

// "Full Day (8 hours).", "Light Day (2-3 hours)", "Half day: 4 hours": what the whole day takes.
const DAY_TOTAL = /^\s*(?:[\p{L}-]+\s+){0,2}day\b\s*(?:\(([^)]*)\)|[:\u2014\u2013-]\s*(.+?))\s*\.?\s*$/iu;

/** The hours a note states for its whole day, such as "Full Day (8 hours)."; undefined for other notes. */
export function dayTotalHours(note: string): number | undefined {
  const match = DAY_TOTAL.exec(note);
  const inner = match?.[1] ?? match?.[2];
  return inner === undefined ? undefined : durationHours(inner);
}

// "3-4 hours a day", "1 hour daily", "6-8 hours/day", "around 5–7 hours daily".
const PER_DAY = new RegExp(String.raw`(?<![\d:.])(${NUMBER})(?:${DASH}(${NUMBER}))?\s*${HOUR_UNIT}\s*(?:\/\s*day|a\s+day|per\s+day|each\s+day|every\s+day|daily)\b`, 'gi');
const WEEKEND = /\bweek-?ends?\b|\bsat(?:urday)?s?\b|\bsun(?:day)?s?\b/i;
const WEEKDAY = /\bweek-?days?\b|\bmon(?:day)?s?\b|\bworking days\b|\bwork days\b/i;

/**
 * The daily time a plan's prose states, by weekday and weekend: "3-4 hours/day (weekdays),
 * 6-8 hours/day (weekends)" → {weekday: 4, weekend: 8}; "about 1 hour a day" → 1 for both.
 * A qualifier is read from the words just after a figure, else just before it, within its clause.
 */
export function statedDailyHours(prose: string): HoursStatement | undefined {
  let weekday: number | undefined;
  let weekend: number | undefined;
  let both: number | undefined;
  for (const match of prose.matchAll(PER_DAY)) {
    const hours = toNumber(match[2] ?? match[1]!);
    if (!(hours > 0 && hours <= 24)) continue;
    const end = match.index + match[0].length;
    const after = prose.slice(end, end + 30).split(/[,;.\n]|\d/)[0] ?? '';
    const before = prose.slice(Math.max(0, match.index - 30), match.index).split(/[,;.\n]/).at(-1) ?? '';
    const which = (text: string) => (WEEKEND.test(text) ? 'weekend' : WEEKDAY.test(text) ? 'weekday' : undefined);
    const side = which(after) ?? which(before);
    if (side === 'weekend') weekend ??= hours;
    else if (side === 'weekday') weekday ??= hours;
    else both ??= hours;
  }
  if (weekday === undefined && weekend === undefined && both === undefined) return undefined;
  return { weekday: weekday ?? both ?? weekend!, weekend: weekend ?? both ?? weekday! };
}
