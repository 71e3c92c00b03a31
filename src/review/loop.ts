// The interactive review as a pure reducer: a screen state and a key give the next state, so the
// command only reads keys, records the grades the reducer hands it, and draws. The front shows
// first; Space reveals the back; 1–4 grade it; the grade is recorded (the `graded` state) before
// the next card. `q` stops at any point, keeping every grade already recorded.
import type { Rating } from '../log/events.js';

export type ReviewPhase = 'front' | 'back' | 'graded' | 'done';

export interface GivenGrade {
  card: string;
  rating: Rating;
}

export interface ReviewSession {
  phase: ReviewPhase;
  /** Card ids still to show, the one on screen first. */
  queue: readonly string[];
  /** Grades recorded in this session, in order. */
  graded: readonly GivenGrade[];
  /** In the `graded` state: the grade the command must now record. */
  pending?: GivenGrade;
  /** `q` ended it with cards left. */
  stopped: boolean;
}

/**
 * What the command feeds the reducer: a key, by the name the terminal's keypress gives it
 * (`space`, `return`, `1`…`4`, `q`, `escape`, `ctrl-c`), or, in the `graded` state, that the
 * grade was recorded and whether the card comes back in this session (a learning step).
 */
export type ReviewInput = { key: string } | { recorded: { again: boolean } };

const GRADE_KEYS: Record<string, Rating> = { '1': 'again', '2': 'hard', '3': 'good', '4': 'easy' };
const REVEAL_KEYS = new Set(['space', ' ', 'return', 'enter']);
const STOP_KEYS = new Set(['q', 'escape', 'ctrl-c']);

export function startReview(queue: readonly string[]): ReviewSession {
  return { phase: queue.length > 0 ? 'front' : 'done', queue, graded: [], stopped: false };
}

/** The state after `input`; an input that means nothing in a state leaves it as it is. */
export function reviewStep(session: ReviewSession, input: ReviewInput): ReviewSession {
  const { phase } = session;
  if (phase === 'done') return session;
  if ('recorded' in input) {
    if (phase !== 'graded' || !session.pending) return session;
    const [card, ...rest] = session.queue;
    const queue = input.recorded.again ? [...rest, card!] : rest;
    return { phase: queue.length > 0 ? 'front' : 'done', queue, graded: [...session.graded, session.pending], stopped: false };
  }
  // While a grade is being recorded, keys wait: the grade must land before anything else happens.
  if (phase === 'graded') return session;
  const key = input.key.toLowerCase();
  if (STOP_KEYS.has(key)) return { phase: 'done', queue: session.queue, graded: session.graded, stopped: true };
  if (phase === 'front' && REVEAL_KEYS.has(key)) return { ...session, phase: 'back' };
  const rating = GRADE_KEYS[key];
  if (phase === 'back' && rating) return { ...session, phase: 'graded', pending: { card: session.queue[0]!, rating } };
  return session;
}
