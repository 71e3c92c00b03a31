// Every plan's cards with their schedules, as the commands will read them: today's due list with
// the limit kept, the next date one comes due, `--json`'s shape, the figures for `stats`.
import { describe, expect, it } from 'vitest';
import type { LogEvent, Rating } from '../../src/log/events.js';
import { fold } from '../../src/log/fold.js';
import type { GradeEntry, ReviewView } from '../../src/log/fold-review.js';
import { cardJson, deckStats, dueReviews, reviewDeck } from '../../src/review/deck.js';
import { doneIn } from '../../src/schedule/progress.js';
import { Device } from '../support/log-events.js';
import { doneOn, reviewPlan } from '../support/review-plan.js';

const grade = (date: string, rating: GradeEntry['rating']): GradeEntry => ({ rating, date, minute: 600, at: `${date}T10:00:00.000Z` });
const view = (review: Partial<ReviewView>): ReviewView => ({ notes: [], adds: [], grades: {}, ...review });
// Day 1 finished on 1 March, the range on the 4th; checklist item 2 added on the 2nd; day 1 reviewed on the 2nd.
const plans = [{ ...reviewPlan, done: doneOn([3, 4], '2026-03-04', doneOn([1], '2026-03-01')) }];
const review = view({ adds: [{ plan: 't', item: 'c.design-for-10x', date: '2026-03-02' }], grades: { 't:1': [grade('2026-03-02', 'good')] } });

describe('the deck', () => {
  const deck = reviewDeck(plans, review);

  it('holds each plan\'s cards with their schedules, in plan order', () => {
    expect(deck.cards.map(({ card, schedule }) => [card.id, schedule.state, schedule.due])).toEqual([
      ['t:1', 'review', '2026-03-04'],
      ['t:3', 'new', '2026-03-05'],
      ['t:c.design-for-10x', 'new', '2026-03-02'],
    ]);
    expect(deck.lost).toEqual([]);
  });

  it.each([
    ['2026-03-01', [], '2026-03-02'],
    ['2026-03-03', ['t:c.design-for-10x'], '2026-03-04'],
    ['2026-03-05', ['t:c.design-for-10x', 't:1', 't:3'], undefined],
  ])('on %s due: %j, the next on %s', (today, ids, next) => {
    const day = dueReviews(deck, today);
    expect(day.cards.map((entry) => entry.card.id)).toEqual(ids);
    expect(day.next).toBe(next);
  });

  it('lists a due card for --json as {id, plan, day, front, back, due, state}', () => {
    expect(dueReviews(deck, '2026-03-05').cards.map(cardJson)).toEqual([
      { id: 't:c.design-for-10x', plan: 't', day: null, item: 'c.design-for-10x', front: 'Checklist 2: Design for 10x', back: 'Item 2 of the final checklist.', due: '2026-03-02', state: 'new' },
      { id: 't:1', plan: 't', day: 1, front: 'Day 1: Storage\nWeek 1: Basics', back: expect.stringContaining('- Sketch an index'), due: '2026-03-04', state: 'review' },
      { id: 't:3', plan: 't', day: 3, front: 'Days 3–4: Drills\nWeek 1: Basics', back: '- Practice queries\n- Mock interview', due: '2026-03-05', state: 'new' },
    ]);
  });

  it('counts for stats every grade, and the states of the cards the plans hold', () => {
    const withLost = view({ ...review, grades: { ...review.grades, 't:40': [grade('2026-03-03', 'again')] } });
    const lostDeck = reviewDeck(plans, withLost);
    expect(lostDeck.lost).toEqual(['t:40']);
    expect(deckStats(lostDeck, withLost, '2026-03-03')).toEqual({ reviews: 2, today: 1, cards: { new: 2, learning: 0, review: 1, relearning: 0 }, retention: { reviews: 2, rate: 0.5 } });
  });
});

describe('from the log to the day\'s reviews, as the commands will go', () => {
  it('finishing a day makes a card due the next day; Good sends it days ahead; Again brings it back', () => {
    const laptop = new Device('laptop');
    const day1 = reviewPlan.days[0]!.tasks.map((task) => laptop.write({ kind: 'done', date: '2026-03-01', plan: 't', task: task.id, day: 1 }));
    const gradeOn = (date: string, rating: Rating) => laptop.write({ kind: 'grade', date, card: 't:1', rating, at: `${date}T10:00:00.000Z`, minute: 600 }, 86_400_000);
    const dueOn = (events: LogEvent[], today: string) => {
      const view = fold(events);
      const deck = reviewDeck([{ ...reviewPlan, done: doneIn(view.log, 't', reviewPlan.days) }], view.review);
      return dueReviews(deck, today).cards.map((entry) => entry.card.id);
    };
    expect(dueOn(day1, '2026-03-01')).toEqual([]);
    expect(dueOn(day1, '2026-03-02')).toEqual(['t:1']);
    const good = gradeOn('2026-03-02', 'good');
    expect(dueOn([...day1, good], '2026-03-03')).toEqual([]);
    expect(dueOn([...day1, good], '2026-03-04')).toEqual(['t:1']);
    const again = gradeOn('2026-03-04', 'again');
    expect(dueOn([again, ...day1, good], '2026-03-04')).toEqual(['t:1']);
  });
});
