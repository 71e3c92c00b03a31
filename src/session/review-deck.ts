// The review deck as the commands read it: every plan that can have cards (a task done, a card
// added or graded), loaded from the catalog, with the review settings. FSRS (ts-fsrs) is loaded
// only where a card has grades to replay: a deck never reviewed is due by its cards' first dates.
import type { Plan } from '../curriculum/types.js';
import { planCards, planOfCard } from '../review/cards.js';
import type { Deck, DeckPlan, DueReviews } from '../review/deck.js';
import { dueFilePath, reviewsDueOn, type DueFile } from '../review/due-file.js';
import type { ReviewStats } from '../review/schedule.js';
import { refreshCacheFile } from '../io/cache-file.js';
import { reviewSettings, type ReviewSettings } from '../review/settings.js';
import type { LocalDate } from '../schedule/dates.js';
import { planDays } from '../schedule/plan-days.js';
import { doneIn } from '../schedule/progress.js';
import type { StudyState } from '../state/study-store.js';
import { catalog, loadCatalogPlan } from '../curriculum/read.js';

/** Where plans are read from: the context gives both (it is one). */
export interface PlanSource {
  curriculaDirs: readonly string[];
  paths: { cacheDir: string };
}

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
export async function reviewPlans(ctx: PlanSource, state: StudyState, known: readonly Plan[] = []): Promise<Plan[]> {
  const ids = reviewPlanIds(state);
  const missing = ids.filter((id) => !known.some((plan) => plan.id === id));
  const entries = missing.length === 0 ? [] : await catalog(ctx.curriculaDirs);
  const plans: Plan[] = [];
  for (const id of ids) {
    const entry = entries.find((candidate) => candidate.id === id);
    const plan = known.find((candidate) => candidate.id === id) ?? (entry && (await loadCatalogPlan(entry, ctx.paths.cacheDir).catch(() => undefined)));
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

export async function deckPlans(ctx: PlanSource, state: StudyState, known: readonly Plan[] = []): Promise<DeckPlan[]> {
  return deckPlansOf(await reviewPlans(ctx, state, known), state);
}

export async function loadDeck(ctx: PlanSource, state: StudyState, known: readonly Plan[] = []): Promise<LoadedDeck> {
  const { reviewDeck } = await import('../review/deck.js');
  const settings = reviewSettings(state.settings);
  const plans = await deckPlans(ctx, state, known);
  return { deck: reviewDeck(plans, state.review, settings), settings, plans };
}

export async function dueOf(loaded: LoadedDeck, today: LocalDate): Promise<DueReviews> {
  const { dueReviews } = await import('../review/deck.js');
  return dueReviews(loaded.deck, today, loaded.settings);
}

/** Each card's due date and last review, and the daily limit: FSRS replays grades only where there are some. */
export async function dueEntries(ctx: PlanSource, state: StudyState, known: readonly Plan[] = []): Promise<DueFile> {
  const { dailyLimit } = reviewSettings(state.settings);
  if (reviewPlanIds(state).length === 0) return { limit: dailyLimit, cards: [] };
  if (Object.keys(state.review.grades).length > 0) {
    const { deck } = await loadDeck(ctx, state, known);
    return { limit: dailyLimit, cards: deck.cards.map(({ schedule }) => [schedule.due, schedule.last?.date ?? null]) };
  }
  // Never graded: a card is due from its first date.
  const plans = await deckPlans(ctx, state, known);
  return { limit: dailyLimit, cards: plans.flatMap((plan) => planCards(plan, { done: plan.done, review: state.review }).cards.map((card): [LocalDate, null] => [card.firstDue, null])) };
}

/** What `prep today` says of reviews: cards to review today (the daily limit kept) and those the limit holds back. */
export async function reviewsToday(ctx: PlanSource, state: StudyState, today: LocalDate, known: readonly Plan[] = []): Promise<{ due: number; held: number }> {
  return reviewsDueOn(await dueEntries(ctx, state, known), today);
}

/** Best effort, after every change: the due dates the prompt counts today's reviews from. */
export async function writeDueFile(ctx: PlanSource, state: StudyState): Promise<void> {
  try {
    refreshCacheFile(dueFilePath(ctx.paths.cacheDir), JSON.stringify(await dueEntries(ctx, state)));
  } catch {
    // a prompt without the file shows no reviews; the next change writes it
  }
}

/** `prep stats`' review figures; nothing loads FSRS while no plan can have cards. */
export async function reviewFigures(ctx: PlanSource, state: StudyState, today: LocalDate, known: readonly Plan[] = []): Promise<ReviewStats> {
  if (reviewPlanIds(state).length === 0) return { reviews: 0, today: 0, cards: { new: 0, learning: 0, review: 0, relearning: 0 }, retention: { reviews: 0, rate: null } };
  const { deckStats } = await import('../review/deck.js');
  return deckStats((await loadDeck(ctx, state, known)).deck, state.review, today);
}
