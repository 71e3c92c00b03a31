// Property-based tests (fast-check): the parser never crashes, and streaks keep their invariants.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCurriculum } from '../../src/curriculum/parse.js';
import { planDays } from '../../src/schedule/plan-days.js';
import { addDays } from '../../src/schedule/dates.js';
import { computeStreak } from '../../src/schedule/streak.js';
import { completions, studyDates, type StateEvent } from '../../src/state/schema.js';

// Pieces of curricula, so that random text often looks like one and reaches deep into the parser.
const piece = fc.constantFrom(
  '---\n', 'id: p\n', 'title: T\n', 'days: 7\n', 'days: x\n', 'rest: [7]\n', '---js\n', '## Week 1\n', '### Day 1\n', '### Days 2-6: Drill\n',
  '### Day 9\n', '### Week 2\n', '- task\n', '  - detail\n', '- Day 3: only\n', '**Morning**\n', '**Deliverable**: x\n', '## Final checklist\n',
  '- [ ] item\n', '\n', '> quote\n', '    code\n', '\u001b[31m', '*', '`', '[link](http://x)', '\r\n', ':', '&a [1]\n', '*a\n',
);
const curriculumText = fc.oneof(fc.string(), fc.array(fc.oneof(piece, fc.string({ maxLength: 5 })), { maxLength: 60 }).map((parts) => parts.join('')));

describe('the parser, on any text', () => {
  it('returns a plan or problems, never throws, and every problem has a position', () => {
    fc.assert(
      fc.property(curriculumText, (text) => {
        const { plan, problems } = parseCurriculum(text);
        for (const p of problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.col).toBeGreaterThanOrEqual(1);
          expect(p.message.length).toBeGreaterThan(0);
        }
        if (plan && !problems.some((p) => p.severity === 'error')) {
          // A clean plan schedules each of its days exactly once.
          expect(planDays(plan).map((d) => d.day)).toEqual(Array.from({ length: plan.days }, (_, i) => i + 1));
        }
        // No task text can carry a control character to the terminal.
        for (const span of plan?.spans ?? []) for (const task of span.tasks) expect(task.text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      }),
      { numRuns: 400 },
    );
  });
});

const START = '2026-02-20';
const dayOffset = fc.integer({ min: 0, max: 60 });
const date = dayOffset.map((n) => addDays(START, n));

describe('streaks, for any study and rest dates', () => {
  it('never exceed the study days, and the current streak never exceeds the longest', () => {
    fc.assert(
      fc.property(fc.uniqueArray(date, { maxLength: 40 }), fc.uniqueArray(date, { maxLength: 10 }), date, (study, rest, today) => {
        const streak = computeStreak(new Set(study), new Set(rest), today);
        const pastStudy = study.filter((d) => d <= today).length;
        expect(streak.studyDays).toBe(pastStudy);
        expect(streak.longest).toBeLessThanOrEqual(pastStudy);
        expect(streak.current).toBeLessThanOrEqual(streak.longest);
        if (streak.atRisk) expect(study.includes(today)).toBe(false);
        if (study.includes(today)) expect(streak.current).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });

  it('do not depend on the order of the dates', () => {
    fc.assert(
      fc.property(fc.uniqueArray(date, { maxLength: 30 }), date, (study, today) => {
        const forward = computeStreak(new Set(study), new Set(), today);
        const backward = computeStreak(new Set([...study].reverse()), new Set(), today);
        expect(backward).toEqual(forward);
      }),
    );
  });
});

describe('the event log, for any history', () => {
  const event = fc.record({
    date,
    id: fc.constantFrom('d1.a', 'd1.b', 'd2.c', 'd2-3.d@2', 'd2-3.d@3'),
    kind: fc.constantFrom('done' as const, 'undo' as const),
  });

  it('backfilling a task and then undoing it restores the exact earlier state', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), fc.constantFrom('d1.a', 'd2.c', 'd2-3.d@3'), date, (history, task, backfillDate) => {
        const log: StateEvent[] = history.map((e, i) => ({ at: String(i), plan: 'p', ...e }));
        const before = { done: completions(log, 'p'), study: studyDates(log) };
        fc.pre(!before.done.has(task)); // a backfill marks a task that is not done
        const after: StateEvent[] = [...log, { at: 'b', date: backfillDate, plan: 'p', kind: 'done', id: task }, { at: 'u', date: backfillDate, plan: 'p', kind: 'undo', id: task }];
        expect(completions(after, 'p')).toEqual(before.done);
        expect(studyDates(after)).toEqual(before.study);
      }),
      { numRuns: 300 },
    );
  });
});
