// The review deck as the commands read it: every plan that can have cards (a task done, a card
// added or graded), loaded from the catalog, with the review settings. FSRS (ts-fsrs) is loaded
// only where a card has grades to replay: a deck never reviewed is due by its cards' first dates.
import type { Context } from '../context.js';
import type { Plan } from '../curriculum/types.js';
import { planCards, planOfCard } from '../review/cards.js';
import type { Deck, DeckPlan, DueReviews } from '../review/deck.js';
import type { ReviewStats } from '../review/schedule.js';
import { reviewSettings, type ReviewSettings } from '../review/settings.js';
import type { LocalDate } from '../schedule/dates.js';
import { planDays } from '../schedule/plan-days.js';
import { doneIn } from '../schedule/progress.js';
import type { StudyState } from '../state/study-store.js';
import { findPlan } from './session.js';

export interface LoadedDeck {
  deck: Deck;
  settings: ReviewSettings;
  plans: DeckPlan[];
}

/** The plans that can have cards, the active one first, then by id. */
export function reviewPlanIds(state: Pick<StudyState, 'log' | 'review' | 'activePlan'>): string[] {
  const ids = new Set<string>();
  for (const event of state.log) if (event.kind === 'done') ids.add(event.plan);
  for (const add of state.review.adds) ids.add(add.plan);
  for (const card of Object.keys(state.review.grades)) ids.add(planOfCard(card));
  const sorted = [...ids].sort();
  return state.activePlan !== null && ids.has(state.activePlan) ? [state.activePlan, ...sorted.filter((id) => id !== state.activePlan)] : sorted;
}

/** Each such plan from the catalog; one no longer there has no cards (its grades stay in the log). */
export async function reviewPlans(ctx: Context, state: StudyState, known: readonly Plan[] = []): Promise<Plan[]> {
  const plans: Plan[] = [];
  for (const id of reviewPlanIds(state)) {
    const plan = known.find((candidate) => candidate.id === id) ?? (await findPlan(id, ctx).catch(() => undefined));
    if (plan) plans.push(plan);
  }
  return plans;
}

/** The plans with what is done in each, as `state` says: pure, so a decision under the lock can make it again. */
export function deckPlansOf(plans: readonly Plan[], state: Pick<StudyState, 'log'>): DeckPlan[] {
  return plans.map((plan) => {
    const days = planDays(plan);
    return { id: plan.id, days, checklist: plan.checklist, done: doneIn(state.log, plan.id, days) };
  });
}

export async function deckPlans(ctx: Context, state: StudyState, known: readonly Plan[] = []): Promise<DeckPlan[]> {
  return deckPlansOf(await reviewPlans(ctx, state, known), state);
}

export async function loadDeck(ctx: Context, state: StudyState, known: readonly Plan[] = []): Promise<LoadedDeck> {
  const { reviewDeck } = await import('../review/deck.js');
  const settings = reviewSettings(state.settings);
  const plans = await deckPlans(ctx, state, known);
  return { deck: reviewDeck(plans, state.review, settings), settings, plans };
}

export async function dueOf(loaded: LoadedDeck, today: LocalDate): Promise<DueReviews> {
  const { dueReviews } = await import('../review/deck.js');
  return dueReviews(loaded.deck, today, loaded.settings);
}

/** What `prep today` says of reviews: cards to review today (the daily limit kept) and those the limit holds back. */
export async function reviewsToday(ctx: Context, state: StudyState, today: LocalDate, known: readonly Plan[] = []): Promise<{ due: number; held: number }> {
  const ids = reviewPlanIds(state);
  if (ids.length === 0) return { due: 0, held: 0 };
  if (Object.keys(state.review.grades).length > 0) {
    const due = await dueOf(await loadDeck(ctx, state, known), today);
    return { due: due.cards.length, held: due.held };
  }
  // Never graded: a card is due from its first date, and no card was reviewed today.
  const { dailyLimit } = reviewSettings(state.settings);
  let due = 0;
  for (const plan of await deckPlans(ctx, state, known)) due += planCards(plan, { done: plan.done, review: state.review }).cards.filter((card) => card.firstDue <= today).length;
  return { due: Math.min(due, dailyLimit), held: Math.max(0, due - dailyLimit) };
}

/** `prep stats`' review figures; nothing loads FSRS while no plan can have cards. */
export async function reviewFigures(ctx: Context, state: StudyState, today: LocalDate, known: readonly Plan[] = []): Promise<ReviewStats> {
  if (reviewPlanIds(state).length === 0) return { reviews: 0, today: 0, cards: { new: 0, learning: 0, review: 0, relearning: 0 }, retention: { reviews: 0, rate: null } };
  const { deckStats } = await import('../review/deck.js');
  return deckStats((await loadDeck(ctx, state, known)).deck, state.review, today);
}
