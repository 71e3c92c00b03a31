// The importer's fourth stage, over the whole schedule: days numbered from the start day, each day
// scheduled once (a repeat merges into the first, an overlap is kept in its details), the days no
// span covers made rest days, and the groups of merged days placed.
import { spanLabel } from '../curriculum/span-label.js';
import { append } from '../lists.js';
import { runs } from '../curriculum/validate.js';
import { MAX_DAYS } from '../curriculum/limits.js';
import { UsageError } from '../errors.js';

import type { DraftGroup, DraftPlan, DraftSection, DraftSpan, DraftTask, ScheduledPlan, Unsure } from './draft.js';
import { plainText } from './lines.js';
import { boldLine } from './markup.js';

export const LOOKED_FOR = '"Day N" headings or lines, "Days N-M" ranges, "Week N" sections with tasks, weekday names (Monday … Sunday), a table with a Day column';

/** How far the days move so that the first is `startDay`, and how many days the plan will have; a UsageError when that is no plan. */
export function numberDays(spans: readonly DraftSpan[], startDay: number, source: string): { offset: number; days: number } {
  if (spans.length === 0) {
    throw new UsageError(`no schedule found in ${source}: looked for ${LOOKED_FOR}`, 'Mark the plan\'s days, such as "Day 1: Topic" or "## Week 1", and import it again.');
  }
  const first = spans.reduce((min, s) => Math.min(min, s.from), Infinity); // no spread: 100 000+ spans overflow it
  const offset = startDay - first;
  if (offset % 7 !== 0 && spans.some((s) => s.kind === 'week')) {
    throw new UsageError(`--start-day ${startDay} would split the plan's weeks`, `A plan with week-level tasks starts on day 1, 8, 15…: use one of those, or leave --start-day out.`);
  }
  const days = keptSpans(spans).reduce((max, s) => Math.max(max, s.to), 0) + offset;
  if (days > MAX_DAYS) {
    throw new UsageError(`${source} schedules ${days} days; a plan may have at most ${MAX_DAYS} (ten years)`, 'Split it into several plans, or check that its weekday or day headings are what you meant.');
  }
  return { offset, days };
}

/** The spans in day order, each with the kept span it clashes with: the one holding its first day, if any. */
function* byDay<T extends { from: number; to: number }>(spans: readonly T[]): Generator<{ span: T; clash: T | undefined }> {
  // Kept spans never overlap and come in order of their first day, so only the last can hold a later span's first day.
  let last: T | undefined;
  for (const span of [...spans].sort((a, b) => a.from - b.from)) {
    const clash = last !== undefined && last.to >= span.from ? last : undefined;
    if (!clash) last = span;
    yield { span, clash };
  }
}

function keptSpans(spans: readonly DraftSpan[]): DraftSpan[] {
  return [...byDay(spans)].filter((s) => !s.clash).map((s) => s.span);
}

export function settleOverlaps(plan: DraftPlan, startDay: number, source: string): ScheduledPlan {
  const { offset, days } = numberDays(plan.spans, startDay, source);
  const unsure: Unsure[] = [];
  const merging = new Merging();
  const kept: DraftSpan[] = [];
  const repeats: DraftSpan[] = [];
  const moved = plan.spans.map((span) => ({ ...span, from: span.from + offset, to: span.to + offset, tasks: span.tasks.map((t) => (t.onlyDay === undefined ? t : { ...t, onlyDay: t.onlyDay + offset })) }));
  for (const { span, clash: clashing } of byDay(moved)) {
    if (!clashing) {
      kept.push(merging.own(span));
      continue;
    }
    const clash = merging.own(clashing);
    if (clash.from === span.from && clash.to === span.to && (clash.kind === span.kind || span.kind === 'rest' || clash.kind === 'rest')) {
      merging.merge(clash, span);
      repeats.push(span);
      if (repeats.length === 1) unsure.push({ line: span.line, text: span.label, reason: `${name(span)} again (first on line ${clash.line}): merged into it` });
      continue;
    }
    clash.notes.push({ label: undefined, items: [`${span.label}`, ...span.tasks.map((t) => t.text), ...span.notes.flatMap((n) => n.items)] });
    unsure.push({ line: span.line, text: span.label, reason: `overlaps ${name(clash)} (line ${clash.line}): kept in its details` });
  }
  if (repeats.length > 1) {
    // Many repeats are one fact, a second copy of the schedule: one report line, not one per day.
    const first = repeats.reduce((a, b) => (a.line < b.line ? a : b));
    const last = repeats.reduce((a, b) => (a.line > b.line ? a : b));
    const entry = unsure.find((u) => u.line === repeats[0]!.line && u.text === repeats[0]!.label);
    if (entry) Object.assign(entry, { line: first.line, text: first.label, reason: `a second copy of the schedule: ${repeats.length} days or ranges on lines ${first.line}-${last.line} repeat earlier ones and were merged into them` });
  }
  const spans = kept.map((span) => merging.own(span));
  const rest = restDays(spans, days);
  let next = 0;
  for (const run of runs(rest.filter((d) => d >= startDay))) {
    while (next < spans.length && spans[next]!.from <= run.to) next++;
    const label = run.from === run.to ? `day ${run.from} is` : `days ${run.from}-${run.to} are`;
    unsure.push({ line: spans[next]?.line ?? 1, text: spans[next]?.label ?? '', reason: `${label} not in the plan: listed as rest days` });
  }
  const { groups, sections } = placeGroups(plan.groups, plan.sections, spans, merging.mergedInto);
  return { ...plan, spans, groups, sections, days, rest, unsure: [...plan.unsure, ...unsure] };
}

const name = (span: DraftSpan): string => spanLabel(span.kind, span.from, span.to, '-');

function restDays(spans: DraftSpan[], days: number): number[] {
  const owned = new Set<number>();
  for (const span of spans) for (let d = span.from; d <= span.to; d++) owned.add(d);
  const rest: number[] = [];
  for (let d = 1; d <= days; d++) if (!owned.has(d)) rest.push(d);
  return rest;
}

/** Repeats merged into the spans they repeat: each kept span copied once, so that the input stays as it was. */
class Merging {
  private readonly copies = new Map<DraftSpan, DraftSpan>();
  private readonly taskKeys = new Map<DraftSpan, Set<string>>();
  /** The group of a repeat whose own group schedules nothing: its notes join the group it was merged into. */
  readonly mergedInto = new Map<number, number>();

  own(span: DraftSpan): DraftSpan {
    let copy = this.copies.get(span);
    if (copy === undefined) {
      copy = { ...span, tasks: [...span.tasks], notes: [...span.notes], deliverables: [...span.deliverables] };
      this.copies.set(span, copy);
      this.copies.set(copy, copy);
    }
    return copy;
  }

  merge(into: DraftSpan, from: DraftSpan): void {
    if (into.kind === 'rest' && from.kind !== 'rest') {
      into.kind = from.kind;
      into.title = from.title;
    }
    let seen = this.taskKeys.get(into);
    if (seen === undefined) {
      seen = new Set(into.tasks.map(taskKey));
      this.taskKeys.set(into, seen);
    }
    for (const task of from.tasks) {
      const key = taskKey(task);
      if (!seen.has(key)) into.tasks.push(task);
      seen.add(key);
    }
    if (from.title && plainText(from.title) !== plainText(into.title) && from.kind !== 'rest') into.notes.push({ label: undefined, items: [from.title] });
    append(into.notes, from.notes);
    into.deliverables.push(...from.deliverables.filter((d) => !into.deliverables.includes(d)));
    if (from.group !== undefined && into.group !== undefined && from.group !== into.group && !this.mergedInto.has(from.group)) this.mergedInto.set(from.group, into.group);
  }
}

const taskKey = (task: DraftTask): string => `${task.onlyDay ?? ''}|${plainText(task.text)}`;

/** Groups that schedule no day of their own: merged into the group their days were, or kept as notes sections. */
function placeGroups(groups: DraftGroup[], sections: DraftSection[], spans: DraftSpan[], mergedInto: Map<number, number>): { groups: DraftGroup[]; sections: DraftSection[] } {
  const owned = new Set(spans.map((s) => s.group).filter((g): g is number => g !== undefined));
  const placed = groups.map((group) => ({ ...group, notes: [...group.notes] }));
  const allSections = [...sections];
  placed.forEach((group, index) => {
    if (owned.has(index)) return;
    const into = mergedInto.get(index);
    const target = into !== undefined && owned.has(into) ? placed[into]! : undefined;
    if (target) {
      const lines = group.title !== target.title ? [boldLine(group.title), '', ...group.notes] : group.notes;
      target.notes.push('', ...lines.filter((l) => l.trim() === '' || !target.notes.includes(l)));
    } else {
      allSections.push({ title: group.title, lines: group.notes, line: group.line });
    }
  });
  allSections.sort((a, b) => a.line - b.line);
  return { groups: placed, sections: allSections };
}
