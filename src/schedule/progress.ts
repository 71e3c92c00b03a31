// Where the user stands in a plan on a given date: pure functions of the plan, the marks and `today`.
import { completions, mentionedIds, type Mark, type StateEvent } from '../state/schema.js';
import { levenshtein } from '../curriculum/text.js';
import { dateOfDay, dayOn, openPause, type PlanClock } from './clock.js';
import type { LocalDate } from './dates.js';
import type { PlanDay, ScheduledTask } from './plan-days.js';

export type PlanStatus = 'not-started' | 'active' | 'finished';

export interface Position {
  status: PlanStatus;
  /** Plan day number for `today`: below 1 before the start, above `days` after the end. */
  day: number;
  start: LocalDate;
  /** The date of the last day, later by every paused day (an ongoing pause as if it ended today). */
  end: LocalDate;
  /** The date the ongoing pause began, when the plan's clock stands still. */
  pausedSince: LocalDate | null;
}

export function position(clock: PlanClock, days: number, today: LocalDate): Position {
  const day = dayOn(clock, today, today);
  const status: PlanStatus = day < 1 ? 'not-started' : day > days ? 'finished' : 'active';
  const pause = openPause(clock);
  return { status, day, start: clock.start, end: dateOfDay(clock, days, today), pausedSince: pause && pause.from <= today ? pause.from : null };
}

export interface NumberedTask extends ScheduledTask {
  /** The number `prep done N` takes: the task's place in its day, stable while the file is unchanged. */
  n: number;
  done: boolean;
}

export function numberedTasks(day: PlanDay, done: ReadonlyMap<string, Mark>): NumberedTask[] {
  return day.tasks.map((task, index) => ({ ...task, n: index + 1, done: done.has(task.id) }));
}

export interface OverdueTask {
  /** The first day it is open on, and the number `prep done --day D N` takes for it there. */
  day: number;
  id: string;
  text: string;
  n: number;
  /**
   * The days it is open on: one day, or for a range task (due on each day of its range under the
   * same number) the first and last of the days it is open on, `count` of them, which
   * `prep done --day FROM-TO N` clears at once.
   */
  days: { from: number; to: number };
  count: number;
}

/** A range task's id on one day of its range is the task's id and `@day`: the task's id, else undefined. */
const repeatedTask = (id: string): string | undefined => {
  const at = id.lastIndexOf('@');
  return at > 0 ? id.slice(0, at) : undefined;
};

/**
 * Unfinished tasks of days before `today`; a week task only once its week is over. A range task
 * open on several days is one entry, over days in a row where it has the same number, so that
 * `prep done --day FROM-TO N` names only it.
 */
export function overdue(days: readonly PlanDay[], today: number, done: ReadonlyMap<string, Mark>): OverdueTask[] {
  const seen = new Set<string>();
  const out: OverdueTask[] = [];
  /** Per range task and number: the last day it was seen under that number, and its entry in `out`. */
  const runs = new Map<string, { last: number; entry?: OverdueTask }>();
  for (const day of days) {
    if (day.day >= today) break;
    if (day.kind === 'week' && day.to >= today) continue;
    day.tasks.forEach((task, index) => {
      const n = index + 1;
      const repeated = repeatedTask(task.id);
      let run: { last: number; entry?: OverdueTask } | undefined;
      if (repeated !== undefined) {
        const key = `${n} ${repeated}`;
        run = runs.get(key);
        if (run?.last === day.day - 1) run.last = day.day;
        else runs.set(key, (run = { last: day.day }));
      }
      if (done.has(task.id) || seen.has(task.id)) return;
      seen.add(task.id);
      if (run?.entry) {
        run.entry.days.to = day.day;
        run.entry.count++;
        return;
      }
      const entry: OverdueTask = { day: day.day, id: task.id, text: task.text, n, days: { from: day.day, to: day.day }, count: 1 };
      if (run) run.entry = entry;
      out.push(entry);
    });
  }
  return out;
}

/** Done and total over the whole plan, counting each completion key once. */
export function planProgress(days: readonly PlanDay[], done: ReadonlyMap<string, Mark>): { done: number; total: number } {
  const ids = new Set(days.flatMap((d) => d.tasks.map((t) => t.id)));
  let count = 0;
  for (const id of ids) if (done.has(id)) count++;
  return { done: count, total: ids.size };
}

/** Completions whose task is no longer in the plan (the curriculum was edited): kept, and reported. */
export function orphans(days: readonly PlanDay[], done: ReadonlyMap<string, Mark>): { id: string; text?: string }[] {
  const ids = taskTexts(days);
  return [...done].filter(([id]) => !ids.has(id)).map(([id, mark]) => (mark.text === undefined ? { id } : { id, text: mark.text }));
}

/** How alike two tasks' words must be for a completion to follow the task. */
const SAME_TASK = 0.7;

/** Words compared as typed: case and runs of white space aside. */
const comparable = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** 1 for equal (comparable) texts, falling towards 0 as more of them would have to be edited. */
function similarity(x: string, y: string): number {
  const longest = Math.max(x.length, y.length);
  if (longest === 0) return 1;
  // The length difference alone is that many edits: past the bar, the distance need not be worked out.
  if (1 - Math.abs(x.length - y.length) / longest < SAME_TASK) return 0;
  return 1 - levenshtein(x, y) / longest;
}

// A completion key: its span (`d3`, `w2`, `d1-5`), its words, and `@day` for a day of a range.
const TASK_KEY = /^([dw][\d-]+)\.[^@]*(@\d+)?$/;

interface Candidate {
  id: string;
  text: string;
  /** The task's words, comparable: worked out when an orphan is first compared with it. */
  words?: string;
  /** Place in the plan: the first of equally good matches wins. */
  order: number;
}

/**
 * Task ids come from a task's words, so fixing a typo changes the id. A completion whose id is gone
 * follows the task in the same span (and on the same day of a range) whose words are most like the
 * ones it was done under, when they are alike enough and the log never named that task itself.
 * Tasks are indexed by span and day, so each orphan is compared only with the tasks it may follow.
 */
export function reconcile(done: ReadonlyMap<string, Mark>, days: readonly PlanDay[], mentioned: ReadonlySet<string>): Map<string, Mark> {
  const texts = taskTexts(days);
  const result = new Map(done);
  // The index is made for the first orphan: a log whose completions all name tasks of the plan needs none.
  let index: { bySpan: Map<string, Candidate[]>; irregular: Candidate[] } | undefined;
  for (const [id, mark] of done) {
    if (texts.has(id) || mark.text === undefined) continue;
    const match = TASK_KEY.exec(id);
    if (!match) continue;
    const { bySpan, irregular } = (index ??= indexBySpan(texts));
    const [, span, day = ''] = match;
    let candidates = bySpan.get(`${span} ${day}`) ?? [];
    if (irregular.length > 0) {
      const fits = irregular.filter((c) => c.id.startsWith(`${span}.`) && c.id.endsWith(day) && !(day === '' && c.id.includes('@')));
      if (fits.length > 0) candidates = [...candidates, ...fits].sort((a, b) => a.order - b.order);
    }
    const words = comparable(mark.text);
    let best: { id: string; score: number } | undefined;
    for (const candidate of candidates) {
      if (result.has(candidate.id) || mentioned.has(candidate.id)) continue;
      const score = similarity(words, (candidate.words ??= comparable(candidate.text)));
      if (score >= SAME_TASK && (!best || score > best.score)) best = { id: candidate.id, score };
    }
    if (best) {
      result.delete(id);
      result.set(best.id, mark);
    }
  }
  return result;
}

/** Each task's words by its id, in plan order. */
const textsOfDays = new WeakMap<readonly PlanDay[], ReadonlyMap<string, string>>();
// A write works out what is done several times over the same days: the map is made once for them.
function taskTexts(days: readonly PlanDay[]): ReadonlyMap<string, string> {
  let texts = textsOfDays.get(days);
  if (!texts) {
    const made = new Map<string, string>();
    for (const day of days) for (const task of day.tasks) made.set(task.id, task.text);
    textsOfDays.set(days, (texts = made));
  }
  return texts;
}

/** The plan's tasks by span (and day of a range), in plan order; ids of another shape (none the parser makes) apart. */
function indexBySpan(texts: ReadonlyMap<string, string>): { bySpan: Map<string, Candidate[]>; irregular: Candidate[] } {
  const bySpan = new Map<string, Candidate[]>();
  // Ids of another shape are tried by every orphan, as the rule says.
  const irregular: Candidate[] = [];
  let order = 0;
  for (const [id, text] of texts) {
    const key = TASK_KEY.exec(id);
    const candidate: Candidate = { id, text, order: order++ };
    if (!key) irregular.push(candidate);
    else {
      const bucket = `${key[1]} ${key[2] ?? ''}`;
      const list = bySpan.get(bucket);
      if (list) list.push(candidate);
      else bySpan.set(bucket, [candidate]);
    }
  }
  return { bySpan, irregular };
}

/** doneIn's answers, by log, laid-out plan and plan id: a run asks for the same ones several times. */
const doneOf = new WeakMap<readonly StateEvent[], WeakMap<readonly PlanDay[], Map<string, ReadonlyMap<string, Mark>>>>();

/** What is done in a plan: the log replayed, and completions of reworded tasks following their task. */
export function doneIn(log: readonly StateEvent[], planId: string, days: readonly PlanDay[]): ReadonlyMap<string, Mark> {
  let byDays = doneOf.get(log);
  if (!byDays) doneOf.set(log, (byDays = new WeakMap()));
  let byPlan = byDays.get(days);
  if (!byPlan) byDays.set(days, (byPlan = new Map()));
  let done = byPlan.get(planId);
  if (!done) byPlan.set(planId, (done = reconcile(completions(log, planId), days, mentionedIds(log, planId))));
  return done;
}

/** More days behind than this and `prep plan catch-up` is suggested. */
export const CATCH_UP_AFTER = 2;

/**
 * Days behind the schedule: from the due day of the first unfinished task (a week task is due on
 * its week's last day) to today. Negative when days after today are already done: days ahead.
 * 0 outside the plan's days.
 */
export function behind(days: readonly PlanDay[], where: Pick<Position, 'status' | 'day'>, done: ReadonlyMap<string, Mark>): number {
  if (where.status !== 'active') return 0;
  const today = where.day;
  for (const day of days) {
    const open = day.tasks.some((task) => !done.has(task.id));
    if (!open) continue;
    const due = day.kind === 'week' ? day.to : day.day;
    if (due < today) return today - due;
    return Math.min(0, today + 1 - day.day);
  }
  return Math.min(0, today - days.length);
}
