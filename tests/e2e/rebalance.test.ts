// `prep plan rebalance` as a user in New York lives it across the 8 March 2026 DST change: the
// 6-week plan (day 1 a Monday) started on Monday 2 March, days 1-10 done on their dates, days 11-15
// skipped; today is Tuesday 17 March, day 16. What is left goes between today and the deadline,
// in plan order, its weekend days on Saturdays and Sundays, each date within the capacity.
import { describe, expect, it } from 'vitest';
import { hoursText } from '../../src/schedule/capacity.js';
import { weekdayIndex } from '../../src/schedule/dates.js';
import { coachUser } from '../support/coach-user.js';

const TODAY = ['--date', '2026-03-17'];
/** The 6-week plan's weekend days, by its day 1 on a Monday: days 6, 7, 13, 14, …. */
const isWeekendDay = (day: number) => (day - 1) % 7 >= 5;

interface Dated {
  date: string;
  hours: number;
  capacity: number;
  days: number[];
}

/** Every remaining day between `from` and `until`, in order, weekend days on weekends, no date over its capacity. */
function expectFitted(dates: Dated[], from: string, until: string): void {
  const days = dates.flatMap((d) => d.days);
  expect([...new Set(days)]).toEqual(Array.from({ length: 32 }, (_, i) => 11 + i)); // days 11-42, once each, in order
  for (let i = 1; i < dates.length; i++) expect(dates[i]!.date > dates[i - 1]!.date).toBe(true);
  for (const dated of dates) {
    expect(dated.date >= from && dated.date <= until, dated.date).toBe(true);
    expect(dated.hours).toBeLessThanOrEqual(dated.capacity + 1 / 60);
    for (const day of dated.days) expect(weekdayIndex(dated.date) >= 5, `day ${day} on ${dated.date}`).toBe(isWeekendDay(day));
  }
}

describe('prep plan rebalance toward a deadline', () => {
  const { prep, json, files, tenDaysFrom } = coachUser();
  tenDaysFrom('2026-03-02');
  // The interview on Wednesday 20 May: the work goes from today to its eve, Tuesday 19 May.
  expect(prep('deadline', '2026-05-20', ...TODAY).status).toBe(0);

  it('--dry-run reports what would move and writes nothing', () => {
    const before = files();
    const dry = prep('plan', 'rebalance', '--dry-run', ...TODAY);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^Would rebalance 6-week: 160 open tasks \(180h\) from Tue 17 Mar 2026 to Tue 19 May 2026, the eve of the deadline\.\nIt would end on Sun 17 May 2026 instead of Sun 12 Apr 2026\. Everything you did stays done\.\nCapacity: mon-fri 4h, sat-sun 8h \(the plan's own; `prep config set capacity` sets yours\)\.\n/);
    expect(dry.stdout).toContain('\nHours per week:\n  week of Mon 16 Mar 2026     24h of 32h\n');
    expect(dry.stdout).toContain('\nA dry run: nothing was changed. `prep plan rebalance --yes` does it.\n');
    const data = json('plan', 'rebalance', '--dry-run', ...TODAY);
    expect(data).toMatchObject({ action: 'dry-run', target: { date: '2026-05-19', by: 'deadline' }, oldEnd: '2026-04-12', newEnd: '2026-05-17', tight: null, excess: [] });
    expectFitted(data.dates, '2026-03-17', '2026-05-19');
    // The weeks' hours add up to what is left.
    expect(data.weeks.reduce((sum: number, w: { hours: number }) => sum + w.hours, 0)).toBeCloseTo(180, 1);
    expect(files()).toEqual(before);
  });

  it('without a terminal it needs --yes, and writes nothing without it', () => {
    const before = files();
    const refused = prep('plan', 'rebalance', ...TODAY);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe('prep: prep plan rebalance changes the dates of your open work: pass --yes to apply it\n`prep plan rebalance --dry-run` shows what it would do, and changes nothing.\n');
    expect(files()).toEqual(before);
  });

  it('--yes applies it: today and stats follow the new end, within the deadline', () => {
    const applied = json('plan', 'rebalance', '--yes', ...TODAY);
    expect(applied).toMatchObject({ action: 'rebalanced', newEnd: '2026-05-17' });
    expectFitted(applied.dates, '2026-03-17', '2026-05-19');
    expect(json('today', ...TODAY)).toMatchObject({ status: 'active', end: '2026-05-17', forecast: { late: false } });
    expect(json('stats', ...TODAY)).toMatchObject({ end: '2026-05-17', forecast: { late: false } });
  });

  it('--undo restores the calendar; undoing again says there is nothing to undo', () => {
    const undone = prep('plan', 'rebalance', '--undo', ...TODAY);
    expect(undone.status, undone.stderr).toBe(0);
    expect(undone.stdout).toBe('Took back the rebalance of Tue 17 Mar 2026: 6-week goes by its calendar again, ending on Sun 12 Apr 2026.\n');
    expect(json('today', ...TODAY)).toMatchObject({ end: '2026-04-12', forecast: { late: false } });
    const again = prep('plan', 'rebalance', '--undo', ...TODAY);
    expect(again.status).toBe(2);
    expect(again.stderr).toBe('prep: 6-week has no rebalanced schedule to undo: it goes by its calendar\n`prep plan rebalance --dry-run` shows what a rebalance would do.\n');
  });

  it('a second rebalance replaces the first; --undo goes back to the one before it', () => {
    expect(json('plan', 'rebalance', '--yes', ...TODAY).newEnd).toBe('2026-05-17');
    const later = json('plan', 'rebalance', '--yes', '--until', '2026-06-30', ...TODAY);
    expect(later).toMatchObject({ target: { by: 'until' }, oldEnd: '2026-05-17' });
    expect(later.factor).toBeLessThan(1); // a later date spreads the work: lighter days
    expectFitted(later.dates, '2026-03-17', '2026-06-30');
    expect(json('plan', 'rebalance', '--undo', ...TODAY)).toMatchObject({ now: 'earlier-schedule', end: '2026-05-17' });
  });

  it('a catch-up puts the plan back on its calendar', () => {
    expect(prep('plan', 'catch-up', ...TODAY).status).toBe(0);
    expect(json('today', ...TODAY).end).not.toBe('2026-05-17');
    expect(prep('plan', 'rebalance', '--undo', ...TODAY).status).toBe(2);
  });
});

describe('a target too tight for the capacity', () => {
  const { prep, json, tenDaysFrom } = coachUser();
  tenDaysFrom('2026-03-02');

  it('says by how much, how far over capacity it would go, and what would fit', () => {
    expect(prep('config', 'set', 'capacity', 'mon-fri 4h, sat-sun 8h').status).toBe(0);
    const dry = json('plan', 'rebalance', '--dry-run', '--until', '2026-04-30', ...TODAY);
    // 180 hours in 45 days of up to 228 hours: the weekend days, which wait for weekends, leave it short.
    expect(dry.tight.shortBy).toBeGreaterThan(0);
    expect(dry.factor).toBeGreaterThan(1);
    expect(dry.tight.later > '2026-04-30').toBe(true);
    const words = prep('plan', 'rebalance', '--dry-run', '--until', '2026-04-30', ...TODAY).stdout;
    expect(words).toContain(`\nToo tight by ${hoursText(dry.tight.shortBy)} at mon-fri 4h, sat-sun 8h: to fit, every date goes ${Math.round((dry.factor - 1) * 100)}% over its capacity.\n  A later date fits: `);
    expect(words).toContain(`(\`prep plan rebalance --until ${dry.tight.later}\`).\n  Or more hours a day: \`prep config set capacity "${dry.tight.capacity.text}"\`.\n`);
  });

  it('refuses what cannot fit even over capacity, naming a date that does', () => {
    // Five runs of weekend days are left and only three weekends before 10 April.
    const refused = prep('plan', 'rebalance', '--yes', '--until', '2026-04-09', ...TODAY);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^prep: what is left does not fit by 2026-04-09, even over capacity\nA later date fits: `prep plan rebalance --until 2026-\d\d-\d\d`/);
  });

  it('refuses a target in the past', () => {
    const refused = prep('plan', 'rebalance', '--dry-run', '--until', '2026-03-16', ...TODAY);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('prep: --until 2026-03-16 is in the past (today is 2026-03-17)\n');
    // Four weeks on: 14 April.
    expect(refused.stderr).toContain('`prep plan rebalance --until 2026-04-14`');
  });
});
