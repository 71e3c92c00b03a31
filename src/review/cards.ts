// Review cards from a plan and the log: a span of the plan (a day, a range of days or a week, as
// one heading schedules it) whose every task is done becomes a card; checklist items and any day
// can be added on demand. Pure: the plan's days, what is done, the notes, adds and grades go in.
import { spanLabel } from '../curriculum/span-label.js';
import type { ChecklistItem, Link } from '../curriculum/types.js';
import type { Note, ReviewAdd, ReviewView } from '../log/fold-review.js';
import { addDays, type LocalDate } from '../schedule/dates.js';
import type { PlanDay } from '../schedule/plan-days.js';

import type { Mark } from '../state/schema.js';

export interface CardTask {
  text: string;
  details: string[];
  links: Link[];
}

export interface ReviewCard {
  /** `6-week:12` for the span starting on day 12, `6-week:c.explain-cap` for a checklist item. */
  id: string;
  plan: string;
  kind: 'day' | 'item';
  /** A day card's span: its first and last plan day (equal for a single day). */
  day?: number;
  to?: number;
  /** A checklist item's id and number. */
  item?: string;
  n?: number;
  /** The first date it was a card: its last task done, added, or first graded, whichever came first. */
  born: LocalDate;
  /** When it is due until it is first graded: a finished day the day after, a card asked for at once. */
  firstDue: LocalDate;
  front: {
    /** `Day 12`, `Days 29–35`, `Week 2`, `Checklist 3`. */
    label: string;
    title: string;
    group?: string;
  };
  back: {
    tasks: CardTask[];
    deliverable?: string;
    /** The user's notes on the span's days and tasks, oldest first. */
    notes: Note[];
  };
}

/** One plan, as the cards need it. */
export interface CardPlan {
  id: string;
  days: readonly PlanDay[];
  checklist: readonly ChecklistItem[];
}

/** What the log says, for one plan or all: what is done in the plan (src/schedule/progress.ts doneIn) and the review's view. */
export interface CardLog {
  done: ReadonlyMap<string, Mark>;
  review: Pick<ReviewView, 'notes' | 'adds' | 'grades'>;
}

export interface PlanCards {
  cards: ReviewCard[];
  /** Ids of this plan's cards with grades or adds but no day or item left in the plan (the curriculum changed): their grades stay in the log. */
  lost: string[];
}

/** A day card's id: the plan and the first day of the span. */
export const dayCardId = (plan: string, day: number) => `${plan}:${day}`;
/** A checklist item card's id: the plan and the item's id (`c.…`, never all digits). */
export const itemCardId = (plan: string, item: string) => `${plan}:${item}`;

/** The plan of a card id (plan ids hold no colon after which a card's part could start). */
export function planOfCard(id: string): string {
  const colon = id.lastIndexOf(':');
  return colon < 0 ? id : id.slice(0, colon);
}

/** The card a plan day belongs to (the first day of its span), or undefined for a day without tasks. */
export function cardIdForDay(plan: string, days: readonly PlanDay[], day: number): string | undefined {
  const entry = days[day - 1];
  return entry && entry.tasks.length > 0 ? dayCardId(plan, entry.from) : undefined;
}

const earliest = (...dates: (LocalDate | undefined)[]): LocalDate | undefined => dates.reduce<LocalDate | undefined>((min, date) => (date !== undefined && (min === undefined || date < min) ? date : min), undefined);

/** A range repeats its tasks on each of its days: the back lists each once. */
function uniqueTasks(days: readonly PlanDay[]): CardTask[] {
  const seen = new Set<string>();
  const tasks: CardTask[] = [];
  for (const day of days) {
    for (const task of day.tasks) {
      if (seen.has(task.text)) continue;
      seen.add(task.text);
      tasks.push({ text: task.text, details: task.details, links: task.links });
    }
  }
  return tasks;
}

/** The date the span's last task was done, or undefined while one is not. */
function finishedOn(days: readonly PlanDay[], done: ReadonlyMap<string, Mark>): LocalDate | undefined {
  let last: LocalDate | undefined;
  for (const day of days) {
    for (const task of day.tasks) {
      const mark = done.get(task.id);
      if (!mark) return undefined;
      if (last === undefined || mark.date > last) last = mark.date;
    }
  }
  return last;
}

/**
 * The plan's cards, in plan order (days, then checklist items). A card, once graded, stays a card
 * even if a task of its day is undone later: its grades are the user's history. One never graded
 * is a card only while its day is finished (or it was asked for): an undo right after a
 * `done --all` takes it back.
 */
export function planCards(plan: CardPlan, log: CardLog): PlanCards {
  const adds = new Map<string, ReviewAdd>();
  for (const add of log.review.adds) {
    if (add.plan !== plan.id) continue;
    const id = add.day !== undefined ? cardIdForDay(plan.id, plan.days, add.day) : itemCardId(plan.id, add.item!);
    if (id !== undefined && (adds.get(id)?.date ?? add.date) >= add.date) adds.set(id, add);
  }
  const firstGrade = (id: string): LocalDate | undefined => log.review.grades[id]?.[0]?.date;
  const made = new Set<string>();
  const cards: ReviewCard[] = [];

  for (const first of plan.days) {
    if (first.day !== first.from || first.tasks.length === 0) continue;
    const id = dayCardId(plan.id, first.from);
    const span = plan.days.slice(first.from - 1, first.to);
    const finished = finishedOn(span, log.done);
    const added = adds.get(id)?.date;
    const graded = firstGrade(id);
    const born = earliest(finished, added, graded);
    if (born === undefined) continue;
    made.add(id);
    const notes = log.review.notes.filter((note) => note.plan === plan.id && note.day >= first.from && note.day <= first.to);
    const card: ReviewCard = {
      id,
      plan: plan.id,
      kind: 'day',
      day: first.from,
      to: first.to,
      born,
      firstDue: earliest(finished && addDays(finished, 1), added, graded)!,
      front: { label: spanLabel(first.kind, first.from, first.to), title: first.title },
      back: { tasks: uniqueTasks(span), notes },
    };
    if (first.group) card.front.group = first.group;
    if (first.deliverable) card.back.deliverable = first.deliverable;
    cards.push(card);
  }

  for (const item of plan.checklist) {
    const id = itemCardId(plan.id, item.id);
    const born = earliest(adds.get(id)?.date, firstGrade(id));
    if (born === undefined) continue;
    made.add(id);
    cards.push({ id, plan: plan.id, kind: 'item', item: item.id, n: item.n, born, firstDue: born, front: { label: `Checklist ${item.n}`, title: item.text }, back: { tasks: [], notes: [] } });
  }

  const mentioned = [...adds.keys(), ...Object.keys(log.review.grades).filter((id) => planOfCard(id) === plan.id)];
  return { cards, lost: [...new Set(mentioned)].filter((id) => !made.has(id)) };
}

/** A card as plain text, for `--json` and the Anki export: the front, and the back line by line. */
export function cardText(card: ReviewCard): { front: string; back: string } {
  const front = [`${card.front.label}: ${card.front.title}`, ...(card.front.group ? [card.front.group] : [])].join('\n');
  const lines: string[] = [];
  for (const task of card.back.tasks) {
    lines.push(`- ${task.text}`);
    const linkTexts = new Set(task.links.map((link) => link.text));
    for (const detail of task.details) if (!linkTexts.has(detail)) lines.push(`  - ${detail}`);
    for (const link of task.links) lines.push(`  ${link.text === link.url ? link.url : `${link.text}: ${link.url}`}`);
  }
  if (card.back.deliverable) lines.push(`Deliverable: ${card.back.deliverable}`);
  if (card.back.notes.length > 0) lines.push('Notes:', ...card.back.notes.map((note) => `- ${note.text.replace(/\n/g, '\n  ')}`));
  if (card.kind === 'item') lines.push(`Item ${card.n} of the final checklist.`);
  return { front, back: lines.join('\n') };
}
