// `prep review`: on a terminal, today's due cards one at a time (front; Space shows the back; 1–4
// grade it, each grade recorded as it is given; q stops). `--json` lists the due cards; without a
// terminal it says how many are due. The screen's logic is the pure reducer of src/review/loop.ts.
import { defineCommand } from '../app/define.js';
import type { Context } from '../context.js';
import type { Plan } from '../curriculum/types.js';
import { cardJson, dueReviews, type CardJson, type DeckCard } from '../review/deck.js';
import { reviewStep, startReview, type ReviewSession } from '../review/loop.js';
import { comesBackSoon, nextIntervals } from '../review/schedule.js';
import { reviewSettings } from '../review/settings.js';
import { renderReviewScreen, type ReviewEnd } from '../render/review.js';
import type { LocalDate } from '../schedule/dates.js';
import { dates } from '../session/session.js';
import { reviewPlans } from '../session/review-deck.js';
import { deckOf, gradeMoment, recordGrade } from '../session/review-grade.js';
import type { StudyState } from '../state/study-store.js';

/** Without a terminal: how many cards are due today (the daily limit kept), how many it holds back, and the next date one is due. */
export interface ReviewCount {
  kind: 'count';
  due: number;
  held: number;
  next: LocalDate | null;
}

export type ReviewData = ReviewCount | (ReviewEnd & { kind: 'end' }) | CardJson[];

/** The review screen: draws each state, reads a key, records each grade before the next card. */
async function reviewOnTerminal(ctx: Context, plans: readonly Plan[], start: StudyState, today: LocalDate): Promise<ReviewEnd & { kind: 'end' }> {
  let state = start;
  const settings = reviewSettings(state.settings);
  const moment = gradeMoment(ctx, state, today);
  const first = dueReviews(deckOf(plans, state), today, settings);
  const byId = new Map<string, DeckCard>(first.cards.map((entry) => [entry.card.id, entry]));
  let session: ReviewSession = startReview(first.cards.map((entry) => entry.card.id));
  const total = session.queue.length;
  const keys = ctx.keys();
  try {
    while (session.phase !== 'done') {
      const entry = byId.get(session.queue[0]!)!;
      if (session.phase === 'graded') {
        const graded = await recordGrade(ctx, plans, session.pending!.card, session.pending!.rating, moment);
        state = graded.state;
        byId.set(graded.entry.card.id, graded.entry);
        session = reviewStep(session, { recorded: { again: comesBackSoon(graded.entry.schedule, moment) } });
        continue;
      }
      const revealed = session.phase === 'back';
      const position = Math.min(total, session.graded.length + 1);
      ctx.draw(renderReviewScreen({ card: entry.card, position, total: Math.max(total, position), revealed, ...(revealed ? { next: nextIntervals(entry.schedule, moment, settings) } : {}) }, ctx));
      session = reviewStep(session, { key: await keys.next() });
    }
  } finally {
    keys.close();
  }
  // The last screen stays; what the session did is printed under it.
  const after = dueReviews(deckOf(plans, state), today, settings);
  const end: ReviewEnd & { kind: 'end' } = { kind: 'end', graded: session.graded.length, stopped: session.stopped, left: after.cards.length, held: after.held };
  if (after.next !== undefined) end.next = after.next;
  return end;
}

export async function review(ctx: Context): Promise<ReviewData> {
  const state = ctx.store.read();
  if (!state) return ctx.json ? [] : { kind: 'count', due: 0, held: 0, next: null };
  const { today } = dates(ctx, state);
  const plans = await reviewPlans(ctx, state);
  const due = dueReviews(deckOf(plans, state), today, reviewSettings(state.settings));
  if (ctx.json) return due.cards.map(cardJson);
  if (ctx.interactive && due.cards.length > 0) return reviewOnTerminal(ctx, plans, state, today);
  return { kind: 'count', due: due.cards.length, held: due.held, next: due.next ?? null };
}

export default defineCommand({
  name: 'review',
  summary: 'review today\'s due cards: Space shows the back, 1–4 grade it (Again, Hard, Good, Easy), q stops',
  examples: ['prep review', 'prep review --json                 # the due cards', 'prep review grade 6-week:3 good    # without a terminal', 'prep review add --day 3', 'prep review export -o deck.txt     # for Anki'],
  run: (_options: object, ctx) => review(ctx),
  render: 'review',
});
