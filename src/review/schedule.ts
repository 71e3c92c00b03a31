// Spaced review with FSRS (ts-fsrs): a card's state is its grades replayed in stamp order from its
// birth, so the same log gives the same due dates on every machine. FSRS runs on a study clock,
// not the wall clock: each study date is one 24-hour day starting at its day start, and a moment is
// a date and the minutes into it (src/log/events.ts GradeEvent). Whole-day intervals then land on
// whole study dates, and neither a time zone nor a DST change can move a due date. Pure.
import { createEmptyCard, fsrs, Rating as FsrsRating, State, type Card as FsrsCard, type FSRS, type Grade } from 'ts-fsrs';
import type { Rating } from '../log/events.js';
import type { GradeEntry } from '../log/fold-review.js';
import { addDays, daysBetween, studyDate, type LocalDate } from '../schedule/dates.js';
import type { ReviewCard } from './cards.js';

export { DAILY_LIMIT_MAX, DEFAULT_REVIEW_SETTINGS, parseDailyLimit, parseRetention, RETENTION_RANGE, type ReviewSettings } from './settings.js';
import { DEFAULT_REVIEW_SETTINGS, type ReviewSettings } from './settings.js';

/** A point on the study clock: a study date and the minutes into it (0–1439). */
export interface StudyMoment {
  date: LocalDate;
  minute: number;
}

/** The study moment at wall-clock time `now` in the process's zone: 23:30 with a 04:00 day start is 1170 minutes into that date. */
export function studyMoment(now: Date, dayStartMinutes = 0): StudyMoment {
  const wall = now.getHours() * 60 + now.getMinutes();
  return { date: studyDate(now, dayStartMinutes), minute: (wall - dayStartMinutes + 1440) % 1440 };
}

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const EPOCH: LocalDate = '1970-01-01';
const clockOf = (moment: StudyMoment) => daysBetween(EPOCH, moment.date) * DAY + moment.minute * MINUTE;
const momentOf = (ms: number): StudyMoment => ({ date: addDays(EPOCH, Math.floor(ms / DAY)), minute: Math.floor((((ms % DAY) + DAY) % DAY) / MINUTE) });

/** One learning step and one relearning step of 10 minutes: a finished day was studied once already. */
const STEPS = ['10m'] as const;
/** A card due within this many minutes comes back in the same session, as Anki's learn-ahead does. */
export const LEARN_AHEAD_MINUTES = 20;

const schedulers = new Map<number, FSRS>();
function scheduler(retention: number): FSRS {
  let f = schedulers.get(retention);
  // No fuzz: the interval shown on the review screen is the interval given.
  if (!f) schedulers.set(retention, (f = fsrs({ request_retention: retention, enable_fuzz: false, enable_short_term: true, learning_steps: STEPS, relearning_steps: STEPS })));
  return f;
}

const FSRS_RATING: Record<Rating, Grade> = { again: FsrsRating.Again, hard: FsrsRating.Hard, good: FsrsRating.Good, easy: FsrsRating.Easy };
export type CardState = 'new' | 'learning' | 'review' | 'relearning';
const STATE: Record<State, CardState> = { [State.New]: 'new', [State.Learning]: 'learning', [State.Review]: 'review', [State.Relearning]: 'relearning' };

export interface CardSchedule {
  id: string;
  state: CardState;
  /** The study date it is due on, and the minute into it (learning steps are minutes apart). */
  due: LocalDate;
  dueMinute: number;
  reviews: number;
  lapses: number;
  /** The moment of the last review, on the study clock. */
  last?: StudyMoment;
  /** FSRS's memory of it, to preview the next review. */
  memory: FsrsCard;
}

/**
 * A card's schedule from its grades (in stamp order). A grade whose moment comes before the last
 * one replayed (a review backdated with --date on another machine) counts at that last moment, so
 * time never runs backwards in a replay.
 */
export function scheduleCard(card: Pick<ReviewCard, 'id' | 'born' | 'firstDue'>, grades: readonly GradeEntry[], settings: Pick<ReviewSettings, 'retention'> = DEFAULT_REVIEW_SETTINGS): CardSchedule {
  const f = scheduler(settings.retention);
  let at = clockOf({ date: card.born, minute: 0 });
  let memory = createEmptyCard(new Date(at));
  for (const grade of grades) {
    at = Math.max(at, clockOf(grade));
    memory = f.next(memory, new Date(at), FSRS_RATING[grade.rating]).card;
  }
  const due = grades.length === 0 ? { date: card.firstDue, minute: 0 } : momentOf(memory.due.getTime());
  const schedule: CardSchedule = { id: card.id, state: STATE[memory.state], due: due.date, dueMinute: due.minute, reviews: grades.length, lapses: memory.lapses, memory };
  if (grades.length > 0) schedule.last = momentOf(at);
  return schedule;
}

export interface NextReview {
  due: LocalDate;
  /** From the moment of the review to the next one. */
  minutes: number;
  /** `10m`, `3d`, `1.5mo`, as Anki shows it. */
  label: string;
}

/** What each grade given at `at` would do: the next interval of each, for the review screen. */
export function nextIntervals(schedule: CardSchedule, at: StudyMoment, settings: Pick<ReviewSettings, 'retention'> = DEFAULT_REVIEW_SETTINGS): Record<Rating, NextReview> {
  const now = Math.max(clockOf(at), schedule.last ? clockOf(schedule.last) : 0);
  const preview = scheduler(settings.retention).repeat(schedule.memory, new Date(now));
  const next = (rating: Rating): NextReview => {
    const due = preview[FSRS_RATING[rating]].card.due.getTime();
    const minutes = Math.round((due - now) / MINUTE);
    return { due: momentOf(due).date, minutes, label: formatInterval(minutes) };
  };
  return { again: next('again'), hard: next('hard'), good: next('good'), easy: next('easy') };
}

/** Whether a card just graded at `at` comes back in the same session: due within the learn-ahead. */
export function comesBackSoon(schedule: CardSchedule, at: StudyMoment): boolean {
  return clockOf({ date: schedule.due, minute: schedule.dueMinute }) - clockOf(at) <= LEARN_AHEAD_MINUTES * MINUTE;
}

/** `<1m`, `10m`, `3h`, `4d`, `1.5mo`, `2.1y`: an interval as Anki shows it. */
export function formatInterval(minutes: number): string {
  if (minutes < 1) return '<1m';
  if (minutes < 60) return `${minutes}m`;
  if (minutes < 1440) return `${Math.round(minutes / 60)}h`;
  const days = Math.round(minutes / 1440);
  const tenths = (value: number) => String(Math.round(value * 10) / 10);
  if (days < 30) return `${days}d`;
  if (days < 365) return `${tenths(days / 30)}mo`;
  return `${tenths(days / 365)}y`;
}

export interface DueToday {
  /** The cards to review today, in order: those already reviewed today and due again, then the oldest due first, up to the daily limit. */
  cards: CardSchedule[];
  /** Cards due on or before today, the limit aside. */
  due: number;
  /** Cards reviewed today (each once). */
  reviewed: number;
  /** Due cards left for another day by the limit. */
  held: number;
}

/**
 * Today's reviews. The daily limit counts cards, each once a day: a card already reviewed today
 * and due again (a learning step) is shown without taking a place. Ties in due date and minute
 * keep the order given (plan order).
 */
export function dueToday(schedules: readonly CardSchedule[], today: LocalDate, settings: Pick<ReviewSettings, 'dailyLimit'> = DEFAULT_REVIEW_SETTINGS): DueToday {
  const due = schedules.filter((s) => s.due <= today).sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.dueMinute - b.dueMinute));
  const reviewed = schedules.filter((s) => s.last?.date === today).length;
  const again = due.filter((s) => s.last?.date === today);
  const fresh = due.filter((s) => s.last?.date !== today);
  const room = Math.max(0, settings.dailyLimit - reviewed);
  return { cards: [...again, ...fresh.slice(0, room)], due: due.length, reviewed, held: Math.max(0, fresh.length - room) };
}

export interface ReviewStats {
  /** Reviews given, in all, and on `today`. */
  reviews: number;
  today: number;
  cards: Record<CardState, number>;
  /** The last 30 study dates: reviews, and the share of them not graded Again (null with none). */
  retention: { reviews: number; rate: number | null };
}

export const RETENTION_DAYS = 30;

/** `prep stats`' review figures, from the cards' schedules and every card's grades. */
export function reviewStats(schedules: readonly CardSchedule[], grades: Readonly<Record<string, readonly GradeEntry[]>>, today: LocalDate): ReviewStats {
  const cards: Record<CardState, number> = { new: 0, learning: 0, review: 0, relearning: 0 };
  for (const schedule of schedules) cards[schedule.state]++;
  const from = addDays(today, 1 - RETENTION_DAYS);
  let reviews = 0;
  let todayCount = 0;
  let recent = 0;
  let kept = 0;
  for (const list of Object.values(grades)) {
    for (const grade of list) {
      reviews++;
      if (grade.date === today) todayCount++;
      if (grade.date < from || grade.date > today) continue;
      recent++;
      if (grade.rating !== 'again') kept++;
    }
  }
  return { reviews, today: todayCount, cards, retention: { reviews: recent, rate: recent === 0 ? null : kept / recent } };
}

/** The study dates with a review: a review counts as study for the streak. */
export function reviewDates(grades: Readonly<Record<string, readonly GradeEntry[]>>): Set<LocalDate> {
  const dates = new Set<LocalDate>();
  for (const list of Object.values(grades)) for (const grade of list) dates.add(grade.date);
  return dates;
}
