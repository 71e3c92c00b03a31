// The prompt's answer worked out from the files: the settings, the study log (through its
// snapshot) and the plan's cached index, kept as the prompt's last answer. A bundle of its own in
// the prompt (dist/prompt-compute.cjs), loaded only when that answer is out of date.
import { join } from 'node:path';
import { BUILD } from '../startup/build.js';
import { writeCacheFile } from '../io/cache-file.js';
import { progressDays } from '../curriculum/plan-index.js';
import { catalog, DEFAULT_PLAN_ID, SHIPPED_CURRICULA } from '../curriculum/read.js';
import { resolveDateArg, studyDate, type LocalDate } from '../schedule/dates.js';
import { doneIn, numberedTasks, position } from '../schedule/progress.js';
import { readFreeDates } from '../schedule/free-file.js';
import { planStreak } from '../schedule/streak.js';
import { materializeCurricula } from '../state/log-curricula.js';
import type { Paths } from '../state/paths.js';
import { StudyReader, type StudyState } from '../state/study-read.js';
import type { PromptResult } from './answer.js';
import { folderStamps, fileStampOf, fileStampOrNull, type Memo } from './stamps.js';
import { readDueFile, reviewsDueOn } from '../review/due-file.js';

/** Reviews due on `date`, counted from the due dates every change writes: no scheduler runs here. */
function reviewsDue(cacheDir: string, date: LocalDate): number {
  const file = readDueFile(cacheDir);
  return file ? reviewsDueOn(file, date).due : 0;
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
  const plan = await progressDays(entry, paths.cacheDir);
  const { days } = plan;
  const clock = state.plans[plan.id] ?? { start: date, paused: [] };
  const where = position(clock, plan.count, date);
  const done = doneIn(state.log, plan.id, days);
  const tasks = where.status === 'active' ? numberedTasks(days[where.day - 1]!, done) : [];
  // Under a rebalanced schedule, its free dates bridge the streak as in `prep today` (written on every change).
  const schedule = state.schedules[plan.id];
  const free = schedule ? readFreeDates(paths.cacheDir, plan.id, schedule.id).filter((freeDate) => freeDate <= date) : [];
  const streak = planStreak(state, days, clock, date, free);
  const result: PromptResult = {
    settings: { dayStart: settings.dayStart, ...(settings.promptFormat === undefined ? {} : { promptFormat: settings.promptFormat }) },
    data: {
      plan: plan.id,
      status: where.status,
      day: where.day,
      days: plan.count,
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

/** What the segment shows, from `state` or else from the files (kept as the last answer); undefined when no plan is active. */
export async function computePrompt(paths: Paths, dateArg: string | undefined, now: Date, state?: StudyState): Promise<PromptResult | undefined> {
  if (state) return (await resultOf(state, paths, dateArg, now))?.result;
  // Stamps are taken before the files are read: a change in between only costs a recomputation.
  const config = fileStampOrNull(paths.configFile);
  const legacy = fileStampOrNull(paths.stateFile);
  const store = new StudyReader({ paths, defaultPlan: DEFAULT_PLAN_ID, now: () => now });
  const logDir = store.logDir;
  const log = folderStamps(logDir);
  const read = store.read();
  const shown = read && (await resultOf(read, paths, dateArg, now));
  if (!shown) return undefined;
  if (dateArg === undefined) {
    const memo: Memo = { build: BUILD, config, legacy, logDir, log, plan: { path: shown.plan, stamp: fileStampOf(shown.plan) }, date: shown.date, result: shown.result };
    writeCacheFile(join(paths.cacheDir, 'prompt-data.json'), JSON.stringify(memo));
  }
  return shown.result;
}

