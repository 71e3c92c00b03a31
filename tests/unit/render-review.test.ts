// The review screen, the end of a session, the review lines of today and stats, and the notes
// list, as a person sees them with colour off: snapshots at 60 columns and in a pipe.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Note } from '../../src/log/fold-review.js';
import { displayWidth } from '../../src/render/layout.js';
import { renderNotes } from '../../src/render/notes.js';
import { renderReviewEnd, renderReviewScreen, renderReviewStats, reviewsDueLine } from '../../src/render/review.js';
import type { RenderOptions } from '../../src/render/style.js';
import { planCards } from '../../src/review/cards.js';
import { notesByDay } from '../../src/review/notes.js';
import { nextIntervals, scheduleCard } from '../../src/review/schedule.js';
import { doneOn, reviewPlan } from '../support/review-plan.js';

const options = (wrapAt?: number): RenderOptions => ({ style: new Chalk({ level: 0 }), columns: wrapAt ?? 80, wrapAt });
const notes: Note[] = [
  { id: 'k3f9q1w2e3r4', plan: 't', day: 1, text: 'LSM trees turn random writes into sequential ones, at the cost of compaction later on\nB-trees: reads first', date: '2026-03-01' },
  { id: 'a1b2c3d4e5f6', plan: 't', day: 1, task: 'd1.sketch-an-index', text: 'a covering index avoids the table', date: '2026-03-02', edited: '2026-03-03' },
  { id: 'p9p9p9p9p9p9', plan: 't', day: 3, text: 'drill joins', date: '2026-03-04' },
];
const [dayCard, rangeCard, itemCard] = planCards(reviewPlan, { done: doneOn([1, 3, 4], '2026-03-04'), review: { notes, adds: [{ plan: 't', item: 'c.explain-cap', date: '2026-03-04' }], grades: {} } }).cards;
// A card forgotten at its first review and relearnt: the intervals a review card shows the day after.
const reviewed = scheduleCard(dayCard!, [
  { rating: 'again', date: '2026-03-05', minute: 600, at: '' },
  { rating: 'good', date: '2026-03-05', minute: 610, at: '' },
]);
const next = nextIntervals(reviewed, { date: reviewed.due, minute: 600 });

describe('the review screen', () => {
  it('the front: the span, its title and group, and how to go on', () => {
    expect(renderReviewScreen({ card: dayCard!, position: 1, total: 3, revealed: false }, options(60))).toMatchSnapshot();
  });

  it('the back: tasks with details and links, the deliverable, the notes, and each grade\'s next interval', () => {
    const text = renderReviewScreen({ card: dayCard!, position: 1, total: 3, revealed: true, next }, options(60));
    expect(text).toMatchSnapshot();
    expect(text).toMatch(/^1 Again 10m · 2 Hard \d+d · 3 Good \d+d · 4 Easy [\d.]+(d|mo) · q stops$/m);
    for (const line of text.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(60);
  });

  it('a new card\'s back, unwrapped in a pipe; a checklist item\'s back', () => {
    const fresh = nextIntervals(scheduleCard(rangeCard!, []), { date: '2026-03-05', minute: 600 });
    expect(renderReviewScreen({ card: rangeCard!, position: 2, total: 3, revealed: true, next: fresh }, options())).toMatchSnapshot();
    expect(renderReviewScreen({ card: itemCard!, position: 3, total: 3, revealed: true, next: fresh }, options(40))).toMatchSnapshot();
  });

  it('the end of a session, stopped or finished', () => {
    expect(renderReviewEnd({ graded: 2, stopped: true, left: 3, held: 0 }, options(60))).toMatchSnapshot();
    expect(renderReviewEnd({ graded: 5, stopped: false, left: 0, held: 4, next: '2026-03-09' }, options(60))).toMatchSnapshot();
    expect(renderReviewEnd({ graded: 0, stopped: false, left: 0, held: 0, next: '2026-03-09' }, options(60))).toBe('No reviews due today.\nNext review: Mon 9 Mar 2026.\n');
  });

  it('today\'s line, and stats\' lines', () => {
    expect(reviewsDueLine(3)).toBe('3 reviews due · `prep review`');
    expect(reviewsDueLine(1)).toBe('1 review due · `prep review`');
    expect(reviewsDueLine(0)).toBeUndefined();
    const stats = { reviews: 42, today: 3, cards: { new: 2, learning: 1, review: 9, relearning: 1 }, retention: { reviews: 30, rate: 0.8667 } };
    expect(renderReviewStats(stats, options())).toEqual(['Reviews   42 done (3 today) · retention 87% over the last 30 days (30 reviews)', 'Cards     2 new, 1 learning, 9 review, 1 relearning']);
    expect(renderReviewStats(stats, options(60))).toMatchSnapshot();
    expect(renderReviewStats({ reviews: 0, today: 0, cards: { new: 0, learning: 0, review: 0, relearning: 0 }, retention: { reviews: 0, rate: null } }, options())).toEqual(['Reviews   none yet. A day becomes a review card once all its tasks are done.']);
  });
});

describe('the notes list', () => {
  const list = (filter = {}) => ({ groups: notesByDay(notes, filter).map((group) => ({ ...group, title: group.day === 1 ? 'Storage' : 'Drills', tasks: { 'd1.sketch-an-index': 'Sketch an index' } })) });

  it('newest first under each plan day, ids and dates in columns, a note\'s lines wrapped under its text', () => {
    const text = renderNotes(list(), options(60));
    expect(text).toMatchSnapshot();
    for (const line of text.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(60);
  });

  it('in a pipe, one line a line of the note', () => {
    expect(renderNotes(list(), options())).toMatchSnapshot();
  });

  it('says what to do with no notes, and what matched nothing', () => {
    expect(renderNotes({ groups: [] }, options())).toBe('No notes yet. `prep note TEXT` adds one to today\'s plan day.\n');
    expect(renderNotes({ groups: [], grep: 'raft' }, options())).toBe('No notes hold "raft".\n');
  });
});
