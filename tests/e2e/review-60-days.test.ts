// Sixty simulated days of study and review in New York, across the DST change of 8 March 2026:
// each finished plan day becomes a card, due the day after; due cards are graded with `review
// grade`; the daily limit holds every day; and the due dates are whole study dates, the same as a
// replay of the log in UTC gives them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planCards } from '../../src/review/cards.js';
import { reviewDeck } from '../../src/review/deck.js';
import { addDays, daysBetween } from '../../src/schedule/dates.js';
import { planDays } from '../../src/schedule/plan-days.js';
import { doneIn } from '../../src/schedule/progress.js';
import { logView, prep as run, shippedPlan } from '../helpers.js';

const home = mkdtempSync(join(tmpdir(), 'prep-review-60-'));
const prep = (...args: string[]) => {
  const result = run(args, { home, env: { TZ: 'America/New_York' } });
  expect(result.status, `prep ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
};
const START = '2026-02-23';
const LIMIT = 2;
const plan = shippedPlan('6-week');
const days = planDays(plan);

interface Due {
  id: string;
  day: number | null;
  due: string;
}

/** What the days so far showed: the cards listed due on each date, and the first date each card was graded. */
const listed = new Map<string, string[]>();
const firstGraded = new Map<string, string>();

/** One simulated day: finish the plan day (the first 42 days), list what is due, grade it. */
function studyDay(n: number): void {
  const date = addDays(START, n - 1);
  if (n <= plan.days && days[n - 1]!.tasks.length > 0) prep('done', '--all', '--date', date);
  const due = JSON.parse(prep('review', '--json', '--date', date)) as Due[];
  listed.set(date, due.map((card) => card.id));
  // The limit holds: never more cards a day than it allows.
  expect(due.length, date).toBeLessThanOrEqual(LIMIT);
  for (const card of due) {
    expect(card.due <= date, `${card.id} listed on ${date} but due ${card.due}`).toBe(true);
    // A card is due no earlier than the day after its plan day was finished.
    if (card.day !== null && !firstGraded.has(card.id)) expect(card.due >= addDays(START, card.day), card.id).toBe(true);
    // Every fifth day the first card is forgotten: Again, which brings it back soon.
    prep('review', 'grade', card.id, n % 5 === 0 && card === due[0] ? 'again' : 'good', '--date', date);
    if (!firstGraded.has(card.id)) firstGraded.set(card.id, date);
  }
}

describe('sixty days of spaced review in America/New_York', () => {
  it('days 1-20: cards appear as days are finished and come due the day after', () => {
    prep('plan', 'switch', '6-week', '--start', START, '--date', START);
    prep('config', 'set', 'review-limit', String(LIMIT));
    expect(prep('review', '--date', START)).toBe('No reviews due today.\n');
    for (let n = 1; n <= 20; n++) studyDay(n);
    expect(listed.get(addDays(START, 1))).toEqual(['6-week:1']);
    // Past the DST change (8 March) the cards still come due on whole study dates.
    expect(firstGraded.get('6-week:14')).toBeDefined();
  }, 240_000);

  it('days 21-40: the limit keeps the backlog for later days, and says so', () => {
    for (let n = 21; n <= 40; n++) studyDay(n);
    const count = prep('review', '--date', addDays(START, 39));
    expect(count).toMatch(/more cards? due, kept for the coming days by the daily limit/);
    expect(JSON.parse(prep('today', '--json', '--date', addDays(START, 39))).reviews.held).toBeGreaterThan(0);
  }, 240_000);

  it('days 41-60: reviews go on after the plan ends; the due dates match a replay in UTC', () => {
    for (let n = 41; n <= 60; n++) studyDay(n);
    const last = addDays(START, 59);
    expect([...listed.values()].every((ids) => ids.length <= LIMIT)).toBe(true);
    // Good sent cards days ahead: some card was graded twice, weeks apart.
    const view = logView(home);
    const twice = Object.values(view.review.grades).filter((grades) => grades.length >= 2 && daysBetween(grades[0]!.date, grades.at(-1)!.date) >= 7);
    expect(twice.length).toBeGreaterThan(0);

    // The same log, replayed here in UTC, gives the due dates prep gave in New York.
    const done = doneIn(view.log, plan.id, days);
    const deck = reviewDeck([{ id: plan.id, days, checklist: plan.checklist, done }], view.review, { retention: 0.9 });
    // With the limit lifted, far ahead, every card is due: all of them listed, with their dates.
    prep('config', 'set', 'review-limit', '9999');
    const shown = JSON.parse(prep('review', '--json', '--date', addDays(last, 400))) as Due[];
    expect(planCards({ id: plan.id, days, checklist: plan.checklist }, { done, review: view.review }).cards.length).toBe(deck.cards.length);
    const byId = new Map(deck.cards.map((entry) => [entry.card.id, entry.schedule.due]));
    expect(shown.length).toBe(deck.cards.length);
    expect(shown.length).toBeGreaterThan(30);
    for (const card of shown) expect(card.due).toBe(byId.get(card.id));
  }, 240_000);
});
