// The little of a plan the shell prompt needs: day kinds and task ids and words, cached beside the
// whole parse and keyed the same way, so the prompt reads a few KB instead of the parsed plan.
import { statSync } from 'node:fs';
import { planDays, type PlanDay } from '../schedule/plan-days.js';
import { parsedInRun, readCached, writeCached } from './cache.js';
import { loadCatalogPlan, type CatalogEntry } from './read.js';

export interface PlanIndex {
  id: string;
  days: number;
  /** Per plan day: kind, first and last day of its span, and its tasks as [completion key, words]. */
  schedule: [PlanDay['kind'], number, number, [string, string][]][];
}

export function planIndex(id: string, days: readonly PlanDay[]): PlanIndex {
  return { id, days: days.length, schedule: days.map((d) => [d.kind, d.from, d.to, d.tasks.map((t) => [t.id, t.text])]) };
}

/** The index's days as PlanDays without titles, notes, details or links: enough for progress and streaks. */
export function indexDays(index: PlanIndex): PlanDay[] {
  return index.schedule.map(([kind, from, to, tasks], i) => ({ day: i + 1, kind, title: '', from, to, notes: [], tasks: tasks.map(([id, text]) => ({ id, text, details: [], links: [] })) }));
}

/**
 * A catalog plan's id, day count and days, enough for progress and streaks: the plan's own when
 * this run has read the plan already (a write refreshing the prompt's segment), else its index's.
 */
export async function progressDays(entry: CatalogEntry, cacheDir: string): Promise<{ id: string; count: number; days: readonly PlanDay[] }> {
  const plan = parsedInRun(cacheDir, entry.path, statSync(entry.path))?.plan;
  if (plan?.id === entry.id) return { id: plan.id, count: plan.days, days: planDays(plan) };
  const index = await loadPlanIndex(entry, cacheDir);
  return { id: index.id, count: index.days, days: indexDays(index) };
}

/** The cached index of a catalog plan, else one made from its (cached or parsed) plan and cached. */
export async function loadPlanIndex(entry: CatalogEntry, cacheDir: string): Promise<PlanIndex> {
  const info = statSync(entry.path);
  const cached = readCached<PlanIndex>(cacheDir, entry.path, info, 'index');
  if (cached?.id === entry.id) return cached;
  const plan = await loadCatalogPlan(entry, cacheDir);
  const index = planIndex(plan.id, planDays(plan));
  writeCached(cacheDir, entry.path, info, index, 'index');
  return index;
}
