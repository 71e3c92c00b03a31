// Every plan's cards with their schedules: what `prep review`, `today`, `stats` and the export read.
// Pure: the plans (their days, checklist and what is done) and the log's review view go in.
import type { ReviewView } from '../log/fold-review.js';
import type { LocalDate } from '../schedule/dates.js';
import type { Mark } from '../state/schema.js';
import { cardText, planCards, type CardPlan, type ReviewCard } from './cards.js';
import { DEFAULT_REVIEW_SETTINGS, dueToday, reviewStats, scheduleCard, type CardSchedule, type CardState, type ReviewSettings, type ReviewStats } from './schedule.js';

export interface DeckPlan extends CardPlan {
  /** What is done in the plan (src/schedule/progress.ts doneIn). */
  done: ReadonlyMap<string, Mark>;
}

export interface DeckCard {
  card: ReviewCard;
  schedule: CardSchedule;
}

export interface Deck {
  /** Plan by plan, in the order given, each in plan order. */
  cards: DeckCard[];
  /** Cards with grades or adds whose day or item is gone from its plan. */
  lost: string[];
}

export function reviewDeck(plans: readonly DeckPlan[], review: ReviewView, settings: Pick<ReviewSettings, 'retention'> = DEFAULT_REVIEW_SETTINGS): Deck {
  const cards: DeckCard[] = [];
  const lost: string[] = [];
  for (const plan of plans) {
    const made = planCards(plan, { done: plan.done, review });
    for (const card of made.cards) cards.push({ card, schedule: scheduleCard(card, review.grades[card.id] ?? [], settings) });
    lost.push(...made.lost);
  }
  return { cards, lost };
}

export interface DueReviews {
  /** Today's cards in the order to review them, the daily limit kept. */
  cards: DeckCard[];
  due: number;
  reviewed: number;
  held: number;
  /** The first date after `today` a card comes due, if any does. */
  next?: LocalDate;
}

export function dueReviews(deck: Deck, today: LocalDate, settings: Pick<ReviewSettings, 'dailyLimit'> = DEFAULT_REVIEW_SETTINGS): DueReviews {
  const byId = new Map(deck.cards.map((entry) => [entry.card.id, entry]));
  const day = dueToday(deck.cards.map((entry) => entry.schedule), today, settings);
  const result: DueReviews = { cards: day.cards.map((schedule) => byId.get(schedule.id)!), due: day.due, reviewed: day.reviewed, held: day.held };
  const later = deck.cards.map((entry) => entry.schedule.due).filter((due) => due > today).sort()[0];
  if (later !== undefined) result.next = later;
  return result;
}

/** A card as `prep review --json` lists it. */
export interface CardJson {
  id: string;
  plan: string;
  /** The first day of a day card's span; null for a checklist item. */
  day: number | null;
  item?: string;
  front: string;
  back: string;
  due: LocalDate;
  state: CardState;
}

export function cardJson({ card, schedule }: DeckCard): CardJson {
  const item = card.item === undefined ? {} : { item: card.item };
  return { id: card.id, plan: card.plan, day: card.day ?? null, ...item, ...cardText(card), due: schedule.due, state: schedule.state };
}

/** `prep stats`' review figures: every grade in the log counts, the states are of the cards the plans still have. */
export function deckStats(deck: Deck, review: Pick<ReviewView, 'grades'>, today: LocalDate): ReviewStats {
  return reviewStats(deck.cards.map((entry) => entry.schedule), review.grades, today);
}
