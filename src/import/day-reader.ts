// What is under one day while the scan reads it: tasks and their details, Morning/Evening sections,
// labelled notes, deliverables, prose. The reading state lives here, in the day being read.
import { cleanLine, DELIVERABLE_LABEL } from '../curriculum/text.js';
import type { DraftSpan, DraftTask, NoteBlock } from './draft.js';
import { isChecklistTitle, isNoteLabel, isTimeBlock, plainText, splitLabel, type Entry, type Line } from './lines.js';

/** A day (or range, or week) being read, and where in it the reading is. */
export interface OpenDay {
  span: DraftSpan;
  /** What opened it: a span opened by a list item or a plain line ends where its indentation does. */
  opener: 'heading' | 'item' | 'text' | 'table';
  level: number;
  indent: number;
  /** The indentation of its first line of content. */
  contentIndent: number | undefined;
  section: string | undefined;
  noteBlock: NoteBlock | undefined;
  taskIndent: number | undefined;
  current: DraftTask | undefined;
}

export function openDay(span: DraftSpan, opener: OpenDay['opener'], level: number, indent: number): OpenDay {
  return { span, opener, level, indent, contentIndent: undefined, section: undefined, noteBlock: undefined, taskIndent: undefined, current: undefined };
}

/** The Markdown after `**Day 3:**` in an item or line, emphasis of the label removed. */
export function inlineRest(text: string, entry: Entry): string {
  const stripped = text.replace(/^(\*\*|__)(.*?)\1\s*:?\s*/, (_m, _b, inner: string) => `${inner} `).trim();
  const at = stripped.search(/[:\u2014\u2013-]\s|\)\s*[:.\u2014\u2013-]\s*|:$/);
  if (at < 0) return cleanLine(entry.rest);
  const after = stripped.slice(at).replace(/^\)?\s*[:.\u2014\u2013-]\s*/, '');
  return plainText(after) === plainText(entry.rest) ? cleanLine(after) : cleanLine(entry.rest);
}

/** A label or sub-heading in a day: a section for the tasks below it, or a run of notes (Tips, Resources). */
export function dayLabel(day: OpenDay, label: string): void {
  day.current = undefined;
  day.taskIndent = undefined;
  keepUnusedSection(day);
  if (isNoteLabel(label)) {
    day.noteBlock = { label, items: [] };
    day.span.notes.push(day.noteBlock);
    return;
  }
  day.noteBlock = undefined;
  day.section = label;
}

/** A label no task came under (`**Full Day (8 hours)**:` before `**Morning**`) stays, as a note. */
function keepUnusedSection(day: OpenDay): void {
  if (day.section !== undefined && !day.span.tasks.some((t) => t.section === day.section)) day.span.notes.push({ label: undefined, items: [`${day.section}.`] });
  day.section = undefined;
}

/** Once the scan is over: a last label with no task under it is kept. */
export function closeDay(day: OpenDay): void {
  keepUnusedSection(day);
}

/** Reads one line of the day; 'checklist' when the line opens the final checklist instead (the day ends there). */
export function readDayLine(day: OpenDay, line: Line, entry: Entry | undefined, markdown: boolean): 'checklist' | undefined {
  const span = day.span;
  day.contentIndent ??= line.indent;
  const text = cleanLine(line.text);
  if (entry) {
    // Inside a range, `Day 30: …` is due on that day only.
    addTask(day, line, inlineRest(line.text, entry) || `Day ${entry.from}`, entry.from);
    return;
  }
  if (day.current && day.taskIndent !== undefined && line.indent > day.taskIndent) {
    day.current.details.push(text);
    return;
  }
  if (day.noteBlock && (day.taskIndent === undefined || line.indent >= day.taskIndent)) {
    day.noteBlock.items.push(text);
    return;
  }
  const label = splitLabel(text);
  if (label && label.rest === '' && (line.kind === 'text' || label.form === 'bold') && (line.kind === 'text' || isTimeBlock(label.label) || isNoteLabel(label.label) || /:\**$/.test(text))) {
    if (isChecklistTitle(label.label, true)) return 'checklist';
    dayLabel(day, label.label);
    return;
  }
  if (label && line.kind === 'text' && label.form === 'time' && label.rest === '') {
    dayLabel(day, label.label);
    return;
  }
  if (label && label.rest !== '' && DELIVERABLE_LABEL.test(label.label)) {
    span.deliverables.push(label.rest);
    return;
  }
  // `**Tip:** …`, `- Topics: …` or a paragraph `Note: …` is reading matter; a list item `- Note: …` is an instruction.
  if (label && label.rest !== '' && isNoteLabel(label.label) && (label.form === 'bold' || line.kind === 'text' || !/^notes?$/i.test(label.label))) {
    span.notes.push({ label: undefined, items: [text] });
    return;
  }
  if (label && label.rest !== '' && label.form !== 'time' && isTimeBlock(label.label)) {
    if (day.section !== label.label) keepUnusedSection(day);
    day.section = label.label;
    day.noteBlock = undefined;
    addTask(day, line, label.rest);
    return;
  }
  if (line.kind === 'item' || !markdown || line.indent >= 4) {
    addTask(day, line, text);
    return;
  }
  span.prose.push({ text, line: line.no });
  return undefined;
}

function addTask(day: OpenDay, line: Line, text: string, onlyDay?: number): void {
  const task: DraftTask = { text, details: [], section: day.section, line: line.no };
  if (onlyDay !== undefined) task.onlyDay = onlyDay;
  day.span.tasks.push(task);
  day.current = task;
  day.taskIndent = line.indent;
  day.noteBlock = undefined;
}
