// The prompt segment: streak and today's progress in a few characters. Loads no Markdown parser:
// the settings, the study log (through its snapshot) and the plan's cached index are all it reads,
// and while none of their files nor the date changed, only its own last answer (prompt-data.json).
import { readdirSync, statSync } from 'node:fs';
import { uptime } from 'node:os';
import { join } from 'node:path';
import { BUILD } from '../startup/build.js';
import { readCacheFile, writeCacheFile } from '../io/cache-file.js';
import { indexDays, loadPlanIndex } from '../curriculum/plan-index.js';
import { catalog, DEFAULT_PLAN_ID, SHIPPED_CURRICULA } from '../curriculum/read.js';
import { addDays, resolveDateArg, studyDate, type LocalDate } from '../schedule/dates.js';
import { doneIn, numberedTasks, position } from '../schedule/progress.js';
import { planStreak } from '../schedule/streak.js';
import { materializeCurricula } from '../state/log-curricula.js';
import type { Paths } from '../state/paths.js';
import type { Settings } from '../state/schema.js';
import { StudyReader, type StudyState } from '../state/study-read.js';
import { readDueFile, reviewsDueOn } from '../review/due-file.js';

const reviewsDue = (cacheDir: string, date: LocalDate) => {
  const file = readDueFile(cacheDir);
  return file ? reviewsDueOn(file, date).due : 0;
};

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
  /** Reviews due today, the daily limit kept (from the due dates every change writes). */
  reviews: number;
}

export const DEFAULT_FORMAT = '🔥{streak} {done}/{total}{risk}';
export const ASCII_FORMAT = '^{streak} {done}/{total}{risk}';

export interface PromptResult {
  data: PromptData;
  settings: Pick<Settings, 'dayStart' | 'promptFormat'>;
}

/** A file's size, times and inode: it changed when these did. */
type Stamp = [size: number, mtimeMs: number, ctimeMs: number, inode: number];

interface Memo {
  build: string;
  /** The config file, an older state file (null: none) and each file of the log's folder. */
  config: Stamp | null;
  legacy: Stamp | null;
  logDir: string;
  log: [name: string, ...stamp: Stamp][];
  plan: { path: string; stamp: Stamp };
  date: string;
  result: PromptResult;
}

const stampOf = (path: string): Stamp => {
  const info = statSync(path);
  return [info.size, info.mtimeMs, info.ctimeMs, info.ino];
};
const stampOrNull = (path: string): Stamp | null => {
  try {
    return stampOf(path);
  } catch {
    return null;
  }
};
const sameStamp = (a: Stamp | null, b: Stamp | null) => (a === null || b === null ? a === b : a.every((value, i) => value === b[i]));

/** The stamp of every file in the log's folder but hidden ones (a sync tool's, git's). */
function folderStamps(dir: string): Memo['log'] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => !name.startsWith('.')).sort();
  } catch {
    return [];
  }
  return names.map((name) => [name, ...stampOf(join(dir, name))]);
}

/** The last answer, while the files it was made from, the study date and the build are the same. */
function readMemo(file: string, paths: Paths, now: Date): PromptResult | undefined {
  const text = readCacheFile(file, 'utf8');
  if (text === undefined) return undefined;
  try {
    const memo = JSON.parse(text) as Memo;
    const log = folderStamps(memo.logDir);
    const fresh =
      memo.build === BUILD &&
      sameStamp(memo.config, stampOrNull(paths.configFile)) &&
      sameStamp(memo.legacy, stampOrNull(paths.stateFile)) &&
      memo.date === studyDate(now, memo.result.settings.dayStart) &&
      log.length === memo.log.length &&
      log.every(([name, ...stamp], i) => name === memo.log[i]![0] && sameStamp(stamp, memo.log[i]!.slice(1) as Stamp)) &&
      sameStamp(memo.plan.stamp, stampOf(memo.plan.path));
    return fresh ? memo.result : undefined;
  } catch {
    return undefined; // damaged, or a file gone: work it out
  }
}

/** What the segment shows of `state` on the date `dateArg` names, and the plan file it came from. */
async function resultOf(state: StudyState, paths: Paths, dateArg: string | undefined, now: Date): Promise<{ result: PromptResult; plan: string; date: LocalDate } | undefined> {
  if (!state.activePlan) return undefined;
  const { settings } = state;
  const date = resolveDateArg(dateArg, studyDate(now, settings.dayStart));
  const dirs = [SHIPPED_CURRICULA, paths.userCurricula, paths.logCurricula];
  let entry = (await catalog(dirs)).find((e) => e.id === state.activePlan);
  if (!entry && state.activePlan in state.curricula) {
    // A plan that came with the log from another machine: copied out of it, as any command would.
    materializeCurricula(state.curricula, paths.logCurricula, dirs.slice(0, 2));
    entry = (await catalog(dirs)).find((e) => e.id === state.activePlan);
  }
  if (!entry) return undefined;
  const index = await loadPlanIndex(entry, paths.cacheDir);
  const days = indexDays(index);
  const clock = state.plans[index.id] ?? { start: date, paused: [] };
  const where = position(clock, index.days, date);
  const done = doneIn(state.log, index.id, days);
  const tasks = where.status === 'active' ? numberedTasks(days[where.day - 1]!, done) : [];
  const streak = planStreak(state, days, clock, date);
  const result: PromptResult = {
    settings: { dayStart: settings.dayStart, ...(settings.promptFormat === undefined ? {} : { promptFormat: settings.promptFormat }) },
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
      reviews: reviewsDue(paths.cacheDir, date),
    },
  };
  return { result, plan: entry.path, date };
}

/**
 * What the segment shows for `today`, or undefined when no plan is active. With `state` (what a
 * command just recorded), from it; else from the files, or the last answer while they are unchanged.
 */
export async function promptData(paths: Paths, dateArg: string | undefined, now: Date, state?: StudyState): Promise<PromptResult | undefined> {
  if (state) return (await resultOf(state, paths, dateArg, now))?.result;
  const memoFile = join(paths.cacheDir, 'prompt-data.json');
  const memo = dateArg === undefined ? readMemo(memoFile, paths, now) : undefined;
  if (memo) return memo;
  // Stamps are taken before the files are read: a change in between only costs a recomputation.
  const config = stampOrNull(paths.configFile);
  const legacy = stampOrNull(paths.stateFile);
  const store = new StudyReader({ paths, defaultPlan: DEFAULT_PLAN_ID, now: () => now });
  const logDir = store.logDir;
  const log = folderStamps(logDir);
  const read = store.read();
  const shown = read && (await resultOf(read, paths, dateArg, now));
  if (!shown) return undefined;
  if (dateArg === undefined) {
    const memo: Memo = { build: BUILD, config, legacy, logDir, log, plan: { path: shown.plan, stamp: stampOf(shown.plan) }, date: shown.date, result: shown.result };
    writeCacheFile(memoFile, JSON.stringify(memo));
  }
  return shown.result;
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
