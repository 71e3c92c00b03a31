// The dates a rebalanced schedule gives no work, written on every change (src/session/schedule-free.ts),
// so that the prompt's streak bridges them as `prep today`'s does without the plan's hours at hand.
import { join } from 'node:path';
import { readCacheFile } from '../io/cache-file.js';
import { isLocalDate, type LocalDate } from './dates.js';

export interface FreeFile {
  plan: string;
  /** The rebalance event the dates come from: a file from an earlier schedule is not used. */
  schedule: string;
  dates: LocalDate[];
}

export const freeFilePath = (cacheDir: string) => join(cacheDir, 'schedule-free.json');

/** The free dates of `plan` under the schedule `schedule`; none when the file is missing, another's or not one. */
export function readFreeDates(cacheDir: string, plan: string, schedule: string): LocalDate[] {
  const text = readCacheFile(freeFilePath(cacheDir), 'utf8');
  if (text === undefined) return [];
  try {
    const raw = JSON.parse(text) as Partial<FreeFile>;
    if (raw.plan !== plan || raw.schedule !== schedule || !Array.isArray(raw.dates)) return [];
    return raw.dates.filter((date): date is LocalDate => typeof date === 'string' && isLocalDate(date));
  } catch {
    return [];
  }
}
