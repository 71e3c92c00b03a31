// The prompt works progress out from a plan's small index, and a write refreshing the segment from
// the plan it has read: both must give the same days to progress and streaks.
import { describe, expect, it } from 'vitest';
import { indexDays, planIndex } from '../../src/curriculum/plan-index.js';
import { planDays } from '../../src/schedule/plan-days.js';
import { doneIn, numberedTasks } from '../../src/schedule/progress.js';
import type { StateEvent } from '../../src/state/schema.js';
import { SHIPPED_IDS, shippedPlan } from '../helpers.js';

const progressFields = (days: readonly { day: number; kind: string; from: number; to: number; tasks: readonly { id: string; text: string }[] }[]) =>
  days.map((d) => ({ day: d.day, kind: d.kind, from: d.from, to: d.to, tasks: d.tasks.map((t) => [t.id, t.text]) }));

describe('a plan\'s index', () => {
  it.each(SHIPPED_IDS)('%s: gives progress the same days as the plan', (id) => {
    const plan = shippedPlan(id);
    const days = planDays(plan);
    const fromIndex = indexDays(planIndex(plan.id, days));
    expect(progressFields(fromIndex)).toEqual(progressFields(days));
    // And what is done reads the same through either, the first task of each day marked.
    const log = days.flatMap((day) => day.tasks.slice(0, 1).map((task): StateEvent => ({ at: '2026-03-02T09:00:00.000Z', kind: 'done', date: '2026-03-02', plan: plan.id, id: task.id, day: day.day, text: task.text })));
    const viaPlan = doneIn(log, plan.id, days);
    expect(viaPlan.size).toBeGreaterThan(2);
    expect([...doneIn(log, plan.id, fromIndex)]).toEqual([...viaPlan]);
    expect(fromIndex.map((day) => numberedTasks(day, viaPlan).map((t) => t.done))).toEqual(days.map((day) => numberedTasks(day, viaPlan).map((t) => t.done)));
  });
});
