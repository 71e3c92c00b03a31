import { describe, expect, it } from 'vitest';
import { parseCurriculum } from '../../src/curriculum/parse.js';
import { countTasks, planDays } from '../../src/schedule/plan-days.js';
import { curriculum } from '../helpers.js';

const body = `
## Week 1: Start

### Day 1: One
- Read

### Days 2-4: Drill
- Drill daily

**Focus**
- Day 3: caching

### Day 5: Rest

## Week 2: Consistency trade-offs
- Read DDIA ch. 4-6
- Design a doc editor
`;
const { plan, problems } = parseCurriculum(curriculum(body, 'id: t\ntitle: T\ndays: 14\nrest: [6, 7]'));
const days = planDays(plan!);

describe('planDays', () => {
  it('has one entry per plan day and no errors', () => {
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(days.map((d) => d.day)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it.each([
    [1, 'day', 'One', ['d1.read']],
    [2, 'range', 'Drill', ['d2-4.drill-daily@2']],
    [3, 'range', 'Drill', ['d2-4.drill-daily@3', 'd2-4.caching']],
    [4, 'range', 'Drill', ['d2-4.drill-daily@4']],
    [5, 'rest', 'Rest', []],
    [6, 'rest', 'Rest', []],
    [8, 'week', 'Consistency trade-offs', ['w2.read-ddia-ch-4-6', 'w2.design-a-doc-editor']],
    [14, 'week', 'Consistency trade-offs', ['w2.read-ddia-ch-4-6', 'w2.design-a-doc-editor']],
  ])('day %i is a %s day "%s" with tasks %j', (day, kind, title, ids) => {
    const entry = days[day - 1]!;
    expect([entry.kind, entry.title, entry.tasks.map((t) => t.id)]).toEqual([kind, title, ids]);
  });

  it('gives every day of a range its own completion key, and a week task one key for the week', () => {
    // 1 (day 1) + 3 drills + 1 focus + 2 week tasks
    expect(countTasks(days)).toBe(7);
  });

  it('keeps the group on the days under it', () => {
    expect(days[2]!.group).toBe('Week 1: Start');
    expect(days[9]!.group).toBeUndefined();
  });
});
