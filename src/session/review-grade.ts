// One grade recorded: decided under the lock on the log as it is then (the card must still be a
// card), with the study moment it counts for, and the card's schedule after it.
import type { Context } from '../context.js';
import type { Plan } from '../curriculum/types.js';
import { UsageError } from '../errors.js';
import { RATINGS, type Rating } from '../log/events.js';
import { reviewDeck, type DeckCard } from '../review/deck.js';
import { studyMoment, type StudyMoment } from '../review/schedule.js';
import { reviewSettings } from '../review/settings.js';
import type { LocalDate } from '../schedule/dates.js';
import type { StudyState } from '../state/study-store.js';
import { deckPlansOf } from './review-deck.js';

const RATING_KEYS: Record<string, Rating> = { '1': 'again', '2': 'hard', '3': 'good', '4': 'easy' };

/** `again|hard|good|easy` (or 1–4, as on the review screen), or a UsageError naming them. */
export function parseRating(text: string): Rating {
  const word = text.trim().toLowerCase();
  const rating = (RATINGS as readonly string[]).includes(word) ? (word as Rating) : RATING_KEYS[word];
  if (rating) return rating;
  throw new UsageError(`"${text}" is not a grade`, 'Grade with again, hard, good or easy (or 1–4), such as `prep review grade 6-week:3 good`.');
}

/** The deck as `state` has it: every card with its schedule. */
export function deckOf(plans: readonly Plan[], state: StudyState) {
  return reviewDeck(deckPlansOf(plans, state), state.review, reviewSettings(state.settings));
}

/** The moment a grade given now counts at: the study date (`today`, which --date may set) and the minutes into it. */
export function gradeMoment(ctx: Pick<Context, 'now'>, state: Pick<StudyState, 'settings'>, today: LocalDate): StudyMoment {
  return { date: today, minute: studyMoment(ctx.now, state.settings.dayStart).minute };
}

export interface Graded {
  state: StudyState;
  /** The card after the grade. */
  entry: DeckCard;
  /** It was due (on or before the date) when graded. */
  wasDue: boolean;
}

/** Records `rating` for `cardId` at `moment`; a card the log no longer makes (a day undone meanwhile) is refused. */
export async function recordGrade(ctx: Context, plans: readonly Plan[], cardId: string, rating: Rating, moment: StudyMoment): Promise<Graded> {
  let wasDue = false;
  const { state } = await ctx.store.update((current) => {
    const entry = deckOf(plans, current).cards.find((candidate) => candidate.card.id === cardId);
    if (!entry) throw new UsageError(`no review card has the id "${cardId}"`, '`prep review --json` lists the cards due, with their ids; a day becomes a card once all its tasks are done.');
    wasDue = entry.schedule.due <= moment.date;
    return [{ kind: 'grade', date: moment.date, card: cardId, rating, at: ctx.now.toISOString(), minute: moment.minute }];
  });
  const entry = deckOf(plans, state).cards.find((candidate) => candidate.card.id === cardId)!;
  return { state, entry, wasDue };
}
