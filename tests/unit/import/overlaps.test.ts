// Settling the whole schedule on its own: numbering from the start day, repeats and overlaps,
// gaps, the day limit, and where the groups of merged days go.
import { describe, expect, it } from 'vitest';
import type { DraftPlan } from '../../../src/import/draft.js';
import { numberDays, settleOverlaps } from '../../../src/import/overlaps.js';
import { UsageError } from '../../../src/errors.js';
import { draft, span, task } from '../../support/draft.js';

const settle = (plan: DraftPlan, startDay = 1) => settleOverlaps(plan, startDay, 'plan.md');
const summary = (plan: ReturnType<typeof settle>) => plan.spans.map((s) => [s.kind, s.from, s.to, s.tasks.map((t) => (t.onlyDay ? `${t.text} (day ${t.onlyDay})` : t.text)), s.notes.map((n) => n.items.join(' · '))]);

describe('numberDays', () => {
  it.each([
    ['a plan from day 1', [span(1), span(2)], 1, { offset: 0, days: 2 }],
    ['a plan from day 0', [span(0), span(1)], 1, { offset: 1, days: 2 }],
    ['a fragment from day 15, started on day 1', [span(15), span(16)], 1, { offset: -14, days: 2 }],
    ['--start-day 10', [span(1), span(2)], 10, { offset: 9, days: 11 }],
    ['an overlap past the end of the span it overlaps does not count', [span(1, { to: 3 }), span(2, { to: 9 })], 1, { offset: 0, days: 3 }],
  ])('%s', (_what, spans, startDay, expected) => {
    expect(numberDays(spans, startDay, 'plan.md')).toEqual(expected);
  });

  it.each([
    ['no span', [], 1, 'no schedule found in plan.md: looked for "Day N" headings'],
    ['weeks split by the start day', [span(1, { to: 7, kind: 'week' })], 3, '--start-day 3 would split the plan\'s weeks'],
    ['more days than a plan may have', [span(1, { to: 3660 })], 338, 'plan.md schedules 3997 days; a plan may have at most 3660 (ten years)'],
  ])('refuses %s', (_what, spans, startDay, message) => {
    expect(() => numberDays(spans, startDay, 'plan.md')).toThrow(UsageError);
    expect(() => numberDays(spans, startDay, 'plan.md')).toThrow(message);
  });
});

describe('settleOverlaps', () => {
  it('numbers the days from the start day, a range\'s one-day tasks with them; the days before are rest days', () => {
    const plan = settle(draft([span(1, { to: 3, tasks: ['Mock', task('Graphs', { onlyDay: 2 })] })]), 5);
    expect(summary(plan)).toEqual([['range', 5, 7, ['Mock', 'Graphs (day 6)'], []]]);
    expect([plan.days, plan.rest, plan.unsure]).toEqual([7, [1, 2, 3, 4], []]);
  });

  it('merges a repeat into the day it repeats, without its repeated tasks, and reports it', () => {
    const plan = settle(draft([span(1, { tasks: ['Read'], line: 1 }), span(1, { tasks: ['Read', 'Write'], title: 'Again', line: 9 })]));
    expect(summary(plan)).toEqual([['day', 1, 1, ['Read', 'Write'], ['Again']]]);
    expect(plan.unsure).toEqual([{ line: 9, text: 'Day 1', reason: 'Day 1 again (first on line 1): merged into it' }]);
  });

  it('reports a second copy of the schedule once', () => {
    const plan = settle(draft([span(1, { line: 1, tasks: ['a'] }), span(2, { line: 2, tasks: ['b'] }), span(1, { line: 5, tasks: ['a'] }), span(2, { line: 6, tasks: ['c'] })]));
    expect(summary(plan)).toEqual([['day', 1, 1, ['a'], []], ['day', 2, 2, ['b', 'c'], []]]);
    expect(plan.unsure).toEqual([{ line: 5, text: 'Day 1', reason: 'a second copy of the schedule: 2 days or ranges on lines 5-6 repeat earlier ones and were merged into them' }]);
  });

  it('keeps a span that overlaps another in that one\'s details', () => {
    const plan = settle(draft([span(1, { to: 3, tasks: ['Read'], line: 1 }), span(2, { tasks: ['Practise'], line: 4, label: 'Day 2: Extra' })]));
    expect(summary(plan)).toEqual([['range', 1, 3, ['Read'], ['Day 2: Extra · Practise']]]);
    expect(plan.unsure).toEqual([{ line: 4, text: 'Day 2: Extra', reason: 'overlaps Days 1-3 (line 1): kept in its details' }]);
  });

  it('makes the days no span covers rest days, reported at the span after them', () => {
    const plan = settle(draft([span(1, { tasks: ['a'] }), span(4, { tasks: ['b'], line: 7, label: 'Day 4: Go' }), span(6, { tasks: ['c'], line: 9, label: 'Day 6' })]));
    expect([plan.days, plan.rest]).toEqual([6, [2, 3, 5]]);
    expect(plan.unsure).toEqual([
      { line: 7, text: 'Day 4: Go', reason: 'days 2-3 are not in the plan: listed as rest days' },
      { line: 9, text: 'Day 6', reason: 'day 5 is not in the plan: listed as rest days' },
    ]);
  });

  it('moves the notes of a group whose days all merged into the group they merged into; a group with no days becomes a section', () => {
    const groups = [
      { title: 'Phase 1', notes: ['Focus: basics'], line: 1, week: undefined },
      { title: 'Phase 1 (copy)', notes: ['Focus: basics', 'More'], line: 20, week: undefined },
      { title: 'Resources', notes: ['- a book'], line: 30, week: undefined },
    ];
    const plan = settle(draft([span(1, { group: 0, tasks: ['a'] }), span(1, { group: 1, tasks: ['a'], line: 21 })], { groups, sections: [{ title: 'Notes', lines: ['x'], line: 25 }] }));
    expect(plan.groups[0]!.notes).toEqual(['Focus: basics', '', '**Phase 1 (copy)**', '', 'More']);
    expect(plan.sections.map((s) => [s.title, s.line])).toEqual([['Notes', 25], ['Resources', 30]]);
  });

  it('leaves its input as it was', () => {
    const input = draft([span(1, { tasks: ['a'] }), span(1, { tasks: ['b'] })], { groups: [{ title: 'G', notes: ['n'], line: 1, week: undefined }] });
    const before = structuredClone(input);
    settle(input, 3);
    expect(input).toEqual(before);
  });
});
