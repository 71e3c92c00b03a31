// The outlook `prep today` and `prep stats` show: the pace, the finish at it and, with a deadline,
// the pace it needs, from a plan as parsed, in several time zones and across New York's DST change
// (8 March 2026). The figures are worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/schedule/dates.js';
import { outlook } from '../../src/schedule/outlook.js';
import { planDays } from '../../src/schedule/plan-days.js';
import { outlookParts, outlookSentences, paceText } from '../../src/render/outlook.js';
import { shippedPlan } from '../helpers.js';
import { useTimeZone, ZONES } from '../support/time-zones.js';

const plan = shippedPlan('6-week');
const days = planDays(plan);
const START = '2026-03-02'; // a Monday, as the plan's day 1 is
const END = '2026-04-12'; // day 42

/** Plan days `from`..`to` done, each `late` days after its own date. */
function doneDays(from: number, to: number, late = 0): Map<string, { date: string }> {
  return new Map(days.slice(from - 1, to).flatMap((d) => d.tasks.map((t) => [t.id, { date: addDays(START, d.day - 1 + late) }] as const)));
}

describe.each(ZONES)('in %s', (zone) => {
  useTimeZone(zone);
  const done = doneDays(1, 10);
  const where = { start: START, end: END };

  it('ten days done on time, five skipped: the pace of the last 14 days and the finish at it; no deadline, so nothing needed', () => {
    // 4-17 March holds days 3-10: 52 tasks and 44 hours → 3.71 tasks and 3.14 hours a day.
    // 234 - 54 = 180 hours left take ⌈180 / (44 / 14)⌉ = ⌈57.3⌉ = 58 days: 17 March and 57 more, 13 May.
    expect(outlook(plan, days, done, where, '2026-03-17', undefined)).toEqual({
      deadline: null,
      forecast: { pace: { tasks: 3.71, hours: 3.14 }, paceDays: 14, finish: '2026-05-13', needed: null, remaining: { tasks: 160, hours: 180 }, late: false },
    });
  });

  it('with a deadline: the days left and the pace it needs; a deadline before the plan\'s own end is late', () => {
    // 20 April is 34 days from 17 March: 180 / 34 = 5.29 hours and 160 / 34 = 4.71 tasks a day.
    expect(outlook(plan, days, done, where, '2026-03-17', '2026-04-20')).toMatchObject({
      deadline: { date: '2026-04-20', daysLeft: 34 },
      forecast: { needed: { tasks: 4.71, hours: 5.29 }, late: false },
    });
    expect(outlook(plan, days, done, where, '2026-03-17', '2026-04-10').forecast.late).toBe(true);
  });

  it('measures a plan in its first days over those days only, and nothing before its start', () => {
    // Days 1-3 done on 2-4 March: 24 tasks and 15 hours in 3 days.
    expect(outlook(plan, days, doneDays(1, 3), where, '2026-03-04', undefined).forecast).toMatchObject({ pace: { tasks: 8, hours: 5 }, paceDays: 3 });
    expect(outlook(plan, days, new Map(), { start: '2026-03-09', end: '2026-04-19' }, '2026-03-04', undefined).forecast).toMatchObject({ pace: null, paceDays: 0, finish: null });
  });

  it('after a catch-up moved the start, counts the days studied before it', () => {
    // The same ten days, the start moved to 16 March: still 52 tasks over the 14 days to 17 March.
    expect(outlook(plan, days, done, { start: '2026-03-16', end: '2026-04-26' }, '2026-03-17', undefined).forecast).toMatchObject({ pace: { tasks: 3.71, hours: 3.14 }, paceDays: 14 });
  });
});

describe('the outlook in words', () => {
  const base = outlook(plan, days, doneDays(1, 10), { start: START, end: END }, '2026-03-17', undefined);

  it('says the pace and the finish, and how far past the plan\'s end it falls', () => {
    expect(outlookSentences(base, END)).toEqual([{ text: 'At your pace of the last 14 days (3.7 tasks, 3.1 hours a day), you finish on Wed 13 May 2026, 31 days after the plan\'s end.', warn: false }]);
    expect(outlookParts(base, END)).toEqual({ pace: ['3.7 tasks, 3.1 hours a day (last 14 days)', 'done on Wed 13 May 2026'], deadline: null, late: null });
  });

  it('says the deadline, the pace it needs, and warns when the plan ends after it', () => {
    const late = outlook(plan, days, doneDays(1, 10), { start: START, end: END }, '2026-03-17', '2026-04-10');
    expect(outlookSentences(late, END)).toEqual([
      expect.objectContaining({ warn: false }),
      { text: 'Deadline Fri 10 Apr 2026, in 24 days: it needs 6.7 tasks, 7.5 hours a day.', warn: false },
      { text: 'The plan\'s own end, Sun 12 Apr 2026, falls after the deadline.', warn: true },
    ]);
    expect(outlookParts(late, END)).toMatchObject({ deadline: ['Fri 10 Apr 2026, in 24 days', 'needs 6.7 tasks, 7.5 hours a day'], late: 'The plan\'s own end, Sun 12 Apr 2026, falls after the deadline.' });
    const onTheDay = outlook(plan, days, doneDays(1, 10), { start: START, end: END }, '2026-04-10', '2026-04-10');
    expect(outlookParts(onTheDay, END).deadline).toEqual(['today, Fri 10 Apr 2026']);
    expect(outlookParts(outlook(plan, days, doneDays(1, 10), { start: START, end: END }, '2026-04-12', '2026-04-10'), END).deadline).toEqual(['Fri 10 Apr 2026, 2 days ago']);
  });

  it('says nothing on today\'s page with no pace and no deadline; stats says there is no pace yet', () => {
    const idle = outlook(plan, days, doneDays(1, 10), { start: START, end: END }, '2026-04-30', undefined);
    expect(outlookSentences(idle, END)).toEqual([]);
    expect(outlookParts(idle, END).pace).toEqual(['none yet: nothing done in the last 14 days']);
  });

  it('writes a pace of one as one', () => {
    expect(paceText({ tasks: 1, hours: 1 })).toBe('1 task, 1 hour a day');
    expect(paceText({ tasks: 2.25, hours: 0.5 })).toBe('2.3 tasks, 0.5 hours a day');
  });
});
