// Freeform study plan (Markdown or plain text) → curriculum Markdown. Pure: text in, text out.
// A line scanner, not remark: plain-text plans nest tasks by indentation, which Markdown would read as code.
import { runs } from '../curriculum/validate.js';
import { cleanLine, cleanText, DELIVERABLE_LABEL, normalizeNewlines, repairMojibake, slugify } from '../curriculum/text.js';
import { UsageError } from '../errors.js';
import { MAX_DAYS, overLimit, PLAN_ID } from '../curriculum/limits.js';
import {
  classifyLines,
  isBoldOnly,
  isChecklistTitle,
  isGroupWord,
  isNoteLabel,
  isRestTitle,
  isTimeBlock,
  matchEntry,
  plainText,
  splitLabel,
  type Entry,
  type Line,
} from './lines.js';

export interface ImportOptions {
  id?: string;
  title?: string;
  /** The number the first day found becomes (default 1). */
  startDay?: number;
  /** The input's file name: the default id, and `source:` in the front matter. */
  sourceName?: string;
}

export interface Unsure {
  line: number;
  text: string;
  reason: string;
}

export interface ImportReport {
  id: string;
  title: string;
  days: number;
  tasks: number;
  checklist: number;
  /** Day numbers with nothing scheduled, listed as rest days in the front matter. */
  rest: number[];
  unsure: Unsure[];
}

export interface ImportResult {
  markdown: string;
  report: ImportReport;
}

export const LOOKED_FOR = '"Day N" headings or lines, "Days N-M" ranges, "Week N" sections with tasks, weekday names (Monday … Sunday), a table with a Day column';

interface Task {
  text: string;
  details: string[];
  section: string | undefined;
  onlyDay?: number;
  line: number;
}

interface Group {
  title: string;
  notes: string[];
  line: number;
  week: number | undefined;
  mergedInto?: Group;
}

interface NoteBlock {
  label: string | undefined;
  items: string[];
}

interface Span {
  kind: 'day' | 'range' | 'week' | 'rest';
  from: number;
  to: number;
  title: string;
  /** The text after `Day N:`: the title, or the task when nothing else is under it. */
  inline: string;
  group: Group | undefined;
  tasks: Task[];
  notes: NoteBlock[];
  /** Markdown paragraphs under the day: notes, unless the day has no list at all. */
  prose: { text: string; line: number }[];
  deliverables: string[];
  line: number;
  label: string;
  // Scanning state.
  opener: 'heading' | 'item' | 'text' | 'table';
  level: number;
  indent: number;
  contentIndent: number | undefined;
  section: string | undefined;
  noteBlock: NoteBlock | undefined;
  taskIndent: number | undefined;
  current: Task | undefined;
}

interface Section {
  title: string;
  lines: string[];
  line: number;
}

interface CheckItem {
  text: string;
  details: string[];
  line: number;
  section: number;
}

type Context =
  | { kind: 'intro' }
  | { kind: 'group'; group: Group; level: number }
  | { kind: 'span'; span: Span; parent: Exclude<Context, { kind: 'span' }> }
  | { kind: 'checklist'; level: number; index: number; baseIndent: number | undefined; current: CheckItem | undefined }
  | { kind: 'notes'; section: Section; level: number };

// Text that Markdown would read as the start of a block (a list, a heading, a quote) at the start of a line.
const BLOCK_START = /^(?:[-+*](?:\s|$)|#{1,6}(?:\s|$)|>|\d{1,9}[.)](?:\s|$)|\[[ xX]\]\s)/;

class Importer {
  readonly lines: Line[];
  readonly markdown: boolean;
  /** The indentation step of the document, for turning plain-text indentation into nesting. */
  readonly unit: number;
  /** For each line, the index of the first day entry at or after it. */
  readonly nextEntry: number[];
  /** For each line, the index of the next non-blank line after it (lines.length when none). */
  readonly nextContent: number[];
  readonly dayTables = new Set<number>();

  title: string | undefined;
  titleLine: string | undefined;
  intro: string[] = [];
  spans: Span[] = [];
  groups: Group[] = [];
  sections: Section[] = [];
  checklist: CheckItem[] = [];
  checklistProse: string[] = [];
  checklistTitles: string[] = [];
  unsure: Unsure[] = [];
  context: Context = { kind: 'intro' };
  group: { group: Group; level: number } | undefined;
  lastWeekday: number | undefined;
  autoWeek = 0;
  scheduleStarted = false;

  constructor(text: string) {
    this.lines = classifyLines(text);
    const items = this.lines.filter((l) => l.kind === 'item').length;
    this.markdown = items >= 3 || /\*\*|__|\]\(/.test(text) || this.lines.filter((l) => l.kind === 'heading').length >= 2;
    const indents = this.lines.filter((l) => l.kind !== 'blank' && l.indent > 0).map((l) => l.indent);
    this.unit = Math.max(2, Math.min(4, ...indents));
    this.findDayTables();
    this.nextContent = new Array<number>(this.lines.length).fill(this.lines.length);
    for (let i = this.lines.length - 2; i >= 0; i--) this.nextContent[i] = this.lines[i + 1]!.kind === 'blank' ? this.nextContent[i + 1]! : i + 1;
    this.nextEntry = new Array<number>(this.lines.length + 1).fill(Infinity);
    for (let i = this.lines.length - 1; i >= 0; i--) {
      const line = this.lines[i]!;
      const entry = this.isDayEntry(i) || (line.kind === 'heading' && matchEntry(line.text)?.kind === 'weekday');
      this.nextEntry[i] = entry ? i : this.nextEntry[i + 1]!;
    }
  }

  private isDayEntry(index: number): boolean {
    const line = this.lines[index]!;
    if (line.kind === 'table') return this.dayTables.has(index);
    if (line.kind !== 'heading' && line.kind !== 'item' && line.kind !== 'text') return false;
    const entry = matchEntry(line.text);
    return entry !== undefined && entry.kind !== 'week';
  }

  // ---- scanning ------------------------------------------------------------------------------

  run(): void {
    for (let i = 0; i < this.lines.length; i++) {
      const line = this.lines[i]!;
      if (line.kind === 'rule') continue; // decoration, not content
      if (line.kind === 'blank') {
        if (this.context.kind !== 'span') this.appendRaw(['']);
        continue;
      }
      if (line.kind === 'code' || line.kind === 'table') {
        i = this.block(i) - 1;
        continue;
      }
      this.closeSpanBefore(line, i);
      if (line.kind === 'heading') this.heading(line, i);
      else this.content(line, i);
    }
    this.closeSpan();
  }

  /** A fenced code block or a table: a day table schedules its rows; anything else is kept as a note. */
  private block(start: number): number {
    const kind = this.lines[start]!.kind;
    let end = start + 1;
    while (end < this.lines.length && this.lines[end]!.kind === kind) end++;
    const rows = this.lines.slice(start, end);
    if (kind === 'table' && this.dayTables.has(start + 2)) {
      this.closeSpan();
      this.table(rows);
      return end;
    }
    this.closeSpanBefore(rows[0]!, start);
    this.rawBlock(rows);
    return end;
  }

  private rawBlock(rows: Line[]): void {
    const text = rows.map((r) => r.raw).join('\n');
    const context = this.context;
    if (context.kind === 'span') context.span.notes.push({ label: undefined, items: [text] });
    else this.appendRaw(rows.map((r) => r.raw), true);
  }

  /** Ends a span opened by a list item or a plain line when this line is outside it. */
  private closeSpanBefore(line: Line, index: number): void {
    const context = this.context;
    if (context.kind !== 'span') return;
    const span = context.span;
    if (span.opener === 'heading') return;
    if (line.kind === 'heading') return this.closeSpan();
    if (span.opener === 'item' || span.opener === 'table') {
      if (line.indent <= span.indent) this.closeSpan();
      return;
    }
    if (line.indent < span.indent) return this.closeSpan();
    if (line.indent > span.indent) return;
    // A plain line at the day line's own indentation: the day's content, unless the content was indented
    // (then this line is past it) or the line is one that opens something else.
    if (span.contentIndent !== undefined && span.contentIndent > span.indent) return this.closeSpan();
    if (this.isDayEntry(index) || matchEntry(line.text)?.kind === 'week' || this.pseudoHeading(line, index) === 'group' || isChecklistTitle(line.text, true)) this.closeSpan();
  }

  private closeSpan(): void {
    const context = this.context;
    if (context.kind === 'span') this.context = context.parent;
  }

  /** The context a new span returns to when it ends. */
  private base(): Exclude<Context, { kind: 'span' }> {
    const context = this.context;
    if (context.kind === 'span') return context.parent;
    if (context.kind === 'checklist' || context.kind === 'notes') return this.group ? { kind: 'group', ...this.group } : { kind: 'intro' };
    return context;
  }

  private heading(line: Line, index: number): void {
    const entry = matchEntry(line.text);
    const context = this.context;
    const text = cleanLine(line.text);

    if (context.kind === 'span' && context.span.opener === 'heading') {
      if (!entry && line.level > context.span.level) {
        if (isChecklistTitle(line.text, true)) {
          this.closeSpan();
          this.openChecklist(line, line.level);
        } else {
          this.spanLabel(context.span, displayText(text));
        }
        return;
      }
      this.closeSpan();
    }
    const current = this.context;
    if (!entry && !isChecklistTitle(line.text)) {
      const daysAhead = this.hasDaysAhead(index);
      if ((current.kind === 'notes' || current.kind === 'checklist') && line.level > current.level && !daysAhead) {
        this.appendRaw([boldLine(text)], true);
        return;
      }
      // A sub-heading of a group: its notes, unless it is a week or phase of its own.
      if (current.kind === 'group' && line.level > current.level && (!daysAhead || !isGroupWord(line.text))) {
        current.group.notes.push(boldLine(text));
        return;
      }
    }
    if (this.group && line.level <= this.group.level) this.group = undefined;

    if (entry && entry.kind !== 'week') return this.openSpan(entry, line, 'heading');
    if (entry?.kind === 'week') {
      if (this.hasDaysAhead(index)) return this.openGroup(line, line.level, entry);
      return this.openSpan(entry, line, 'heading');
    }
    if (isChecklistTitle(line.text)) return this.openChecklist(line, line.level);
    if (this.title === undefined && !this.scheduleStarted && this.isTitleHeading(index)) {
      this.title = plainText(text);
      this.titleLine = text;
      this.context = { kind: 'intro' };
      return;
    }
    if (this.hasDaysAhead(index)) return this.openGroup(line, line.level, undefined);
    if (!this.scheduleStarted) {
      this.context = { kind: 'intro' };
      this.intro.push('', boldLine(text), '');
      return;
    }
    this.openNotes(displayText(text), line, line.level);
  }

  /** The first heading, shallower than every other: the plan's title. */
  private isTitleHeading(index: number): boolean {
    const line = this.lines[index]!;
    if (this.lines.slice(0, index).some((l) => l.kind === 'heading')) return false;
    return this.lines.slice(index + 1).every((l) => l.kind !== 'heading' || l.level > line.level);
  }

  /** Whether a day entry comes before the section this heading or pseudo-heading opens ends. */
  private hasDaysAhead(index: number): boolean {
    const line = this.lines[index]!;
    const next = this.nextEntry[index + 1] ?? Infinity;
    if (next === Infinity) return false;
    for (let j = index + 1; j < next; j++) {
      const other = this.lines[j]!;
      if (line.kind === 'heading') {
        if (other.kind === 'heading' && other.level <= line.level) return false;
      } else if (other.kind === 'heading' || (other.kind === 'text' && other.indent <= line.indent && (isBoldOnly(other.text) || matchEntry(other.text)?.kind === 'week'))) {
        return false;
      }
    }
    return true;
  }

  /** What a plain or bold line outside any day opens, if it reads as a heading. */
  private pseudoHeading(line: Line, index: number): 'group' | 'checklist' | 'section' | undefined {
    if (line.kind !== 'text') return undefined;
    const boldOnly = isBoldOnly(line.text);
    const plain = plainText(line.text);
    const next = this.nextContent[index] ?? this.lines.length;
    const nextLine = this.lines[next];
    const headingLike =
      !this.markdown && line.indent === 0 && plain.length <= 80 && !/[.,;:!?]$/.test(plain) && nextLine !== undefined && (nextLine.indent > line.indent || this.isDayEntry(next));
    const labelLike = line.indent === 0 && line.text.endsWith(':') && plain.length <= 80;
    if (!boldOnly && !headingLike && !labelLike) return undefined;
    if (isChecklistTitle(line.text)) return 'checklist';
    if ((boldOnly || headingLike || isGroupWord(line.text)) && this.hasDaysAhead(index)) return 'group';
    return 'section';
  }

  private content(line: Line, index: number): void {
    const entry = line.kind === 'item' || line.kind === 'text' ? matchEntry(line.text) : undefined;
    const context = this.context;
    if (entry) {
      if (context.kind === 'span' && context.span.kind === 'range' && entry.kind === 'day' && entry.from >= context.span.from && entry.from <= context.span.to) {
        return this.spanContent(context.span, line, entry);
      }
      if (entry.kind === 'week') {
        this.closeSpan();
        if (this.hasDaysAhead(index)) return this.openGroup(line, 7, entry);
        return this.openSpan(entry, line, line.kind === 'item' ? 'item' : 'text');
      }
      return this.openSpan(entry, line, line.kind === 'item' ? 'item' : 'text');
    }
    if (context.kind === 'span') return this.spanContent(context.span, line, undefined);

    const pseudo = this.pseudoHeading(line, index);
    const text = cleanLine(line.text).replace(/:$/, '');
    if (pseudo === 'checklist') return this.openChecklist(line, 7);
    if (pseudo === 'group') return this.openGroup(line, 7, undefined);
    if (pseudo === 'section' && this.scheduleStarted && context.kind !== 'checklist') return this.openNotes(displayText(text), line, 7);
    if (pseudo === 'section' && context.kind === 'checklist' && line.indent === 0 && (isBoldOnly(line.text) || !this.markdown)) return this.openNotes(displayText(text), line, 7);
    if (context.kind === 'checklist') return this.checklistContent(context, line);
    this.appendRaw([line.raw]);
  }

  /** Adds source lines (or, with `markdown`, lines already written as Markdown) to the intro, group or notes being read. */
  private appendRaw(raws: string[], markdown = false): void {
    const context = this.context;
    const lines = markdown ? raws : raws.map((raw) => (raw === '' ? '' : this.rawLine(raw)));
    if (context.kind === 'group') context.group.notes.push(...lines);
    else if (context.kind === 'notes') context.section.lines.push(...lines);
    else if (context.kind === 'checklist') this.checklistProse.push(...lines);
    else this.intro.push(...lines);
  }

  /** A source line as Markdown: Markdown stays as written; plain text nests by indentation. */
  private rawLine(raw: string): string {
    if (this.markdown) return raw;
    const indent = raw.length - raw.trimStart().length;
    const text = escapeInline(cleanLine(raw));
    const depth = Math.floor(indent / this.unit);
    return depth === 0 ? `\n${text}\n` : `${'  '.repeat(depth - 1)}- ${text}`;
  }

  private openGroup(line: Line, level: number, entry: Entry | undefined): void {
    this.closeSpan();
    const group: Group = { title: displayText(line.text), notes: [], line: line.no, week: entry?.kind === 'week' ? entry.to / 7 : undefined };
    this.groups.push(group);
    if (this.lastWeekday !== undefined && group.week === undefined) this.autoWeek++;
    this.lastWeekday = undefined;
    this.group = { group, level };
    this.context = { kind: 'group', group, level };
    this.scheduleStarted = true;
  }

  private openNotes(title: string, line: Line, level: number): void {
    const section: Section = { title, lines: [], line: line.no };
    this.sections.push(section);
    this.context = { kind: 'notes', section, level };
  }

  private openChecklist(line: Line, level: number): void {
    this.closeSpan();
    this.checklistTitles.push(displayText(line.text));
    this.context = { kind: 'checklist', level, index: this.checklistTitles.length - 1, baseIndent: undefined, current: undefined };
  }

  private openSpan(entry: Entry, line: Line, opener: Span['opener']): void {
    const parent = this.base();
    let { from, to } = entry;
    if (entry.kind === 'weekday') {
      const weekday = entry.weekday ?? 0;
      let week = this.group?.group.week;
      if (week === undefined) {
        if (this.lastWeekday !== undefined && weekday <= this.lastWeekday) this.autoWeek++;
        week = this.autoWeek + 1;
      }
      this.lastWeekday = weekday;
      from = to = 7 * (week - 1) + weekday + 1;
    }
    const kind = entry.kind === 'weekday' ? 'day' : entry.kind;
    const inline = opener === 'heading' ? cleanLine(entry.rest) : this.inlineRest(line.text, entry);
    const title = [plainText(entry.rest), entry.date ? `(${entry.date})` : ''].filter(Boolean).join(' ');
    const weekdayName = entry.kind === 'weekday' ? plainText(line.text).split(/[\s:(]/)[0]! : '';
    const span: Span = {
      kind,
      from,
      to,
      title: weekdayName ? [weekdayName, title].filter(Boolean).join(': ') : title,
      inline,
      group: this.group?.group,
      tasks: [],
      notes: [],
      prose: [],
      deliverables: [],
      line: line.no,
      label: cleanLine(plainText(line.text)),
      opener,
      level: opener === 'heading' ? line.level : 7,
      indent: line.indent,
      contentIndent: undefined,
      section: undefined,
      noteBlock: undefined,
      taskIndent: undefined,
      current: undefined,
    };
    this.spans.push(span);
    this.scheduleStarted = true;
    this.context = { kind: 'span', span, parent };
  }

  /** The Markdown after `**Day 3:**` in an item or line, emphasis of the label removed. */
  private inlineRest(text: string, entry: Entry): string {
    const stripped = text.replace(/^(\*\*|__)(.*?)\1\s*:?\s*/, (_m, _b, inner: string) => `${inner} `).trim();
    const at = stripped.search(/[:—–-]\s|\)\s*[:.—–-]\s*|:$/);
    if (at < 0) return cleanLine(entry.rest);
    const after = stripped.slice(at).replace(/^\)?\s*[:.—–-]\s*/, '');
    return plainText(after) === plainText(entry.rest) ? cleanLine(after) : cleanLine(entry.rest);
  }

  private spanLabel(span: Span, label: string): void {
    span.current = undefined;
    span.taskIndent = undefined;
    this.keepUnusedSection(span);
    if (isNoteLabel(label)) {
      span.noteBlock = { label, items: [] };
      span.notes.push(span.noteBlock);
      return;
    }
    span.noteBlock = undefined;
    span.section = label;
  }

  /** A label no task came under (`**Full Day (8 hours)**:` before `**Morning**`) stays, as a note. */
  private keepUnusedSection(span: Span): void {
    if (span.section !== undefined && !span.tasks.some((t) => t.section === span.section)) span.notes.push({ label: undefined, items: [`${span.section}.`] });
    span.section = undefined;
  }

  private spanContent(span: Span, line: Line, entry: Entry | undefined): void {
    span.contentIndent ??= line.indent;
    const text = cleanLine(line.text);
    if (entry) {
      // Inside a range, `Day 30: …` is due on that day only.
      this.addTask(span, line, this.inlineRest(line.text, entry) || `Day ${entry.from}`, entry.from);
      return;
    }
    if (span.current && span.taskIndent !== undefined && line.indent > span.taskIndent) {
      span.current.details.push(text);
      return;
    }
    if (span.noteBlock && (span.taskIndent === undefined || line.indent >= span.taskIndent)) {
      span.noteBlock.items.push(text);
      return;
    }
    const label = splitLabel(text);
    if (label && label.rest === '' && (line.kind === 'text' || label.form === 'bold') && (line.kind === 'text' || isTimeBlock(label.label) || isNoteLabel(label.label) || /:\**$/.test(text))) {
      if (isChecklistTitle(label.label, true)) {
        this.closeSpan();
        this.openChecklist(line, 7);
        return;
      }
      this.spanLabel(span, label.label);
      return;
    }
    if (label && line.kind === 'text' && label.form === 'time' && label.rest === '') {
      this.spanLabel(span, label.label);
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
      if (span.section !== label.label) this.keepUnusedSection(span);
      span.section = label.label;
      span.noteBlock = undefined;
      this.addTask(span, line, label.rest);
      return;
    }
    if (line.kind === 'item' || !this.markdown || line.indent >= 4) {
      this.addTask(span, line, text);
      return;
    }
    span.prose.push({ text, line: line.no });
  }

  private addTask(span: Span, line: Line, text: string, onlyDay?: number): void {
    const task: Task = { text, details: [], section: span.section, line: line.no };
    if (onlyDay !== undefined) task.onlyDay = onlyDay;
    span.tasks.push(task);
    span.current = task;
    span.taskIndent = line.indent;
    span.noteBlock = undefined;
  }

  private checklistContent(context: Extract<Context, { kind: 'checklist' }>, line: Line): void {
    const text = cleanLine(line.text);
    if (context.current && context.baseIndent !== undefined && line.indent > context.baseIndent) {
      context.current.details.push(text);
      return;
    }
    const isItem = line.kind === 'item' || line.checkbox || (!this.markdown && !text.endsWith(':'));
    if (!isItem) {
      this.checklistProse.push(this.markdown ? line.raw.trim() : escapeInline(text), '');
      return;
    }
    const item: CheckItem = { text, details: [], line: line.no, section: context.index };
    this.checklist.push(item);
    context.current = item;
    context.baseIndent = Math.min(line.indent, context.baseIndent ?? line.indent);
  }

  // ---- tables --------------------------------------------------------------------------------

  private findDayTables(): void {
    for (let i = 0; i + 2 < this.lines.length; i++) {
      const [head, rule] = [this.lines[i]!, this.lines[i + 1]!];
      if (head.kind !== 'table' || rule.kind !== 'table' || (i > 0 && this.lines[i - 1]!.kind === 'table')) continue;
      if (!/^\s*\|?[\s:|-]+\|?\s*$/.test(rule.raw) || dayColumn(cells(head.raw)) < 0) continue;
      for (let j = i + 2; j < this.lines.length && this.lines[j]!.kind === 'table'; j++) this.dayTables.add(j);
    }
  }

  private table(rows: Line[]): void {
    const header = cells(rows[0]!.raw).map((c) => plainText(c));
    const dayCol = dayColumn(header);
    const titleCol = header.findIndex((h, i) => i !== dayCol && /\b(?:topic|title|focus|theme|subject|module|area)s?\b/i.test(h));
    for (const row of rows.slice(2)) {
      const values = cells(row.raw);
      const dayCell = plainText(values[dayCol] ?? '');
      const entry = matchEntry(/^\d/.test(dayCell) ? `Day ${dayCell}` : dayCell);
      if (!entry || entry.kind === 'week') {
        this.unsure.push({ line: row.no, text: cleanLine(row.raw), reason: 'a table row without a day number: kept as a note' });
        const context = this.context;
        if (context.kind !== 'span') this.appendRaw([row.raw], true);
        continue;
      }
      this.openSpan({ ...entry, rest: titleCol >= 0 ? plainText(values[titleCol] ?? '') : '' }, { ...row, text: `Day ${entry.from}` }, 'table');
      const context = this.context;
      if (context.kind !== 'span') continue;
      const span = context.span;
      span.inline = '';
      values.forEach((value, col) => {
        if (col === dayCol || col === titleCol) return;
        for (const part of value.split(/<br\s*\/?>/i).map((p) => cleanLine(p)).filter(Boolean)) {
          const name = header[col] ?? '';
          const text = !name || /^(?:tasks?|activities|to-?dos?|what to do|plan|work)$/i.test(name) ? part : `${name}: ${part}`;
          span.tasks.push({ text, details: [], section: undefined, line: row.no });
        }
      });
      if (span.tasks.length === 0 && !span.title) span.title = values.map((v) => plainText(v)).filter((v, col) => col !== dayCol && v).join(' ');
      this.closeSpan();
    }
  }

  // ---- after the scan: a schedule that validates ---------------------------------------------

  finish(options: ImportOptions): ImportResult {
    for (const span of this.spans) this.settle(span);
    if (this.spans.length === 0) {
      throw new UsageError(`no schedule found in ${options.sourceName ?? 'the input'}: looked for ${LOOKED_FOR}`, 'Mark the plan\'s days, such as "Day 1: Topic" or "## Week 1", and import it again.');
    }
    const startDay = options.startDay ?? 1;
    const first = this.spans.reduce((min, s) => Math.min(min, s.from), Infinity); // no spread: 100 000+ spans overflow it
    const offset = startDay - first;
    if (offset % 7 !== 0 && this.spans.some((s) => s.kind === 'week')) {
      throw new UsageError(`--start-day ${startDay} would split the plan's weeks`, `A plan with week-level tasks starts on day 1, 8, 15…: use one of those, or leave --start-day out.`);
    }
    for (const span of this.spans) {
      span.from += offset;
      span.to += offset;
      for (const task of span.tasks) if (task.onlyDay !== undefined) task.onlyDay += offset;
    }
    const spans = this.resolveOverlaps();
    const days = spans.reduce((max, s) => Math.max(max, s.to), 0);
    if (days > MAX_DAYS) {
      throw new UsageError(`${options.sourceName ?? 'the input'} schedules ${days} days; a plan may have at most ${MAX_DAYS} (ten years)`, 'Split it into several plans, or check that its weekday or day headings are what you meant.');
    }
    const owned = new Set<number>();
    for (const span of spans) for (let d = span.from; d <= span.to; d++) owned.add(d);
    const rest: number[] = [];
    for (let d = 1; d <= days; d++) if (!owned.has(d)) rest.push(d);
    for (const run of runs(rest.filter((d) => d >= startDay))) {
      const next = spans.find((s) => s.from > run.to);
      const label = run.from === run.to ? `day ${run.from} is` : `days ${run.from}-${run.to} are`;
      this.unsure.push({ line: next?.line ?? 1, text: next?.label ?? '', reason: `${label} not in the plan: listed as rest days` });
    }

    const id = options.id ?? (slugify(stripExtension(options.sourceName ?? '')) || slugify(this.title ?? '') || 'imported-plan');
    const title = cleanLine(options.title ?? this.title ?? this.firstLineTitle() ?? id);
    if (options.title !== undefined && this.titleLine) this.intro.unshift(boldLine(this.titleLine), '');
    const checklist = this.mergedChecklist();
    const markdown = this.emit({ id, title, days, rest, spans, checklist, sourceName: options.sourceName });
    const excess = overLimit(markdown);
    if (excess) throw new UsageError(`${options.sourceName ?? 'the input'} would make a plan with ${excess.message.replace(/:.*/, '')}`, 'Split it into several plans, or check that its lists are tasks and not notes.');
    const tasks = spans.reduce((n, s) => n + s.tasks.length, 0);
    this.unsure.sort((a, b) => a.line - b.line);
    return { markdown, report: { id, title, days, tasks, checklist: checklist.length, rest, unsure: this.unsure } };
  }

  /** Plain text with no heading: its first short line names it (and leaves the intro). */
  private firstLineTitle(): string | undefined {
    const first = this.intro.findIndex((l) => l.trim() !== '');
    const line = first >= 0 ? plainText(this.intro[first]!) : '';
    if (!line || line.length > 100) return undefined;
    this.intro.splice(first, 1);
    return line;
  }

  /** A day's tasks once it is read: its own text when it has no list, or a rest day. */
  private settle(span: Span): void {
    this.keepUnusedSection(span);
    const notes = span.prose.map((p) => ({ label: undefined, items: [p.text] }));
    if (span.tasks.length > 0) {
      span.notes.push(...notes);
      return;
    }
    if (isRestTitle(span.title) || isRestTitle(span.inline)) {
      span.kind = span.kind === 'week' ? 'week' : 'rest';
      span.notes.push(...notes);
      if (span.kind === 'rest') return;
    }
    if (span.prose.length > 0) {
      for (const p of span.prose) span.tasks.push({ text: p.text, details: [], section: undefined, line: p.line });
      this.unsure.push({ line: span.line, text: span.label, reason: `no list under it: its ${span.prose.length === 1 ? 'line was' : `${span.prose.length} lines were`} taken as tasks` });
      return;
    }
    if (span.inline) {
      span.tasks.push({ text: span.inline, details: [], section: undefined, line: span.line });
      span.title = shortTitle(plainText(span.inline));
      return;
    }
    const noteItems = span.notes.flatMap((n) => n.items);
    if (noteItems.length > 0) {
      span.tasks.push(...noteItems.map((text) => ({ text, details: [], section: undefined, line: span.line })));
      span.notes = [];
      this.unsure.push({ line: span.line, text: span.label, reason: 'only notes under it: they were taken as tasks' });
      return;
    }
    span.kind = span.kind === 'week' ? 'week' : 'rest';
    if (span.kind === 'week') span.tasks.push({ text: span.title || span.label, details: [], section: undefined, line: span.line });
    this.unsure.push({ line: span.line, text: span.label, reason: span.kind === 'rest' ? 'nothing under it: made a rest day' : 'nothing under it: its title was taken as its task' });
  }

  /** Each day scheduled once: a repeat of a span merges into the first (a second copy of the plan). */
  private resolveOverlaps(): Span[] {
    const sorted = [...this.spans].sort((a, b) => a.from - b.from);
    const owner = new Map<number, Span>();
    const kept: Span[] = [];
    const repeats: Span[] = [];
    for (const span of sorted) {
      const clash = [...range(span.from, span.to)].map((d) => owner.get(d)).find((s) => s !== undefined);
      if (!clash) {
        kept.push(span);
        for (const d of range(span.from, span.to)) owner.set(d, span);
        continue;
      }
      if (clash.from === span.from && clash.to === span.to && (clash.kind === span.kind || span.kind === 'rest' || clash.kind === 'rest')) {
        this.merge(clash, span);
        repeats.push(span);
        if (repeats.length === 1) this.unsure.push({ line: span.line, text: span.label, reason: `${spanName(span)} again (first on line ${clash.line}): merged into it` });
        continue;
      }
      clash.notes.push({ label: undefined, items: [`${span.label}`, ...span.tasks.map((t) => t.text), ...span.notes.flatMap((n) => n.items)] });
      this.unsure.push({ line: span.line, text: span.label, reason: `overlaps ${spanName(clash)} (line ${clash.line}): kept in its details` });
    }
    if (repeats.length > 1) {
      // Many repeats are one fact, a second copy of the schedule: one report line, not one per day.
      const first = repeats.reduce((a, b) => (a.line < b.line ? a : b));
      const last = repeats.reduce((a, b) => (a.line > b.line ? a : b));
      const entry = this.unsure.find((u) => u.line === repeats[0]!.line && u.text === repeats[0]!.label);
      if (entry) Object.assign(entry, { line: first.line, text: first.label, reason: `a second copy of the schedule: ${repeats.length} days or ranges on lines ${first.line}-${last.line} repeat earlier ones and were merged into them` });
    }
    return kept;
  }

  private merge(into: Span, from: Span): void {
    if (into.kind === 'rest' && from.kind !== 'rest') {
      into.kind = from.kind;
      into.title = from.title;
    }
    const seen = new Set(into.tasks.map((t) => `${t.onlyDay ?? ''}|${plainText(t.text)}`));
    for (const task of from.tasks) {
      const key = `${task.onlyDay ?? ''}|${plainText(task.text)}`;
      if (!seen.has(key)) into.tasks.push(task);
      seen.add(key);
    }
    if (from.title && plainText(from.title) !== plainText(into.title) && from.kind !== 'rest') into.notes.push({ label: undefined, items: [from.title] });
    into.notes.push(...from.notes);
    into.deliverables.push(...from.deliverables.filter((d) => !into.deliverables.includes(d)));
    if (from.group && from.group !== into.group && into.group) from.group.mergedInto ??= into.group;
  }

  /** The checklists in order; a later checklist's item with the label of an earlier one joins it. */
  private mergedChecklist(): CheckItem[] {
    const out: CheckItem[] = [];
    const byLabel = new Map<string, CheckItem>();
    for (const item of this.checklist) {
      const label = /^(?:\*\*|__)([^*_]+?):?(?:\*\*|__)/.exec(item.text)?.[1]?.toLowerCase().trim();
      const earlier = label === undefined ? undefined : byLabel.get(label);
      if (earlier && earlier.section !== item.section) {
        if (plainText(earlier.text) !== plainText(item.text)) earlier.details.push(item.text, ...item.details);
        continue;
      }
      out.push(item);
      if (label !== undefined && !byLabel.has(label)) byLabel.set(label, item);
    }
    return out;
  }

  // ---- output --------------------------------------------------------------------------------

  private emit(plan: { id: string; title: string; days: number; rest: number[]; spans: Span[]; checklist: CheckItem[]; sourceName: string | undefined }): string {
    const out: string[] = ['---', `id: ${plan.id}`, `title: ${JSON.stringify(plan.title)}`, `days: ${plan.days}`];
    if (plan.rest.length > 0) out.push(`rest: [${plan.rest.join(', ')}]`);
    if (plan.sourceName) out.push(`source: ${JSON.stringify(plan.sourceName)}`);
    out.push('---');
    const intro = this.safeRaw(this.intro);
    if (intro) out.push(intro, '');

    const owned = new Set(plan.spans.map((s) => s.group).filter((g): g is Group => g !== undefined));
    for (const group of this.groups) {
      if (owned.has(group)) continue;
      const target = group.mergedInto && owned.has(group.mergedInto) ? group.mergedInto : undefined;
      if (target) {
        const lines = group.title !== target.title ? [boldLine(group.title), '', ...group.notes] : group.notes;
        target.notes.push('', ...lines.filter((l) => l.trim() === '' || !target.notes.includes(l)));
      } else {
        this.sections.push({ title: group.title, lines: group.notes, line: group.line });
      }
    }
    this.sections.sort((a, b) => a.line - b.line);

    let group: Group | undefined;
    for (const span of plan.spans) {
      if (span.group && span.group !== group) {
        group = span.group;
        out.push(`## ${headingText(group.title)}`, '');
        const notes = this.safeRaw(group.notes);
        if (notes) out.push(notes, '');
      }
      out.push(...this.emitSpan(span), '');
    }
    for (const section of this.sections) {
      const body = this.safeRaw(section.lines);
      const title = matchEntry(section.title) || /check\s?-?list/i.test(section.title) ? `Notes: ${section.title.replace(/check(\s?-?)list/gi, 'check$1 list')}` : section.title;
      out.push(`## ${headingText(title)}`, '');
      if (body) out.push(body, '');
    }
    if (plan.checklist.length > 0 || this.checklistProse.some((l) => l.trim())) {
      const named = this.checklistTitles.find((t) => !/check\s?-?list/i.test(t));
      out.push(`## Final Checklist${named && !this.checklistTitles.some((t) => /check\s?-?list/i.test(t)) ? `: ${headingText(named)}` : ''}`, '');
      const prose = this.safeRaw(this.checklistProse);
      if (prose) out.push(prose, '');
      for (const item of plan.checklist) {
        out.push(`- [ ] ${this.inline(item.text)}`);
        for (const detail of item.details) out.push(`  - ${this.inline(detail)}`);
      }
      out.push('');
    }
    return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
  }

  private emitSpan(span: Span): string[] {
    const name = span.kind === 'week' ? `Week ${span.to / 7}` : span.from === span.to ? `Day ${span.from}` : `Days ${span.from}-${span.to}`;
    let title = span.title;
    if (span.kind === 'rest' && !/\brest\b/i.test(title)) title = title ? `Rest (${title})` : 'Rest';
    const out = [`### ${name}${title ? `: ${headingText(title)}` : ''}`, ''];
    for (const note of span.notes) {
      const items = note.items.map((i) => this.noteText(i)).filter(Boolean);
      if (items.length === 0) continue;
      out.push(note.label ? `**${escapeInline(note.label)}:** ${items.join(' · ')}` : items.join('\n\n'), '');
    }
    let section: string | undefined;
    const ordered = [...span.tasks.filter((t) => t.section === undefined), ...span.tasks.filter((t) => t.section !== undefined)];
    for (const task of ordered) {
      if (task.section !== section && task.section !== undefined) {
        section = task.section;
        out.push('', `**${escapeInline(section)}**`, '');
      }
      const text = this.inline(task.text);
      out.push(`- ${task.onlyDay !== undefined ? `Day ${task.onlyDay}: ` : ''}${text || '(untitled)'}`);
      for (const detail of task.details) out.push(`  - ${this.inline(detail)}`);
    }
    for (const deliverable of span.deliverables) out.push('', `**Deliverable**: ${this.inline(deliverable)}`);
    return out;
  }

  /** One line of task, detail or checklist text, safe to put after `- `. */
  private inline(text: string): string {
    let out = this.markdown ? cleanLine(text) : escapeInline(cleanLine(text));
    // A backslash escapes punctuation only: `2024. x` needs it before the dot, `# x` before the mark.
    if (BLOCK_START.test(out)) out = /^\d/.test(out) ? out.replace(/^(\d+)([.)])/, '$1\\$2') : `\\${out}`;
    // `{#id}` at the end would pin the task's id (and two alike would clash): kept, as code.
    return out.replace(/\s*(\{#[a-z0-9][a-z0-9._-]*\})\s*$/, ' `$1`');
  }

  /** A note paragraph: never a bare bold label (that would be a section) nor a list. */
  private noteText(text: string): string {
    if (text.includes('\n')) return text.startsWith('```') || text.startsWith('~~~') ? text : text.split('\n').map((l) => this.inline(l)).join('  \n');
    const out = this.inline(text);
    return isBoldOnly(out) ? plainText(out) : out;
  }

  /** Kept source lines: headings become bold lines so that they schedule nothing. */
  private safeRaw(lines: string[]): string {
    return lines
      .map((line) => {
        const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
        return heading ? boldLine(heading[1] ?? '') : line;
      })
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  }
}

function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

function dayColumn(header: string[]): number {
  return header.findIndex((h) => /^(?:days?|date|#|day\s*(?:#|no\.?|number))$/i.test(plainText(h)));
}

function* range(from: number, to: number): Generator<number> {
  for (let d = from; d <= to; d++) yield d;
}

function spanName(span: Span): string {
  if (span.kind === 'week') return `Week ${span.to / 7}`;
  return span.from === span.to ? `Day ${span.from}` : `Days ${span.from}-${span.to}`;
}

function stripExtension(name: string): string {
  return name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
}

/** A long inline text cut to a title: before its first parenthesis or sentence end, else at a word. */
function shortTitle(text: string, max = 60): string {
  if (text.length <= max) return text;
  const cut = text.search(/\s\(|[.;:]\s/);
  if (cut > 0 && cut <= max) return text.slice(0, cut);
  const words = text.slice(0, max).replace(/\s+\S*$/, '');
  return `${words}…`;
}

/** Plain text made literal for Markdown. */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>&]/g, '\\$&');
}

/** A heading or label as shown: emphasis markers and a trailing colon removed, emoji kept. */
function displayText(text: string): string {
  return cleanLine(text.replace(/\*\*|__/g, '')).replace(/\s*:$/, '');
}

/** A heading kept as a bold line, so that it schedules nothing. */
function boldLine(text: string): string {
  return `**${cleanLine(text.replace(/\*\*|__/g, ''))}**`;
}

/** Heading text that ends as written (a trailing ` #` would be read as a closing sequence). */
function headingText(text: string): string {
  return cleanLine(text).replace(/\s(#+)$/, ' \\$1');
}

/** Reads a freeform plan and writes it as a curriculum; throws UsageError when it finds no schedule. */
export function importPlan(text: string, options: ImportOptions = {}): ImportResult {
  if (options.id !== undefined && !PLAN_ID.test(options.id)) {
    throw new UsageError(`--id "${options.id}" is not a plan id`, 'Use lowercase letters, digits and dashes, such as `my-plan`.');
  }
  if (options.startDay !== undefined && (!Number.isInteger(options.startDay) || options.startDay < 1)) {
    throw new UsageError(`--start-day must be a whole number from 1; got ${options.startDay}`, 'Leave it out to number the first day 1.');
  }
  // Cleaned after the repair, which reads the C1 characters a double decoding leaves; Markdown lines are kept as written.
  const importer = new Importer(cleanText(repairMojibake(normalizeNewlines(text))));
  importer.run();
  return importer.finish(options);
}
