// The prompt segment: streak and today's progress in a few characters. Loads no Markdown parser:
// the settings, the study log (through its snapshot) and the plan's cached index are all it reads,
// and while none of their files nor the date changed, only its own last answer (prompt-data.json):
// then the code that reads the log is not even loaded.
import { upTime } from '../io/os.js';
import { join } from 'node:path';
import { BUILD } from '../startup/build.js';
import { readCacheFile } from '../io/cache-file.js';
import { addDays, studyDate, type LocalDate } from '../schedule/dates.js';
import type { Paths } from '../state/paths.js';
import type { StudyState } from '../state/study-read.js';
import type { PromptData, PromptResult } from './answer.js';
import { computePrompt } from './compute.js';
import { folderStamps, sameStamp, fileStampOf, fileStampOrNull, type Memo, type FileStamp } from './stamps.js';


export const DEFAULT_FORMAT = '🔥{streak} {done}/{total}{risk}';
export const ASCII_FORMAT = '^{streak} {done}/{total}{risk}';


/** The last answer, while the files it was made from, the study date and the build are the same. */
function readMemo(file: string, paths: Paths, now: Date): PromptResult | undefined {
  const text = readCacheFile(file, 'utf8');
  if (text === undefined) return undefined;
  try {
    const memo = JSON.parse(text) as Memo;
    const log = folderStamps(memo.logDir);
    const fresh =
      memo.build === BUILD &&
      sameStamp(memo.config, fileStampOrNull(paths.configFile)) &&
      sameStamp(memo.legacy, fileStampOrNull(paths.stateFile)) &&
      memo.date === studyDate(now, memo.result.settings.dayStart) &&
      log.length === memo.log.length &&
      log.every(([name, ...stamp], i) => name === memo.log[i]![0] && sameStamp(stamp, memo.log[i]!.slice(1) as FileStamp)) &&
      sameStamp(memo.plan.stamp, fileStampOf(memo.plan.path));
    return fresh ? memo.result : undefined;
  } catch {
    return undefined; // damaged, or a file gone: work it out
  }
}

/**
 * What the segment shows for `today`, or undefined when no plan is active. With `state` (what a
 * command just recorded), from it; else the last answer while none of its files changed, or worked
 * out from the files (src/shell-prompt/compute.ts, which the prompt loads only then).
 */
export async function promptData(paths: Paths, dateArg: string | undefined, now: Date, state?: StudyState): Promise<PromptResult | undefined> {
  const memoFile = join(paths.cacheDir, 'prompt-data.json');
  const memo = state === undefined && dateArg === undefined ? readMemo(memoFile, paths, now) : undefined;
  return memo ?? computePrompt(paths, dateArg, now, state);
}

/** Fills `{token}`s; an unknown token is left as written so a typo shows instead of vanishing. */
export function formatSegment(data: PromptData, format: string, ascii: boolean): string {
  const values: Record<string, string> = {
    streak: String(data.streak),
    longest: String(data.longest),
    done: String(data.done),
    total: String(data.total),
    day: String(data.day),
    days: String(data.days),
    plan: data.plan,
    risk: data.atRisk ? (ascii ? '!' : ' ⚠') : '',
    reviews: String(data.reviews ?? 0),
  };
  const text = format.replace(/\{(\w+)\}/g, (whole, token: string) => values[token] ?? whole);
  // A plan that is not running has no tasks today: drop the empty 0/0 of the default formats.
  return plainText(data.total === 0 ? text.replace(/ 0\/0/, '') : text);
}

/** One line of printable text: a prompt shows it as it is, so no control character (escape codes) may reach the terminal. */
function plainText(text: string): string {
  // \p{Cc} spelled out: the same 65 characters, without the Unicode tables a /u class builds on first use.
  return text.replace(/[\t\n\r]/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}

/** When the current study day ends: the next day-start, as epoch seconds. */
export function dayEnds(date: LocalDate, dayStartMinutes: number): number {
  const [y = 0, m = 1, d = 1] = addDays(date, 1).split('-').map(Number);
  return Math.floor(new Date(y, m - 1, d, Math.floor(dayStartMinutes / 60), dayStartMinutes % 60).getTime() / 1000);
}

/**
 * One line for the shell snippets: expiry (epoch s), uptime when written, expiry in uptime seconds
 * (fish has no clock builtin but can read /proc/uptime), then the segment: the snippets show nothing
 * for a line of any other shape, or with a control character.
 */
export function segmentLine(segment: string, expiresEpoch: number, now: Date): string {
  const up = Math.floor(upTime());
  const left = Math.max(0, expiresEpoch - Math.floor(now.getTime() / 1000));
  return `${expiresEpoch}\t${up}\t${up + left}\t${plainText(segment)}\n`;
}
