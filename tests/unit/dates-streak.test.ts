// Day arithmetic and streaks, run in several time zones and on both sides of their DST changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { addDays, daysBetween, isLocalDate, isSkippedDate, parseTimeOfDay, resolveDateArg, studyDate } from '../../src/schedule/dates.js';
import { position } from '../../src/schedule/progress.js';
import { computeStreak, restTooSoon } from '../../src/schedule/streak.js';

const ZONES = ['UTC', 'America/New_York', 'Australia/Lord_Howe'] as const;

describe.each(ZONES)('in %s', (zone) => {
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone; // Node re-reads the zone when TZ is assigned
  });
  afterAll(() => {
    process.env.TZ = saved;
  });

  it('runs in the zone it names', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toMatch(zone === 'UTC' ? /^(Etc\/)?UTC$/ : new RegExp(`^${zone}$`));
  });

  // Wall-clock instants (year, month, day, hour, minute) on both sides of each zone's 2026 DST changes:
  // New York springs forward on 8 Mar and falls back on 1 Nov; Lord Howe moves 30 minutes on 5 Apr and 4 Oct.
  it.each([
    [[2026, 3, 8, 0, 30], 0, '2026-03-08'],
    [[2026, 3, 8, 3, 30], 0, '2026-03-08'],
    [[2026, 3, 8, 3, 30], 240, '2026-03-07'],
    [[2026, 3, 8, 4, 30], 240, '2026-03-08'], // now-minus-4-hours in ms would say 7 March in New York
    [[2026, 11, 1, 1, 30], 120, '2026-10-31'],
    [[2026, 11, 1, 2, 30], 120, '2026-11-01'],
    [[2026, 4, 5, 1, 45], 0, '2026-04-05'],
    [[2026, 4, 5, 23, 59], 0, '2026-04-05'],
    [[2026, 10, 4, 2, 45], 180, '2026-10-03'],
    [[2026, 10, 4, 3, 0], 180, '2026-10-04'],
    [[2026, 12, 31, 23, 59], 0, '2026-12-31'],
    [[2027, 1, 1, 0, 1], 60, '2026-12-31'],
  ])('the study date at %j with day start %i min is %s', ([y, mo, d, h, mi], dayStart, expected) => {
    expect(studyDate(new Date(y!, mo! - 1, d!, h!, mi!), dayStart)).toBe(expected);
  });

  it.each([
    ['2026-03-01', '2026-03-09', 8],
    ['2026-03-07', '2026-03-08', 1],
    ['2026-03-08', '2026-03-09', 1],
    ['2026-10-31', '2026-11-02', 2],
    ['2026-04-04', '2026-04-06', 2],
    ['2026-10-03', '2026-10-05', 2],
    ['2026-12-31', '2027-01-01', 1],
    ['2024-02-28', '2024-03-01', 2],
    ['2026-11-21', '2026-11-21', 0],
    ['2026-11-21', '2026-11-01', -20],
  ])('from %s to %s is %i days, and adding them back lands on the date', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
    expect(addDays(from, days)).toBe(to);
  });

  it('numbers plan days from the start across a DST change, hour by hour', () => {
    // Every hour of the week around New York's spring change: day N is always date - start + 1.
    for (let hour = 0; hour < 24 * 7; hour++) {
      const instant = new Date(2026, 2, 5, hour, 15);
      const date = studyDate(instant, 0);
      const { day } = position({ start: '2026-03-05' }, 42, date);
      expect(day).toBe(Math.floor(hour / 24) + 1);
    }
  });

  it('tells where today falls in a plan', () => {
    expect(position({ start: '2026-03-05' }, 42, '2026-03-04')).toMatchObject({ status: 'not-started', day: 0, end: '2026-04-15' });
    expect(position({ start: '2026-03-05' }, 42, '2026-03-05')).toMatchObject({ status: 'active', day: 1 });
    expect(position({ start: '2026-03-05' }, 42, '2026-04-15')).toMatchObject({ status: 'active', day: 42 });
    expect(position({ start: '2026-03-05' }, 42, '2026-04-16')).toMatchObject({ status: 'finished', day: 43 });
  });

  describe('computeStreak', () => {
    const dates = (...list: string[]) => new Set(list);
    it.each([
      ['nothing yet', [], [], '2026-03-10', { current: 0, longest: 0, atRisk: false, studyDays: 0 }],
      ['studied today', ['2026-03-10'], [], '2026-03-10', { current: 1, longest: 1, atRisk: false, studyDays: 1 }],
      ['three days ending today', ['2026-03-08', '2026-03-09', '2026-03-10'], [], '2026-03-10', { current: 3, longest: 3, atRisk: false, studyDays: 3 }],
      ['ending yesterday: at risk, not broken', ['2026-03-08', '2026-03-09'], [], '2026-03-10', { current: 2, longest: 2, atRisk: true, studyDays: 2 }],
      ['a missed day breaks it; longest stays', ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-05'], [], '2026-03-05', { current: 1, longest: 3, atRisk: false, studyDays: 4 }],
      ['two days missed: zero', ['2026-03-07'], [], '2026-03-10', { current: 0, longest: 1, atRisk: false, studyDays: 1 }],
      ['a rest day bridges without adding', ['2026-03-07', '2026-03-09'], ['2026-03-08'], '2026-03-09', { current: 2, longest: 2, atRisk: false, studyDays: 2 }],
      ['resting today is not at risk', ['2026-03-08', '2026-03-09'], ['2026-03-10'], '2026-03-10', { current: 2, longest: 2, atRisk: false, studyDays: 2 }],
      ['across New York spring forward', ['2026-03-07', '2026-03-08', '2026-03-09'], [], '2026-03-09', { current: 3, longest: 3, atRisk: false, studyDays: 3 }],
      ['across Lord Howe autumn change', ['2026-04-04', '2026-04-05', '2026-04-06'], [], '2026-04-07', { current: 3, longest: 3, atRisk: true, studyDays: 3 }],
      ['study after "today" (a preview) is ignored', ['2026-03-09', '2026-03-11'], [], '2026-03-10', { current: 1, longest: 1, atRisk: true, studyDays: 1 }],
    ])('%s', (_name, study, rest, today, expected) => {
      expect(computeStreak(dates(...study), dates(...rest), today)).toEqual(expected);
    });
  });
});

// Samoa moved across the date line: in Pacific/Apia, 29 December 2011 was followed by the 31st.
describe('in a zone that skipped a whole calendar day (Pacific/Apia)', () => {
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Pacific/Apia';
  });
  afterAll(() => {
    process.env.TZ = saved;
  });
  const dates = (...list: string[]) => new Set(list);

  it('knows 2011-12-30 never happened there, and its neighbours did', () => {
    expect(isSkippedDate('2011-12-30')).toBe(true);
    expect(isSkippedDate('2011-12-29')).toBe(false);
    expect(isSkippedDate('2011-12-31')).toBe(false);
  });

  it('keeps a streak across the skipped day, without counting it', () => {
    expect(computeStreak(dates('2011-12-28', '2011-12-29', '2011-12-31'), dates(), '2011-12-31')).toEqual({ current: 3, longest: 3, atRisk: false, studyDays: 3 });
    expect(computeStreak(dates('2011-12-29'), dates(), '2011-12-31')).toEqual({ current: 1, longest: 1, atRisk: true, studyDays: 1 });
  });

  it('still breaks a streak on a missed day that did happen', () => {
    expect(computeStreak(dates('2011-12-28', '2012-01-01'), dates(), '2012-01-01')).toEqual({ current: 1, longest: 1, atRisk: false, studyDays: 2 });
  });
});

describe('computeStreak over a long span', () => {
  it('counts a streak ending in the year 9899, and breaks one left in 2026', () => {
    const study = new Set(['2026-03-01', '2026-03-02', '9899-12-30', '9899-12-31']);
    expect(computeStreak(study, new Set(), '9899-12-31')).toEqual({ current: 2, longest: 2, atRisk: false, studyDays: 4 });
  });

  it('bridges a long run of rest days and breaks at the one unbridged date', () => {
    const rest = new Set(Array.from({ length: 100 }, (_, i) => addDays('2026-03-02', i)));
    expect(computeStreak(new Set(['2026-03-01', addDays('2026-03-02', 100)]), rest, addDays('2026-03-02', 100)).current).toBe(2);
    rest.delete('2026-03-20');
    expect(computeStreak(new Set(['2026-03-01', addDays('2026-03-02', 100)]), rest, addDays('2026-03-02', 100)).current).toBe(1);
  });
});

describe('date arguments and settings', () => {
  it('refuses a --date too far ahead for day arithmetic, as a usage error', () => {
    expect(() => resolveDateArg('9999-12-31', '2026-03-10')).toThrow(UsageError);
    expect(() => resolveDateArg('9999-12-31', '2026-03-10')).toThrow('--date 9999-12-31 is too far ahead: prep counts days up to 9899-12-31');
    expect(resolveDateArg('9899-12-31', '2026-03-10')).toBe('9899-12-31');
  });

  it.each([
    [undefined, '2026-03-10'],
    ['today', '2026-03-10'],
    ['yesterday', '2026-03-09'],
    ['tomorrow', '2026-03-11'],
    ['2026-02-28', '2026-02-28'],
  ])('--date %j → %s', (arg, expected) => {
    expect(resolveDateArg(arg, '2026-03-10')).toBe(expected);
  });

  it.each(['2026-02-30', '2026-13-01', '26-03-01', 'next week', '2026-3-1', ''])('--date %j is a usage error', (arg) => {
    expect(() => resolveDateArg(arg, '2026-03-10')).toThrow(/is not a date/);
  });

  it.each([
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-11-21', true],
  ])('isLocalDate(%s) is %s', (text, expected) => {
    expect(isLocalDate(text)).toBe(expected);
  });

  it.each([
    ['04:00', 240],
    ['4:30', 270],
    ['00:00', 0],
    ['23:59', 1439],
    ['24:00', undefined],
    ['4', undefined],
    ['four', undefined],
  ])('time of day %j is %j minutes', (text, minutes) => {
    expect(parseTimeOfDay(text)).toBe(minutes);
  });

  it('allows one declared rest day in any 7 days', () => {
    expect(restTooSoon('2026-03-10', ['2026-03-04'])).toBe('2026-03-04');
    expect(restTooSoon('2026-03-10', ['2026-03-03'])).toBeUndefined();
    expect(restTooSoon('2026-03-10', ['2026-03-16'])).toBe('2026-03-16');
    expect(restTooSoon('2026-03-10', ['2026-03-10'])).toBeUndefined();
  });
});
