// Card scheduling from the log, with fixed dates: intervals grow with Good and shrink with Again,
// the preview of each grade is what grading does, the same events in any order give the same due
// dates, the daily limit holds, and no time zone or DST change moves a due date.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import type { LogEvent, Rating } from '../../src/log/events.js';
import { fold } from '../../src/log/fold.js';
import type { GradeEntry } from '../../src/log/fold-review.js';
import { planCards } from '../../src/review/cards.js';
import { dueToday, formatInterval, nextIntervals, parseDailyLimit, parseRetention, reviewDates, reviewStats, scheduleCard, studyMoment, type CardSchedule, type StudyMoment } from '../../src/review/schedule.js';
import { addDays, daysBetween } from '../../src/schedule/dates.js';
import { Device } from '../support/log-events.js';
import { doneOn, reviewPlan } from '../support/review-plan.js';

const born = { id: 't:1', born: '2026-03-01', firstDue: '2026-03-02' };
const grade = (moment: StudyMoment, rating: Rating): GradeEntry => ({ rating, ...moment, at: '2026-03-01T00:00:00.000Z' });
const at = (date: string, minute = 600): StudyMoment => ({ date, minute });

/** Grades `ratings` one after another, each at the moment the card is due (10:00 on its date at the earliest). */
function reviewWhenDue(ratings: readonly Rating[], card = born): { grades: GradeEntry[]; schedules: CardSchedule[] } {
  const grades: GradeEntry[] = [];
  const schedules: CardSchedule[] = [];
  let schedule = scheduleCard(card, grades);
  for (const rating of ratings) {
    const moment = schedule.reviews === 0 ? at(schedule.due) : { date: schedule.due, minute: Math.max(600, schedule.dueMinute) };
    grades.push(grade(moment, rating));
    schedule = scheduleCard(card, grades);
    schedules.push(schedule);
  }
  return { grades, schedules };
}

const intervalDays = (schedule: CardSchedule) => daysBetween(schedule.last!.date, schedule.due);

describe('a card\'s schedule from its grades', () => {
  it('a new card is due on its first due date, and is new until graded', () => {
    expect(scheduleCard(born, [])).toMatchObject({ state: 'new', due: '2026-03-02', dueMinute: 0, reviews: 0 });
  });

  it('intervals grow with each Good', () => {
    const { schedules } = reviewWhenDue(['good', 'good', 'good', 'good', 'good']);
    const intervals = schedules.map(intervalDays);
    expect(schedules.every((s) => s.state === 'review')).toBe(true);
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]).toBeGreaterThan(intervals[i - 1]!);
  });

  it('Again brings a card back the same day, and the interval after it is shorter than before', () => {
    const { schedules } = reviewWhenDue(['good', 'good', 'good', 'again', 'good']);
    const [, , before, lapse, after] = schedules;
    expect(lapse).toMatchObject({ state: 'relearning', due: lapse!.last!.date, lapses: 1 });
    expect(lapse!.dueMinute - lapse!.last!.minute).toBe(10);
    expect(after!.state).toBe('review');
    expect(intervalDays(after!)).toBeLessThan(intervalDays(before!));
  });

  it('keeps to the study clock before 1970 too (a --date far back)', () => {
    const card = { id: 't:1', born: '1969-12-30', firstDue: '1969-12-30' };
    const first = grade({ date: '1969-12-30', minute: 600 }, 'again');
    expect(scheduleCard(card, [first])).toMatchObject({ state: 'learning', due: '1969-12-30', dueMinute: 610 });
    expect(scheduleCard(card, [first, grade({ date: '1969-12-31', minute: 1435 }, 'again')])).toMatchObject({ due: '1970-01-01', dueMinute: 5 });
  });

  it('a higher retention asks for shorter intervals', () => {
    const grades = reviewWhenDue(['good', 'good', 'good']).grades;
    expect(intervalDays(scheduleCard(born, grades, { retention: 0.95 }))).toBeLessThan(intervalDays(scheduleCard(born, grades, { retention: 0.8 })));
  });

  it('a grade backdated before the last one counts at the last one: time never runs backwards', () => {
    const ordered = [grade(at('2026-03-02'), 'good'), grade(at('2026-03-04'), 'good')];
    const backdated = [grade(at('2026-03-02'), 'good'), grade(at('2026-03-04'), 'good'), grade(at('2026-03-03'), 'good')];
    const same = [...ordered, grade(at('2026-03-04'), 'good')];
    expect(scheduleCard(born, backdated)).toEqual(scheduleCard(born, same));
  });

  it('Space-Anki-like preview: a new card\'s Again and Hard come back within the session, Good in days, Easy later', () => {
    const next = nextIntervals(scheduleCard(born, []), at('2026-03-02'));
    expect(next.again.minutes).toBeLessThanOrEqual(20);
    expect(next.hard.minutes).toBeLessThanOrEqual(20);
    expect(next.good.minutes % 1440).toBe(0);
    expect(next.good.minutes).toBeGreaterThanOrEqual(1440);
    expect(next.easy.minutes).toBeGreaterThan(next.good.minutes);
  });

  it('the preview of each grade is what giving it does (property)', () => {
    const ratings = fc.constantFrom<Rating>('again', 'hard', 'good', 'easy');
    fc.assert(
      fc.property(fc.array(ratings, { maxLength: 8 }), ratings, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 1439 }), (history, next, late, minute) => {
        const { grades } = reviewWhenDue(history);
        const schedule = scheduleCard(born, grades);
        const moment = { date: addDays(schedule.due, late), minute };
        const preview = nextIntervals(schedule, moment)[next];
        const graded = scheduleCard(born, [...grades, grade(moment, next)]);
        expect(preview.due).toBe(graded.due);
        expect(preview.label).toBe(formatInterval(preview.minutes));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the same log gives the same due dates (property)', () => {
  const cardIds = ['t:1', 't:3', 't:8'] as const;
  const ratings = fc.constantFrom<Rating>('again', 'hard', 'good', 'easy');
  // Two devices grading the three cards on dates of their own, the second's clock an hour behind.
  const step = fc.record({ device: fc.constantFrom(0, 1), card: fc.constantFrom(...cardIds), rating: ratings, days: fc.integer({ min: 0, max: 6 }), minute: fc.integer({ min: 0, max: 1439 }) });

  const dueDates = (events: LogEvent[]) => {
    const view = fold(events);
    const done = doneOn([1, 3, 4, 8], '2026-03-01');
    return planCards(reviewPlan, { done, review: view.review }).cards.map((card) => {
      const s = scheduleCard(card, view.review.grades[card.id] ?? []);
      return [s.id, s.state, s.due, s.dueMinute];
    });
  };

  it('whatever order the devices\' files are read in, and with copies', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), fc.infiniteStream(fc.nat()), (steps, shuffle) => {
        const devices = [new Device('laptop'), new Device('desktop', Date.UTC(2026, 2, 2, 7))];
        const dates = [0, 0];
        const events = steps.map(({ device, card, rating, days, minute }) => {
          dates[device]! += days;
          return devices[device]!.write({ kind: 'grade', date: addDays('2026-03-02', dates[device]!), card, rating, at: '2026-03-02T08:00:00.000Z', minute }, 3_600_000);
        });
        const copies = [...events, ...events.filter((_, i) => i % 3 === 0).map((e) => structuredClone(e))];
        const keys = new Map(copies.map((event) => [event, shuffle.next().value as number]));
        const shuffled = [...copies].sort((a, b) => keys.get(a)! - keys.get(b)!);
        expect(dueDates(shuffled)).toEqual(dueDates(events));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the day\'s reviews', () => {
  const today = '2026-03-20';
  // Thirty cards, never graded, first due on 30 dates up to today: card 0 oldest.
  const cards = Array.from({ length: 30 }, (_, n) => ({ id: `t:${n}`, born: addDays(today, n - 31), firstDue: addDays(today, n - 29) }));

  it('at most the daily limit, the oldest due first', () => {
    const day = dueToday(cards.map((card) => scheduleCard(card, [])), today, { dailyLimit: 20 });
    expect(day.cards.map((s) => s.id)).toEqual(cards.slice(0, 20).map((card) => card.id));
    expect(day).toMatchObject({ due: 30, reviewed: 0, held: 10 });
  });

  it('cards reviewed today take their places; one due again today (Again) is shown without taking another', () => {
    const schedules = cards.map((card, n) => scheduleCard(card, n < 5 ? [grade(at(today), n === 0 ? 'again' : 'good')] : []));
    const day = dueToday(schedules, today, { dailyLimit: 20 });
    expect(day.cards.map((s) => s.id)).toEqual(['t:0', ...cards.slice(5, 20).map((card) => card.id)]);
    expect(day).toMatchObject({ due: 26, reviewed: 5, held: 10 });
    expect(dueToday(schedules, today, { dailyLimit: 3 }).cards.map((s) => s.id)).toEqual(['t:0']);
  });

  it('cards not yet due wait', () => {
    expect(dueToday(cards.map((card) => scheduleCard(card, [])), addDays(today, -29), { dailyLimit: 20 }).cards.map((s) => s.id)).toEqual(['t:0']);
  });
});

describe('review figures', () => {
  it('counts reviews, cards by state, and the share not graded Again over the last 30 days', () => {
    const today = '2026-04-30';
    const grades = {
      'a:1': [grade(at('2026-03-01'), 'again'), grade(at('2026-04-01'), 'good'), grade(at(today), 'again')],
      'a:2': [grade(at('2026-04-10'), 'hard'), grade(at(today), 'easy')],
    };
    const schedules = [scheduleCard({ id: 'a:1', born: '2026-03-01', firstDue: '2026-03-01' }, grades['a:1']), scheduleCard({ id: 'a:2', born: '2026-04-10', firstDue: '2026-04-10' }, grades['a:2']), scheduleCard({ id: 'a:3', born: today, firstDue: today }, [])];
    expect(reviewStats(schedules, grades, today)).toEqual({ reviews: 5, today: 2, cards: { new: 1, learning: 0, review: 1, relearning: 1 }, retention: { reviews: 4, rate: 0.75 } });
    expect(reviewStats([], {}, today).retention).toEqual({ reviews: 0, rate: null });
  });

  it('the dates with a review, for the streak', () => {
    expect([...reviewDates({ 'a:1': [grade(at('2026-03-01'), 'again'), grade(at('2026-03-01'), 'good')], 'b:2': [grade(at('2026-03-04'), 'hard')] })].sort()).toEqual(['2026-03-01', '2026-03-04']);
  });
});

describe('intervals and settings as people type and read them', () => {
  it.each([
    [0, '<1m'],
    [10, '10m'],
    [59, '59m'],
    [60, '1h'],
    [1439, '24h'],
    [1440, '1d'],
    [3 * 1440, '3d'],
    [29 * 1440, '29d'],
    [45 * 1440, '1.5mo'],
    [364 * 1440, '12.1mo'],
    [400 * 1440, '1.1y'],
  ])('%i minutes read %s', (minutes, label) => {
    expect(formatInterval(minutes)).toBe(label);
  });

  it.each([
    ['0.9', 0.9],
    ['90%', 0.9],
    [' 0.85 ', 0.85],
    ['0.7', 0.7],
    ['99%', 0.99],
  ])('a retention of %j is %d', (text, value) => {
    expect(parseRetention(text)).toBeCloseTo(value, 10);
  });

  it.each(['0.5', '1', '100%', 'high', '', '-0.9'])('a retention of %j is refused', (text) => {
    expect(() => parseRetention(text)).toThrow(UsageError);
  });

  it('a daily limit is a whole number', () => {
    expect(parseDailyLimit('20')).toBe(20);
    expect(parseDailyLimit('0')).toBe(0);
    for (const text of ['-1', '2.5', 'ten', '10000', '']) expect(() => parseDailyLimit(text)).toThrow(UsageError);
  });
});

const ZONES = ['UTC', 'America/New_York', 'Australia/Lord_Howe'] as const;

describe.each(ZONES)('the study clock in %s', (zone) => {
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    process.env.TZ = saved;
  });

  // Wall times on both sides of 2026's changes (New York: 8 Mar, 1 Nov; Lord Howe: 5 Apr, 4 Oct), none in a gap.
  it.each([
    [[2026, 3, 7, 23, 30], 240, '2026-03-07', 1170],
    [[2026, 3, 8, 1, 30], 240, '2026-03-07', 1290],
    [[2026, 3, 8, 3, 30], 240, '2026-03-07', 1410],
    [[2026, 3, 8, 4, 30], 240, '2026-03-08', 30],
    [[2026, 3, 8, 23, 30], 0, '2026-03-08', 1410],
    [[2026, 11, 1, 23, 30], 0, '2026-11-01', 1410],
    [[2026, 4, 5, 23, 59], 0, '2026-04-05', 1439],
    [[2026, 10, 4, 3, 0], 180, '2026-10-04', 0],
    [[2026, 10, 4, 2, 59], 180, '2026-10-03', 1439],
  ])('%j with day start %i min is %s, minute %i', ([y, mo, d, h, mi], dayStart, date, minute) => {
    expect(studyMoment(new Date(y!, mo! - 1, d!, h!, mi!), dayStart)).toEqual({ date, minute });
  });
});

describe('no time zone or DST change moves a due date', () => {
  /** A reviewer grading every due card at 23:30 local time from February to June: what each review and due date was. */
  function simulate(zone: string): string[] {
    const saved = process.env.TZ;
    process.env.TZ = zone;
    try {
      const cards = [born, { id: 't:3', born: '2026-02-27', firstDue: '2026-02-28' }];
      const grades = new Map<string, GradeEntry[]>(cards.map((card) => [card.id, []]));
      const lines: string[] = [];
      for (let date = '2026-02-28'; date <= '2026-06-30'; date = addDays(date, 1)) {
        const [y, m, d] = date.split('-').map(Number);
        const moment = studyMoment(new Date(y!, m! - 1, d!, 23, 30), 0);
        for (const card of cards) {
          const list = grades.get(card.id)!;
          // Graded Good but every third review Again; a card due again within the session is graded again.
          for (let schedule = scheduleCard(card, list); schedule.due < moment.date || (schedule.due === moment.date && schedule.dueMinute <= moment.minute + 20); schedule = scheduleCard(card, list)) {
            list.push(grade(moment, list.length % 3 === 2 ? 'again' : 'good'));
            const next = scheduleCard(card, list);
            lines.push(`${card.id} ${moment.date} ${next.state} due ${next.due} +${daysBetween(moment.date, next.due)}d`);
          }
        }
      }
      return lines;
    } finally {
      process.env.TZ = saved;
    }
  }

  it('a reviewer at 23:30 gets the same due dates in every zone, each a whole number of days after the review', () => {
    const utc = simulate('UTC');
    expect(utc.length).toBeGreaterThan(10);
    for (const zone of ZONES.slice(1)) expect(simulate(zone)).toEqual(utc);
    // Every review lands on its own study date, and a review state's due date is that date plus its interval.
    for (const line of utc.filter((l) => l.includes(' review '))) {
      const [, reviewed, , , due, plus] = line.split(' ');
      expect(addDays(reviewed!, Number(plus!.slice(1, -1)))).toBe(due);
      expect(Number(plus!.slice(1, -1))).toBeGreaterThan(0);
    }
  });
});
