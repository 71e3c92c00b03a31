// The study log's events: one discriminated union of everything the commands record, each with a
// unique id, the device that wrote it, its HLC stamp and the study date it counts for. A kind this
// prep does not know (a kind from a newer prep) is kept as it was read,
// every field, and ignored by the fold: the format grows without a version change.
import { isLocalDate, LAST_DATE, type LocalDate } from '../schedule/dates.js';
import { MAX_DAYS } from '../curriculum/limits.js';
import type { StoredSchedule } from '../schedule/schedule-view.js';
import { MAX_COUNTER, MAX_WALL, type Stamp } from './hlc.js';

/** What every event carries. */
export interface EventHeader {
  /** Unique with its stamp: a copy of an event (a sync tool's conflict copy, an import twice) counts once. */
  id: string;
  /** The device that wrote it: the stamp's device. */
  dev: string;
  /** The stamp's wall ms and counter. */
  hlc: [wall: number, counter: number];
  /** The study date it counts for: today, or the date given with --date. */
  date: LocalDate;
}

/** A task done or undone, a checklist item ticked or unticked. */
export interface TickEvent extends EventHeader {
  kind: 'done' | 'undo' | 'check' | 'uncheck';
  plan: string;
  /** The task's completion key, or the checklist item's id. */
  task: string;
  /** The plan day of the task, for reports. */
  day?: number;
  /** The task's words when it was done, so a completion whose task vanished can still be named. */
  text?: string;
  /** When it was recorded, as a state file of an older prep said; else the stamp's wall time says it. */
  at?: string;
}

/** A run of a plan begins: its start date, no pauses. With `first`, only if the plan has no run yet. */
export interface StartEvent extends EventHeader {
  kind: 'start';
  plan: string;
  start: LocalDate;
  first?: true;
}

/** The active plan (none: null). With `first`, only if no plan is active yet (a first run). */
export interface SwitchEvent extends EventHeader {
  kind: 'switch';
  plan: string | null;
  first?: true;
}

/** The plan's clock stops from `from` on. */
export interface PauseEvent extends EventHeader {
  kind: 'pause';
  plan: string;
  from: LocalDate;
}

/** The plan's clock moves again from `on`; on the day the pause began, the pause is forgotten. */
export interface ResumeEvent extends EventHeader {
  kind: 'resume';
  plan: string;
  on: LocalDate;
}

/** `plan catch-up`: the start moves from `from` to `start`, pauses kept; only if it is still `from`. */
export interface CatchUpEvent extends EventHeader {
  kind: 'catch-up';
  plan: string;
  from: LocalDate;
  start: LocalDate;
}

/** A rest day declared, or taken back. */
export interface RestEvent extends EventHeader {
  kind: 'rest' | 'rest-undo';
  on: LocalDate;
}

/**
 * A curriculum added with `plan add`: its whole text rides in the event, so it travels with the
 * log and is there whenever the event is (a sync tool may deliver a separate file late, or never).
 */
export interface PlanFileEvent extends EventHeader {
  kind: 'plan-file';
  plan: string;
  text: string;
}

/** `plan remove`: the curriculum is gone; its progress stays. */
export interface PlanRemoveEvent extends EventHeader {
  kind: 'plan-remove';
  plan: string;
}

/** `import-state`: `events` events merged from `source`; with `replace`, everything before it is set aside. */
export interface ImportEvent extends EventHeader {
  kind: 'import';
  source: string;
  events: number;
  replace?: true;
}

// Notes and spaced review (src/review/): what the user wrote about a day, and how each review went.

/** A note on a plan day, or on one of its tasks; its id is this event's. Text cleaned, newlines kept. */
export interface NoteEvent extends EventHeader {
  kind: 'note';
  plan: string;
  day: number;
  /** The task's completion key, for a note on a task. */
  task?: string;
  text: string;
}

/** A note's text replaced (`note` is the id of the event that added it). */
export interface NoteEditEvent extends EventHeader {
  kind: 'note-edit';
  note: string;
  text: string;
}

/** A note removed, for good: a later edit of it changes nothing. */
export interface NoteRemoveEvent extends EventHeader {
  kind: 'note-remove';
  note: string;
}

/** A review card added on demand: a plan day (any, finished or not) or a checklist item (its id). */
export interface ReviewAddEvent extends EventHeader {
  kind: 'review-add';
  plan: string;
  day?: number;
  item?: string;
}

export const RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type Rating = (typeof RATINGS)[number];

/** A review of a card, graded. The header's date is the study date it counts for. */
export interface GradeEvent extends EventHeader {
  kind: 'grade';
  /** The card's id (src/review/cards.ts): `6-week:12`, `6-week:c.item`. */
  card: string;
  rating: Rating;
  /** The review's instant (ISO), for the record. */
  at: string;
  /**
   * Minutes into the study day (the wall clock minus the day start): what the schedule counts
   * from, so every machine, in any zone and after any DST change, derives the same due dates.
   */
  minute: number;
}

export type ReviewEvent = NoteEvent | NoteEditEvent | NoteRemoveEvent | ReviewAddEvent | GradeEvent;
const REVIEW_KINDS: readonly ReviewEvent['kind'][] = ['note', 'note-edit', 'note-remove', 'review-add', 'grade'];

/** `prep deadline DATE`: the plan's deadline, the interview; `--clear` (null) takes it away. */
export interface DeadlineEvent extends EventHeader {
  kind: 'deadline';
  plan: string;
  on: LocalDate | null;
}

/**
 * `prep plan rebalance`: the schedule it made, as src/schedule/schedule-view.ts keeps it (the
 * result, not the parameters: remade later it would differ, as tasks get done and the plan changes).
 * It replaces the plan's schedule; a later catch-up or a new start puts the plan back on its calendar.
 */
export interface RebalanceEvent extends EventHeader, StoredSchedule {
  kind: 'rebalance';
  plan: string;
}

/** `prep plan rebalance --undo`: takes back the rebalance `of`, when it is still the plan's schedule. */
export interface RebalanceUndoEvent extends EventHeader {
  kind: 'rebalance-undo';
  plan: string;
  of: string;
}

export type KnownEvent = TickEvent | StartEvent | SwitchEvent | PauseEvent | ResumeEvent | CatchUpEvent | RestEvent | PlanFileEvent | PlanRemoveEvent | ImportEvent | DeadlineEvent | RebalanceEvent | RebalanceUndoEvent | ReviewEvent;
export type KnownKind = KnownEvent['kind'];

/** An event of a kind from a newer prep: kept whole, written back as it was, folded as nothing. */
export interface FutureEvent extends Omit<EventHeader, 'date'> {
  kind: string;
  date?: string;
  [field: string]: unknown;
}

export type LogEvent = KnownEvent | FutureEvent;

export const KNOWN_KINDS: readonly KnownKind[] = ['done', 'undo', 'check', 'uncheck', 'start', 'switch', 'pause', 'resume', 'catch-up', 'rest', 'rest-undo', 'plan-file', 'plan-remove', 'import', 'deadline', 'rebalance', 'rebalance-undo', ...REVIEW_KINDS];
const KNOWN = new Set<string>(KNOWN_KINDS);

export function isKnown(event: LogEvent): event is KnownEvent {
  return KNOWN.has(event.kind);
}

export function stampOf(event: Pick<EventHeader, 'hlc' | 'dev'>): Stamp {
  return { wall: event.hlc[0], counter: event.hlc[1], device: event.dev };
}

/** A device id: lowercase letters, digits and dashes, as a file name means the same on every disk. */
export const DEVICE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isDate = (value: unknown): value is LocalDate => typeof value === 'string' && isLocalDate(value) && value <= LAST_DATE;
const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isCount = (value: unknown, max: number): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;

/** The most parts a stored schedule may have (about 1.5 MB): the longest plan split many times over. */
export const MAX_SLICES = 100_000;

/** A stored schedule's parts: [date offset, plan day, where on the day's line (0-10000)], at most MAX_SLICES. */
const isSlices = (value: unknown): boolean =>
  Array.isArray(value) &&
  value.length <= MAX_SLICES &&
  value.every((slice) => Array.isArray(slice) && slice.length === 3 && isCount(slice[0], 2 * MAX_DAYS + 366) && isCount(slice[1], MAX_DAYS) && slice[1] >= 1 && isCount(slice[2], 10_000));

/** Why `raw`'s header is not an event's, or undefined when it is. */
function headerProblem(raw: Record<string, unknown>): string | undefined {
  if (typeof raw.id !== 'string' || raw.id === '' || raw.id.length > 128) return 'it has no event id';
  if (typeof raw.dev !== 'string' || !DEVICE_ID.test(raw.dev)) return 'it names no device';
  const hlc = raw.hlc;
  if (!Array.isArray(hlc) || hlc.length !== 2 || !isCount(hlc[0], MAX_WALL) || !isCount(hlc[1], MAX_COUNTER)) return 'its stamp is not [wall ms, counter]';
  if (typeof raw.kind !== 'string' || raw.kind === '') return 'it has no kind';
  return undefined;
}

/** What a known kind needs besides the header: each field's check, and a word for the message. */
const FIELDS: Record<KnownKind, Record<string, [check: (value: unknown) => boolean, optional?: true]>> = {
  done: tickFields(),
  undo: tickFields(),
  check: tickFields(),
  uncheck: tickFields(),
  start: { plan: [isText], start: [isDate], first: [(v) => v === true, true] },
  switch: { plan: [(v) => v === null || isText(v)], first: [(v) => v === true, true] },
  pause: { plan: [isText], from: [isDate] },
  resume: { plan: [isText], on: [isDate] },
  'catch-up': { plan: [isText], from: [isDate], start: [isDate] },
  rest: { on: [isDate] },
  'rest-undo': { on: [isDate] },
  'plan-file': { plan: [isText], text: [(v) => typeof v === 'string'] },
  'plan-remove': { plan: [isText] },
  import: { source: [(v) => typeof v === 'string'], events: [(v) => isCount(v, Number.MAX_SAFE_INTEGER)], replace: [(v) => v === true, true] },
  ...reviewFields(),
  deadline: { plan: [isText], on: [(v) => v === null || isDate(v)] },
  rebalance: { plan: [isText], from: [isDate], until: [isDate], capacity: [(v) => typeof v === 'string' && v.length <= 200], slices: [isSlices] },
  'rebalance-undo': { plan: [isText], of: [isText] },
};

function reviewFields(): Record<ReviewEvent['kind'], Record<string, [(value: unknown) => boolean, true?]>> {
  const isDay = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v > 0;
  const isNote = (v: unknown) => typeof v === 'string' && v.trim() !== '';
  return {
    note: { plan: [isText], day: [isDay], task: [isText, true], text: [isNote] },
    'note-edit': { note: [isText], text: [isNote] },
    'note-remove': { note: [isText] },
    'review-add': { plan: [isText], day: [isDay, true], item: [isText, true] },
    grade: {
      card: [isText],
      rating: [(v) => (RATINGS as readonly unknown[]).includes(v)],
      at: [(v) => typeof v === 'string' && !Number.isNaN(Date.parse(v))],
      minute: [(v) => isCount(v, 1439)],
    },
  };
}

function tickFields(): Record<string, [(value: unknown) => boolean, true?]> {
  return {
    plan: [isText],
    task: [isText],
    day: [(v) => typeof v === 'number' && Number.isInteger(v) && v > 0, true],
    text: [(v) => typeof v === 'string', true],
    at: [(v) => typeof v === 'string', true],
  };
}

/**
 * `raw` as an event, or why it is not one. A known kind must have every field it needs, right;
 * a kind this prep does not know needs only the header. The object itself is returned, every
 * field kept (a newer prep's additions too).
 */
export function checkEvent(raw: unknown): LogEvent | string {
  if (!isRecord(raw)) return 'it is not a JSON object';
  const header = headerProblem(raw);
  if (header) return header;
  const kind = raw.kind as string;
  if (!KNOWN.has(kind)) return raw.date === undefined || isDate(raw.date) ? (raw as FutureEvent) : `its date ${JSON.stringify(raw.date)} is not a YYYY-MM-DD date up to ${LAST_DATE}`;
  if (!isDate(raw.date)) return `its date ${JSON.stringify(raw.date)} is not a YYYY-MM-DD date up to ${LAST_DATE}`;
  for (const [field, [check, optional]] of Object.entries(FIELDS[kind as KnownKind])) {
    const value = raw[field];
    if (value === undefined && optional) continue;
    if (!check(value)) return value === undefined ? `a ${kind} event needs a ${field}` : `the ${field} of a ${kind} event is ${JSON.stringify(value).slice(0, 40)}`;
  }
  if (kind === 'review-add' && (raw.day === undefined) === (raw.item === undefined)) return raw.day === undefined ? 'a review-add event needs a day or an item' : 'a review-add event names a day and an item: one only';
  return raw as unknown as KnownEvent;
}

/** A new event id: 12 letters and digits (with the stamp, unique: a device never repeats a stamp). */
export function newEventId(random: () => number = Math.random): string {
  let id = '';
  while (id.length < 12) id += Math.floor(random() * 36).toString(36);
  return id;
}

/** An event without its id and stamp, of any known kind: what a command decides to record. */
export type Payload = KnownEvent extends infer E ? (E extends KnownEvent ? Omit<E, 'id' | 'dev' | 'hlc'> : never) : never;

/** The event recording `payload`, stamped `stamp`. */
export function stamped(payload: Payload, stamp: Stamp, id: string = newEventId()): KnownEvent {
  return { id, dev: stamp.device, hlc: [stamp.wall, stamp.counter], ...payload } as KnownEvent;
}
