// The prompt segment: streak and today's progress in a few characters. Loads no Markdown parser:
// the state file and the plan's cached index are all it reads, and while neither file nor the date
// changed, only its own last answer (prompt-data.json).
import { statSync } from 'node:fs';
import { uptime } from 'node:os';
import { join } from 'node:path';
import { BUILD } from '../startup/build.js';
import { readCacheFile, writeCacheFile } from '../io/cache-file.js';
import { indexDays, loadPlanIndex } from '../curriculum/plan-index.js';
import { catalog, DEFAULT_PLAN_ID, SHIPPED_CURRICULA } from '../curriculum/read.js';
import { addDays, resolveDateArg, studyDate, type LocalDate } from '../schedule/dates.js';
import { doneIn, numberedTasks, position } from '../schedule/progress.js';
import { planStreak } from '../schedule/streak.js';
import type { Paths } from '../state/paths.js';
import type { State } from '../state/schema.js';
import { StateStore } from '../state/store.js';

export interface PromptData {
  plan: string;
  status: 'not-started' | 'active' | 'finished';
  day: number;
  days: number;
  done: number;
  total: number;
  streak: number;
  longest: number;
  atRisk: boolean;
}

export const DEFAULT_FORMAT = '🔥{streak} {done}/{total}{risk}';
export const ASCII_FORMAT = '^{streak} {done}/{total}{risk}';

export interface PromptResult {
  data: PromptData;
  settings: Pick<State['settings'], 'dayStart' | 'promptFormat'>;
}

/** A file's size, times and inode: it changed when these did (prep replaces files whole, so the inode changes too). */
type Stamp = [size: number, mtimeMs: number, ctimeMs: number, inode: number];

interface Memo {
  build: string;
  state: Stamp;
  plan: { path: string; stamp: Stamp };
  date: string;
  result: PromptResult;
}

const stampOf = (path: string): Stamp => {
  const info = statSync(path);
  return [info.size, info.mtimeMs, info.ctimeMs, info.ino];
};
const sameStamp = (a: Stamp, b: Stamp) => a.every((value, i) => value === b[i]);

/** The last answer, while the state file, the plan file, the study date and the build are the same. */
function readMemo(file: string, paths: Paths, now: Date): PromptResult | undefined {
  const text = readCacheFile(file, 'utf8');
  if (text === undefined) return undefined;
  try {
    const memo = JSON.parse(text) as Memo;
    const fresh =
      memo.build === BUILD &&
      sameStamp(memo.state, stampOf(paths.stateFile)) &&
      memo.date === studyDate(now, memo.result.settings.dayStart) &&
      sameStamp(memo.plan.stamp, stampOf(memo.plan.path));
    return fresh ? memo.result : undefined;
  } catch {
    return undefined; // damaged, or a file gone: work it out
  }
}

/** What the segment shows for `today`, or undefined when no plan is active. */
export async function promptData(paths: Paths, dateArg: string | undefined, now: Date): Promise<PromptResult | undefined> {
  const memoFile = join(paths.cacheDir, 'prompt-data.json');
  const memo = dateArg === undefined ? readMemo(memoFile, paths, now) : undefined;
  if (memo) return memo;
  // Stamps are taken before the files are read: a change in between only costs a recomputation.
  let stateStamp: Stamp;
  try {
    stateStamp = stampOf(paths.stateFile);
  } catch {
    return undefined; // no state file: no plan
  }
  const state = new StateStore(paths.stateFile, DEFAULT_PLAN_ID).read();
  if (!state?.activePlan) return undefined;
  const date = resolveDateArg(dateArg, studyDate(now, state.settings.dayStart));
  const entry = (await catalog([SHIPPED_CURRICULA, paths.userCurricula])).find((e) => e.id === state.activePlan);
  if (!entry) return undefined;
  const planStamp = stampOf(entry.path);
  const index = await loadPlanIndex(entry, paths.cacheDir);
  const days = indexDays(index);
  const clock = state.plans[index.id] ?? { start: date, paused: [] };
  const where = position(clock, index.days, date);
  const done = doneIn(state.log, index.id, days);
  const tasks = where.status === 'active' ? numberedTasks(days[where.day - 1]!, done) : [];
  const streak = planStreak(state, days, clock, date);
  const result: PromptResult = {
    settings: { dayStart: state.settings.dayStart, ...(state.settings.promptFormat === undefined ? {} : { promptFormat: state.settings.promptFormat }) },
    data: {
      plan: index.id,
      status: where.status,
      day: where.day,
      days: index.days,
      done: tasks.filter((t) => t.done).length,
      total: tasks.length,
      streak: streak.current,
      longest: streak.longest,
      atRisk: streak.atRisk,
    },
  };
  if (dateArg === undefined) {
    const memo: Memo = { build: BUILD, state: stateStamp, plan: { path: entry.path, stamp: planStamp }, date, result };
    writeCacheFile(memoFile, JSON.stringify(memo));
  }
  return result;
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
  };
  const text = format.replace(/\{(\w+)\}/g, (whole, token: string) => values[token] ?? whole);
  // A plan that is not running has no tasks today: drop the empty 0/0 of the default formats.
  return plainText(data.total === 0 ? text.replace(/ 0\/0/, '') : text);
}

/** One line of printable text: a prompt shows it as it is, so no control character (escape codes) may reach the terminal. */
function plainText(text: string): string {
  return text.replace(/[\t\n\r]/g, ' ').replace(/\p{Cc}/gu, '');
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
  const up = Math.floor(uptime());
  const left = Math.max(0, expiresEpoch - Math.floor(now.getTime() / 1000));
  return `${expiresEpoch}\t${up}\t${up + left}\t${plainText(segment)}\n`;
}
