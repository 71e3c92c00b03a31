import { describe, expect, it } from 'vitest';
import { parseCurriculum } from '../../src/curriculum/parse.js';
import { countTasks, planDays } from '../../src/schedule/plan-days.js';
import { orphans, reconcile } from '../../src/schedule/progress.js';
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

describe('reconcile: completions follow a reworded task', () => {
  const before = parseCurriculum(curriculum('### Day 1\n- Read: the framework section\n- Review notes\n\n### Days 2-3\n- Daily drill on caching\n', 'id: t\ntitle: T\ndays: 3'));
  const after = parseCurriculum(curriculum('### Day 1\n- Read: the Framework chapter\n- Review notes\n\n### Days 2-3\n- Daily drills on caching\n', 'id: t\ntitle: T\ndays: 3'));
  const oldDays = planDays(before.plan!);
  const newDays = planDays(after.plan!);
  const mark = (task: { text: string }) => ({ date: '2026-03-02', text: task.text });
  const done = new Map([
    [oldDays[0]!.tasks[0]!.id, mark(oldDays[0]!.tasks[0]!)],
    [oldDays[2]!.tasks[0]!.id, mark(oldDays[2]!.tasks[0]!)],
  ]);

  it('moves each completion to the reworded task of the same span and day', () => {
    const result = reconcile(done, newDays, new Set());
    expect([...result.keys()].sort()).toEqual([newDays[0]!.tasks[0]!.id, 'd2-3.daily-drills-on-caching@3'].sort());
    expect(orphans(newDays, result)).toEqual([]);
  });

  it('leaves a completion alone when no task is alike enough, or the log already names the task', () => {
    const rewritten = planDays(parseCurriculum(curriculum('### Day 1\n- Something else entirely\n- Review notes\n\n### Days 2-3\n- x\n', 'id: t\ntitle: T\ndays: 3')).plan!);
    expect(orphans(rewritten, reconcile(done, rewritten, new Set()))).toHaveLength(2);
    const undone = new Set([newDays[0]!.tasks[0]!.id]);
    expect(reconcile(done, newDays, undone).has(newDays[0]!.tasks[0]!.id)).toBe(false);
  });
});
