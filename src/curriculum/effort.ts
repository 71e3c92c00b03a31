// The effort of each plan day in hours, from the plan's own words, in this order:
// 1. a note stating the whole day ("Full Day (8 hours).") → `day`;
// 2. its sections: a label's hours ("Morning (2 hours)", "Morning (5:00–10:00 am)"), else the time
//    blocks its tasks start with ("5:00–7:00: …"), else those of an earlier section of the same
//    name ("Evening" after "Evening (9:00–11:00 pm)") → `sections`; a section stating nothing adds 0;
// 3. the front matter's `hours:` → `front-matter`;
// 4. the daily time the plan's intro states ("3-4 hours a day on weekdays") → `plan`;
// 5. else one share: EQUAL_SHARE_HOURS a day → `equal`.
// A range's labels and notes hold on each of its days. A week-level span's figures are the week's
// (its statement: 5 weekdays and 2 weekend days); its tasks are due once, so each day of the week
// carries a seventh of it. A day's tasks share its hours: a section's between its tasks, the rest
// equally. Weekend days: by `starts-on` when the plan has it, else by a title saying "Weekend".
import { weekdayOfDay } from './coach-fields.js';
import { dayTotalHours, labelHours, leadingTimeBlockHours, statedDailyHours } from './hours.js';
import type { DayEffort, EffortSource, Plan, PlanEffort, Span, Task } from './types.js';

export type { DayEffort, EffortSource, PlanEffort } from './types.js';

/** What a plan day counts as when nothing in the plan says how long it takes: one share. */
export const EQUAL_SHARE_HOURS = 1;


/** Whether plan day `day` of `span` is a weekend day. */
export function isWeekendDay(plan: Pick<Plan, 'startsOn'>, span: Pick<Span, 'title'> | undefined, day: number): boolean {
  if (plan.startsOn !== undefined) return weekdayOfDay(plan.startsOn, day) >= 5;
  return span !== undefined && /\bweek-?ends?\b/i.test(span.title);
}

/** A label's name without its times or hours: "Morning (5:00–10:00 am)" → "morning". */
const sectionName = (label: string) =>
  label
    .replace(/\([^)]*\)/g, '')
    .replace(/[\d:.,\u2013\u2014-]+\s*(?:[ap]\.?m\.?)?/gi, '')
    .replace(/[\s:]+$/, '')
    .trim()
    .toLowerCase();

/** Hours a section states, by its label, else by its tasks' time blocks. */
function sectionHours(label: string, tasks: readonly Task[]): { hours: number; each?: number[] } | undefined {
  const labelled = labelHours(label);
  if (labelled !== undefined) return { hours: labelled };
  const blocks = tasks.map((t) => leadingTimeBlockHours(t.text));
  if (blocks.every((b) => b === undefined)) return undefined;
  const each = blocks.map((b) => b ?? 0);
  return { hours: each.reduce((a, b) => a + b, 0), each };
}

/** What the plan states outright for a day: the day's total, and each task's hours from its sections. */
export interface StatedDay {
  total: number | undefined;
  /** Per task, its hours from its section or its own time block; undefined where nothing says. */
  tasks: (number | undefined)[];
  /** Hours all the day's sections add up to. */
  sections: number;
}

/** Reads what a day's notes and sections say, `named` holding the hours of sections seen earlier by name. */
export function statedDay(span: Pick<Span, 'notes'>, tasks: readonly Task[], named: Map<string, number>): StatedDay {
  let total: number | undefined;
  for (const note of span.notes) {
    total = dayTotalHours(note);
    if (total !== undefined) break;
  }
  const hours: (number | undefined)[] = tasks.map((t) => (t.section === undefined ? leadingTimeBlockHours(t.text) : undefined));
  const bySection = new Map<string, number[]>();
  tasks.forEach((task, i) => {
    if (task.section !== undefined) bySection.set(task.section, [...(bySection.get(task.section) ?? []), i]);
  });
  for (const [label, indexes] of bySection) {
    const name = sectionName(label);
    const stated = sectionHours(label, indexes.map((i) => tasks[i]!));
    const inherited = stated === undefined && name !== '' ? named.get(name) : undefined;
    if (stated !== undefined && name !== '' && !named.has(name)) named.set(name, stated.hours);
    const section = stated?.hours ?? inherited;
    if (section === undefined) continue;
    indexes.forEach((i, k) => (hours[i] = stated?.each?.[k] ?? section / indexes.length));
  }
  return { total, tasks: hours, sections: hours.reduce<number>((sum, h) => sum + (h ?? 0), 0) };
}

/** Splits `total` between tasks: what they state, scaled to fit, the rest shared by the others. */
function share(total: number, stated: readonly (number | undefined)[]): number[] {
  const known = stated.reduce<number>((sum, h) => sum + (h ?? 0), 0);
  const unknown = stated.filter((h) => h === undefined).length;
  if (known <= 0) return stated.map(() => (stated.length === 0 ? 0 : total / stated.length));
  if (known >= total || unknown === 0) return stated.map((h) => ((h ?? 0) * total) / known);
  return stated.map((h) => h ?? (total - known) / unknown);
}

/** Hours to a millionth: sums of shares such as 5/3 + 5/3 + 5/3 come out whole. */
const round = (hours: number) => Math.round(hours * 1e6) / 1e6;

/** A day's (or a week's) hours and its tasks' hours. */
function effortOf(stated: StatedDay, fallback: { hours: number; source: EffortSource }): { hours: number; source: EffortSource; tasks: number[] } {
  const of = (hours: number, source: EffortSource, tasks: number[]) => ({ hours: round(hours), source, tasks: tasks.map(round) });
  if (stated.total !== undefined) return of(stated.total, 'day', share(stated.total, stated.tasks));
  if (stated.tasks.some((h) => h !== undefined)) return of(stated.sections, 'sections', stated.tasks.map((h) => h ?? 0));
  return of(fallback.hours, fallback.source, share(fallback.hours, stated.tasks));
}

/**
 * The days of a day or range span, each with its tasks: a range's days that have no task of their
 * own (`Day 30: …`) share one list, so a long range is read once, not once a day.
 */
export function* spanDays(span: Pick<Span, 'from' | 'to' | 'tasks'>): Generator<{ day: number; tasks: readonly Task[]; shared: boolean }> {
  const own = new Set<number>();
  for (const task of span.tasks) if (task.onlyDay !== undefined) own.add(task.onlyDay);
  const common = own.size === 0 ? span.tasks : span.tasks.filter((t) => t.onlyDay === undefined);
  for (let day = span.from; day <= span.to; day++) {
    if (own.has(day)) yield { day, tasks: span.tasks.filter((t) => t.onlyDay === undefined || t.onlyDay === day), shared: false };
    else yield { day, tasks: common, shared: true };
  }
}

/** Every plan day's effort, in day order (index day - 1). Assumes a plan that validated. */
export function planEffort(plan: Omit<Plan, 'effort'>): PlanEffort {
  const statement = plan.hours ?? statedDailyHours(plan.intro);
  const fallback = (weekend: boolean, days = 1): { hours: number; source: EffortSource } => {
    if (!statement) return { hours: EQUAL_SHARE_HOURS * days, source: 'equal' };
    const source: EffortSource = plan.hours ? 'front-matter' : 'plan';
    if (days === 1) return { hours: weekend ? statement.weekend : statement.weekday, source };
    return { hours: (statement.weekday * 5 * days) / 7 + (statement.weekend * 2 * days) / 7, source };
  };
  const days: DayEffort[] = Array.from({ length: plan.days }, (_, i) => ({ day: i + 1, hours: 0, source: 'day', weekend: isWeekendDay(plan, undefined, i + 1), tasks: [] }));
  const named = new Map<string, number>();
  for (const span of plan.spans) {
    if (span.kind === 'rest' || span.from < 1 || span.to > plan.days) continue;
    if (span.kind === 'week') {
      const week = effortOf(statedDay(span, span.tasks, named), fallback(false, span.to - span.from + 1));
      for (let day = span.from; day <= span.to; day++) {
        days[day - 1] = { day, hours: week.hours / (span.to - span.from + 1), source: week.source, weekend: isWeekendDay(plan, span, day), tasks: week.tasks };
      }
      continue;
    }
    let common: StatedDay | undefined;
    for (const { day, tasks, shared } of spanDays(span)) {
      const stated = shared ? (common ??= statedDay(span, tasks, named)) : statedDay(span, tasks, named);
      const weekend = isWeekendDay(plan, span, day);
      days[day - 1] = { day, ...effortOf(stated, fallback(weekend)), weekend };
    }
  }
  for (const day of plan.rest) if (day >= 1 && day <= plan.days) days[day - 1] = { ...days[day - 1]!, hours: 0, tasks: [] };
  return { days, statement, total: days.reduce((sum, d) => sum + d.hours, 0) };
}
