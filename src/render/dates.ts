// Dates for people. date-fns is loaded by renderers only, never on the prompt path.
import { format } from 'date-fns';
import type { LocalDate } from '../schedule/dates.js';

/** `Sat 21 Nov 2026`, for people; formatted at local noon of that date, which exists in every zone. */
export function humanDate(date: LocalDate): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return format(new Date(y, m - 1, d, 12), 'EEE d MMM yyyy');
}
