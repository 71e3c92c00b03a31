// After every change: the active plan's free dates under its rebalanced schedule, for the prompt's streak.
import { catalog, loadCatalogPlan } from '../curriculum/read.js';
import { refreshCacheFile } from '../io/cache-file.js';
import { freeFilePath, type FreeFile } from '../schedule/free-file.js';
import { planDays } from '../schedule/plan-days.js';
import type { StudyState } from '../state/study-store.js';
import { coachOf } from './coach.js';
import { freeDates } from './due-today.js';
import type { PlanSource } from './review-deck.js';

/** Best effort: without the file the prompt bridges no free dates, as before; the next change writes it. */
export async function writeFreeFile(ctx: PlanSource, state: StudyState): Promise<void> {
  const id = state.activePlan;
  const schedule = id === null ? undefined : state.schedules[id];
  if (id === null || !schedule) return;
  try {
    const entry = (await catalog(ctx.curriculaDirs)).find((candidate) => candidate.id === id);
    if (!entry) return;
    const plan = await loadCatalogPlan(entry, ctx.paths.cacheDir);
    // The schedule's dates do not depend on what is done (as streakOf works them out).
    const view = coachOf(plan, planDays(plan), new Set(), { end: schedule.until }, state).view;
    if (!view) return;
    const file: FreeFile = { plan: id, schedule: schedule.id, dates: freeDates(view, view.end) };
    refreshCacheFile(freeFilePath(ctx.paths.cacheDir), JSON.stringify(file));
  } catch {
    // a plan that no longer loads: the prompt bridges nothing
  }
}
