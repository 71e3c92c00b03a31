// The fold's step for notes and spaced review: notes by plan, day and task, the cards added on
// demand, and each card's grades in stamp order (the order the fold applies events in), so that a
// card's schedule, replayed from them, is the same on every machine. Kept apart from the fold of
// progress: it shares nothing with it but the order of events.
import { cleanBlock, normalizeNewlines } from '../curriculum/text.js';
import type { LocalDate } from '../schedule/dates.js';
import { RATINGS, type Rating, type ReviewEvent } from './events.js';

/** A note as the views show it; its id is the id of the event that added it. */
export interface Note {
  id: string;
  plan: string;
  day: number;
  /** The task's completion key, for a note on a task. */
  task?: string;
  text: string;
  /** The study date it was written for. */
  date: LocalDate;
  /** The study date of its last edit. */
  edited?: LocalDate;
}

/** A card asked for with `review add`: a plan day or a checklist item, from the first date it was asked. */
export interface ReviewAdd {
  plan: string;
  day?: number;
  item?: string;
  date: LocalDate;
}

/** One review of a card. */
export interface GradeEntry {
  rating: Rating;
  /** The study date it counts for. */
  date: LocalDate;
  /** Minutes into that study day. */
  minute: number;
  /** The instant it was given (ISO). */
  at: string;
}

/** The step's state as the fold goes: maps in the order entries were first applied. */
export interface ReviewFold {
  notes: Map<string, Note>;
  adds: Map<string, ReviewAdd>;
  grades: Map<string, GradeEntry[]>;
}

/** What the views get: plain copies. */
export interface ReviewView {
  /** Oldest first (by the stamp of the event that added each). */
  notes: Note[];
  adds: ReviewAdd[];
  /** By card id, each card's grades in stamp order; a record without a prototype. */
  grades: Record<string, GradeEntry[]>;
}

export function emptyReviewFold(): ReviewFold {
  return { notes: new Map(), adds: new Map(), grades: new Map() };
}

/** A note's text as it is kept: newlines as LF, no control characters, no blank lines around it. */
export function noteText(text: string): string {
  return cleanBlock(normalizeNewlines(text));
}

const addKey = (add: Pick<ReviewAdd, 'plan' | 'day' | 'item'>) => (add.day !== undefined ? `${add.plan}\u0000day\u0000${add.day}` : `${add.plan}\u0000item\u0000${add.item}`);

/** Applies one event of the review's kinds (in stamp order, after every earlier one). */
export function applyReview(state: ReviewFold, event: ReviewEvent): void {
  switch (event.kind) {
    case 'note': {
      const text = noteText(event.text);
      // A second add with the same id (damage) changes nothing: the first one stands.
      if (text === '' || state.notes.has(event.id)) return;
      const note: Note = { id: event.id, plan: event.plan, day: event.day, text, date: event.date };
      if (event.task !== undefined) note.task = event.task;
      state.notes.set(event.id, note);
      return;
    }
    case 'note-edit': {
      const note = state.notes.get(event.note);
      const text = noteText(event.text);
      if (note && text !== '') state.notes.set(event.note, { ...note, text, edited: event.date });
      return;
    }
    case 'note-remove':
      state.notes.delete(event.note);
      return;
    case 'review-add': {
      const add: ReviewAdd = event.day !== undefined ? { plan: event.plan, day: event.day, date: event.date } : { plan: event.plan, item: event.item!, date: event.date };
      const key = addKey(add);
      const earlier = state.adds.get(key);
      // Asked for twice (on two machines): it was wanted from the earlier date.
      if (earlier === undefined || add.date < earlier.date) state.adds.set(key, add);
      return;
    }
    case 'grade': {
      const entry: GradeEntry = { rating: event.rating, date: event.date, minute: event.minute, at: event.at };
      const grades = state.grades.get(event.card);
      if (grades) grades.push(entry);
      else state.grades.set(event.card, [entry]);
      return;
    }
  }
}

/** A copy to fold on, sharing nothing that folding changes. */
export function cloneReviewFold(state: ReviewFold): ReviewFold {
  return { notes: new Map(state.notes), adds: new Map(state.adds), grades: new Map([...state.grades].map(([card, grades]) => [card, [...grades]])) };
}

export function reviewViewOf(state: ReviewFold): ReviewView {
  const grades = Object.create(null) as Record<string, GradeEntry[]>;
  for (const [card, list] of state.grades) grades[card] = list.map((grade) => ({ ...grade }));
  return { notes: [...state.notes.values()].map((note) => ({ ...note })), adds: [...state.adds.values()].map((add) => ({ ...add })), grades };
}

/** The step's state as JSON data, for the snapshot. */
export function serializeReview(state: ReviewFold): unknown {
  return { notes: [...state.notes.values()], adds: [...state.adds.values()], grades: [...state.grades] };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const optional = (value: unknown, check: (value: unknown) => boolean) => value === undefined || check(value);

/** The step's state from a snapshot's data, or undefined for anything that is not one (it is then folded again). */
export function deserializeReview(raw: unknown): ReviewFold | undefined {
  if (!isRecord(raw) || !Array.isArray(raw.notes) || !Array.isArray(raw.adds) || !Array.isArray(raw.grades)) return undefined;
  const state = emptyReviewFold();
  for (const note of raw.notes) {
    if (!isRecord(note) || !isString(note.id) || !isString(note.plan) || !isNumber(note.day) || !isString(note.text) || !isString(note.date) || !optional(note.task, isString) || !optional(note.edited, isString)) return undefined;
    state.notes.set(note.id, note as unknown as Note);
  }
  for (const add of raw.adds) {
    if (!isRecord(add) || !isString(add.plan) || !isString(add.date) || !(isNumber(add.day) ? add.item === undefined : isString(add.item))) return undefined;
    state.adds.set(addKey(add as unknown as ReviewAdd), add as unknown as ReviewAdd);
  }
  for (const entry of raw.grades) {
    if (!Array.isArray(entry) || !isString(entry[0]) || !Array.isArray(entry[1])) return undefined;
    const grades = entry[1] as unknown[];
    for (const grade of grades) if (!isRecord(grade) || !(RATINGS as readonly unknown[]).includes(grade.rating) || !isString(grade.date) || !isNumber(grade.minute) || !isString(grade.at)) return undefined;
    state.grades.set(entry[0], grades as GradeEntry[]);
  }
  return state;
}
