// A small plan for the review tests: a day with a deliverable and a link, a rest day, a range of
// two days, rest days, a week with tasks of its own, and a final checklist.
import { parseCurriculum } from '../../src/curriculum/parse.js';
import { planDays } from '../../src/schedule/plan-days.js';
import type { CardPlan } from '../../src/review/cards.js';
import type { Mark } from '../../src/state/schema.js';
import { curriculum } from '../helpers.js';

const text = curriculum(
  `## Week 1: Basics

### Day 1: Storage

- Read [DDIA](https://dataintensive.net) ch. 3
  - B-trees and LSM trees
- Sketch an index

**Deliverable**: a one-page summary

### Day 2: Rest

### Days 3-4: Drills

- Practice queries
- Day 4: Mock interview

## Week 2: Review

- Re-read notes
- Explain it to a friend

## Final checklist

- [ ] Explain CAP
- [ ] Design for 10x
`,
  'id: t\ntitle: T\ndays: 14\nrest: [5, 6, 7]',
);

const parsed = parseCurriculum(text);
if (!parsed.plan || parsed.problems.some((p) => p.severity === 'error')) throw new Error(JSON.stringify(parsed.problems));

export const reviewPlan: CardPlan = { id: 't', days: planDays(parsed.plan), checklist: parsed.plan.checklist };

/** Every task of the plan's days `days` done on `date`. */
export function doneOn(days: readonly number[], date: string, into = new Map<string, Mark>()): Map<string, Mark> {
  for (const day of reviewPlan.days) if (days.includes(day.day)) for (const task of day.tasks) into.set(task.id, { date });
  return into;
}
