// The importer's stage for plans written by weekday (Monday … Sunday blocks): the weekday of day 1,
// written as `starts-on`, so that the plan's weekend days stay on weekends when it is scheduled.
import { weekdayNumber } from '../curriculum/coach-fields.js';
import type { DraftSpan } from './draft.js';

/**
 * The weekday of day 1 (0 for Monday) when the plan names its days by weekday and every one of
 * them agrees on it; undefined for a plan of numbered days, or one whose weekdays disagree.
 */
export function weekdayOfDayOne(spans: readonly Pick<DraftSpan, 'weekday' | 'from'>[]): number | undefined {
  let found: number | undefined;
  for (const span of spans) {
    const weekday = span.weekday ? weekdayNumber(span.weekday) : undefined;
    if (weekday === undefined) continue;
    const dayOne = (((weekday - (span.from - 1)) % 7) + 7) % 7;
    if (found !== undefined && found !== dayOne) return undefined;
    found = dayOne;
  }
  return found;
}
