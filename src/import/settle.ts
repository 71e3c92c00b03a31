// The importer's fourth stage, day by day: what a day with no list under it schedules (its lines,
// its title, its notes) and which days are rest days.
import { append } from '../lists.js';
import type { DraftPlan, DraftSpan, Unsure } from './draft.js';
import { isRestTitle, plainText } from './lines.js';

export function settleDays(plan: DraftPlan): DraftPlan {
  const unsure = [...plan.unsure];
  const spans = plan.spans.map((span) => settleDay(span, unsure));
  return { ...plan, spans, unsure };
}

/** A day's tasks once it is read: its own text when it has no list, or a rest day. */
function settleDay(read: DraftSpan, unsure: Unsure[]): DraftSpan {
  const span: DraftSpan = { ...read, tasks: [...read.tasks], notes: [...read.notes] };
  const notes = span.prose.map((p) => ({ label: undefined, items: [p.text] }));
  if (span.tasks.length > 0) {
    append(span.notes, notes);
    return span;
  }
  if (isRestTitle(span.title) || isRestTitle(span.inline)) {
    span.kind = span.kind === 'week' ? 'week' : 'rest';
    append(span.notes, notes);
    if (span.kind === 'rest') return span;
  }
  if (span.prose.length > 0) {
    for (const p of span.prose) span.tasks.push({ text: p.text, details: [], section: undefined, line: p.line });
    unsure.push({ line: span.line, text: span.label, reason: `no list under it: its ${span.prose.length === 1 ? 'line was' : `${span.prose.length} lines were`} taken as tasks` });
    return span;
  }
  if (span.inline) {
    span.tasks.push({ text: span.inline, details: [], section: undefined, line: span.line });
    const title = shortTitle(plainText(span.inline));
    span.title = span.weekday ? `${span.weekday}: ${title}` : title;
    return span;
  }
  const noteItems = span.notes.flatMap((n) => n.items);
  if (noteItems.length > 0) {
    append(span.tasks, noteItems.map((text) => ({ text, details: [], section: undefined, line: span.line })));
    span.notes = [];
    unsure.push({ line: span.line, text: span.label, reason: 'only notes under it: they were taken as tasks' });
    return span;
  }
  span.kind = span.kind === 'week' ? 'week' : 'rest';
  if (span.kind === 'week') span.tasks.push({ text: span.title || span.label, details: [], section: undefined, line: span.line });
  unsure.push({ line: span.line, text: span.label, reason: span.kind === 'rest' ? 'nothing under it: made a rest day' : 'nothing under it: its title was taken as its task' });
  return span;
}

/** A long inline text cut to a title: before its first parenthesis or sentence end, else at a word. */
export function shortTitle(text: string, max = 60): string {
  if (text.length <= max) return text;
  const cut = text.search(/\s\(|[.;:]\s/);
  if (cut > 0 && cut <= max) return text.slice(0, cut);
  const words = text.slice(0, max).replace(/\s+\S*$/, '');
  return `${words}…`;
}
