// The review's due dates, precomputed on every change (src/session/review-due.ts) so that the
// prompt can count today's reviews without replaying grades through FSRS. Pure but for the file.
import { join } from 'node:path';
import { readCacheFile } from '../io/cache-file.js';
import { isLocalDate, type LocalDate } from '../schedule/dates.js';

/** Each card's due date and the date it was last reviewed, and the daily limit. */
export interface DueFile {
  limit: number;
  cards: [due: LocalDate, last: LocalDate | null][];
}

export const dueFilePath = (cacheDir: string) => join(cacheDir, 'review-due.json');

/**
 * Reviews due on `date` as `prep review` counts them (src/review/schedule.ts dueToday): those
 * reviewed that day and due again, then the rest up to the daily limit; `held`, the rest.
 */
export function reviewsDueOn(file: DueFile, date: LocalDate): { due: number; held: number } {
  const due = file.cards.filter(([on]) => on <= date);
  const reviewed = file.cards.filter(([, last]) => last === date).length;
  const again = due.filter(([, last]) => last === date).length;
  const room = Math.max(0, file.limit - reviewed);
  return { due: again + Math.min(due.length - again, room), held: Math.max(0, due.length - again - room) };
}

const isDate = (value: unknown) => typeof value === 'string' && isLocalDate(value);

/** The file as written, or undefined for one that is missing or not one (the prompt then shows 0). */
export function readDueFile(cacheDir: string): DueFile | undefined {
  const text = readCacheFile(dueFilePath(cacheDir), 'utf8');
  if (text === undefined) return undefined;
  try {
    const raw = JSON.parse(text) as Partial<DueFile>;
    const valid = typeof raw.limit === 'number' && Array.isArray(raw.cards) && raw.cards.every((card) => Array.isArray(card) && isDate(card[0]) && (card[1] === null || isDate(card[1])));
    return valid ? (raw as DueFile) : undefined;
  } catch {
    return undefined;
  }
}
