// Review cards from a plan and the log: finished spans become cards, any day or checklist item on
// demand; a card's birth and first due date; what becomes of a card whose day is undone.
import { describe, expect, it } from 'vitest';
import type { GradeEntry, Note, ReviewAdd } from '../../src/log/fold-review.js';
import { cardIdForDay, cardText, planCards, planOfCard, type CardLog } from '../../src/review/cards.js';
import type { Mark } from '../../src/state/schema.js';
import { doneOn, reviewPlan } from '../support/review-plan.js';

const log = (done: Map<string, Mark>, review: Partial<CardLog['review']> = {}): CardLog => ({ done, review: { notes: [], adds: [], grades: {}, ...review } });
const grade = (date: string, rating: GradeEntry['rating'] = 'good'): GradeEntry => ({ rating, date, minute: 600, at: `${date}T10:00:00.000Z` });
const summary = (cards: ReturnType<typeof planCards>['cards']) => cards.map((card) => [card.id, card.born, card.firstDue]);

describe('which spans are cards', () => {
  it.each([
    ['nothing done', new Map<string, Mark>(), []],
    ['day 1 done: a card born that day, first due the day after', doneOn([1], '2026-03-01'), [['t:1', '2026-03-01', '2026-03-02']]],
    ['one task of day 1 left: no card', new Map([['d1.read-ddia-ch-3', { date: '2026-03-01' }]]), []],
    ['day 3 of the range only: no card until the range is done', doneOn([3], '2026-03-03'), []],
    ['the whole range: one card, born when its last task was done', doneOn([4], '2026-03-05', doneOn([3], '2026-03-03')), [['t:3', '2026-03-05', '2026-03-06']]],
    ['the week: one card for its seven days', doneOn([8], '2026-03-09'), [['t:8', '2026-03-09', '2026-03-10']]],
  ])('%s', (_name, done, expected) => {
    expect(summary(planCards(reviewPlan, log(done)).cards)).toEqual(expected);
  });

  it('a rest day never is: it has nothing to recall', () => {
    expect(cardIdForDay('t', reviewPlan.days, 2)).toBeUndefined();
    expect(planCards(reviewPlan, log(new Map(), { adds: [{ plan: 't', day: 2, date: '2026-03-02' }] })).cards).toEqual([]);
  });

  it('the day of a range or a week names its span\'s card', () => {
    expect([1, 3, 4, 8, 14].map((day) => cardIdForDay('t', reviewPlan.days, day))).toEqual(['t:1', 't:3', 't:3', 't:8', 't:8']);
    expect(planOfCard('t:8')).toBe('t');
    expect(planOfCard('my-plan:c.explain-cap')).toBe('my-plan');
  });
});

describe('cards on demand, and when they are born', () => {
  const adds: ReviewAdd[] = [
    { plan: 't', day: 4, date: '2026-03-02' },
    { plan: 't', item: 'c.design-for-10x', date: '2026-03-04' },
    { plan: 'other', day: 1, date: '2026-03-01' },
  ];

  it('a day asked for is a card at once, finished or not; an item too; another plan\'s adds are not this plan\'s', () => {
    expect(summary(planCards(reviewPlan, log(new Map(), { adds })).cards)).toEqual([
      ['t:3', '2026-03-02', '2026-03-02'],
      ['t:c.design-for-10x', '2026-03-04', '2026-03-04'],
    ]);
  });

  it('asked for before it was finished, it was born when asked; asked for after, when finished', () => {
    const finished = doneOn([3, 4], '2026-03-05');
    expect(summary(planCards(reviewPlan, log(finished, { adds: [adds[0]!] })).cards)).toEqual([['t:3', '2026-03-02', '2026-03-02']]);
    expect(summary(planCards(reviewPlan, log(finished, { adds: [{ plan: 't', day: 3, date: '2026-03-09' }] })).cards)).toEqual([['t:3', '2026-03-05', '2026-03-06']]);
  });

  it('a day undone before any review stops being a card; once graded it stays, born no later than its first grade', () => {
    const undone = new Map([['d1.read-ddia-ch-3', { date: '2026-03-01' }]]);
    expect(planCards(reviewPlan, log(undone)).cards).toEqual([]);
    const graded = planCards(reviewPlan, log(undone, { grades: { 't:1': [grade('2026-03-02')] } }));
    expect(summary(graded.cards)).toEqual([['t:1', '2026-03-02', '2026-03-02']]);
    // Done again later: still born on its first life.
    expect(summary(planCards(reviewPlan, log(doneOn([1], '2026-03-20'), { grades: { 't:1': [grade('2026-03-02')] } })).cards)).toEqual([['t:1', '2026-03-02', '2026-03-02']]);
  });

  it('grades and adds whose day or item left the plan are reported lost, not made into cards', () => {
    const result = planCards(reviewPlan, log(new Map(), { adds: [{ plan: 't', item: 'c.gone', date: '2026-03-01' }], grades: { 't:2': [grade('2026-03-02')], 't:40': [grade('2026-03-02')], 'other:1': [grade('2026-03-02')] } }));
    expect(result.cards).toEqual([]);
    expect(result.lost.sort()).toEqual(['t:2', 't:40', 't:c.gone']);
  });
});

describe('a card\'s two sides', () => {
  const notes: Note[] = [
    { id: 'n1', plan: 't', day: 1, text: 'LSM trees write fast,\nread slower', date: '2026-03-01' },
    { id: 'n2', plan: 't', day: 1, task: 'd1.sketch-an-index', text: 'use a B-tree', date: '2026-03-01' },
    { id: 'n3', plan: 't', day: 3, text: 'not this day', date: '2026-03-03' },
    { id: 'n4', plan: 'other', day: 1, text: 'not this plan', date: '2026-03-01' },
  ];

  it('front: the span and its title and group; back: tasks, details, links, deliverable and the notes of its days', () => {
    const [card] = planCards(reviewPlan, log(doneOn([1], '2026-03-01'), { notes })).cards;
    expect(card!.front).toEqual({ label: 'Day 1', title: 'Storage', group: 'Week 1: Basics' });
    expect(card!.back.notes.map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(cardText(card!)).toEqual({
      front: 'Day 1: Storage\nWeek 1: Basics',
      back: ['- Read DDIA ch. 3', '  - B-trees and LSM trees', '  DDIA: https://dataintensive.net', '- Sketch an index', 'Deliverable: a one-page summary', 'Notes:', '- LSM trees write fast,\n  read slower', '- use a B-tree'].join('\n'),
    });
  });

  it('a range lists each task once; a week is named by its number', () => {
    const { cards } = planCards(reviewPlan, log(doneOn([3, 4, 8], '2026-03-09')));
    expect(cards.map((card) => [card.front.label, card.back.tasks.map((t) => t.text)])).toEqual([
      ['Days 3–4', ['Practice queries', 'Mock interview']],
      ['Week 2', ['Re-read notes', 'Explain it to a friend']],
    ]);
  });

  it('a checklist item: its text in front, where it comes from on the back', () => {
    const [card] = planCards(reviewPlan, log(new Map(), { adds: [{ plan: 't', item: 'c.explain-cap', date: '2026-03-01' }] })).cards;
    expect(cardText(card!)).toEqual({ front: 'Checklist 1: Explain CAP', back: 'Item 1 of the final checklist.' });
  });
});
