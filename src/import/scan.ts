// The importer's second stage: one pass over the lines that finds the schedule (days, ranges,
// weeks, weekdays, day tables) and the groups, notes sections and checklists around it. Each line
// goes where the scan stands: the intro, a group, a day, a checklist or a notes section. The text
// it keeps is left as in the source for the next stage.
import { cleanLine } from '../curriculum/text.js';
import { append } from '../lists.js';
import { closeDay, dayLabel, inlineRest, openDay, readDayLine, type OpenDay } from './day-reader.js';
import { hasDaysAhead, isDayEntry, pseudoHeading, type Document } from './document.js';
import type { DraftGroup, DraftSection, DraftSpan, Kept, ScannedPlan, TitleHeading, Unsure } from './draft.js';
import { isBoldOnly, isChecklistTitle, isGroupWord, plainText, type Entry, type Line } from './lines.js';
import { readDayTable } from './tables.js';
import { boldLine, displayText } from './markup.js';

type Outside =
  | { kind: 'intro' }
  | { kind: 'group'; group: number; level: number }
  | { kind: 'checklist'; level: number; index: number }
  | { kind: 'notes'; section: DraftSection<Kept>; level: number };
type Context = Outside | { kind: 'span'; day: OpenDay; parent: Outside };

export function scanSchedule(doc: Document): ScannedPlan {
  return new Scan(doc).run();
}

/** The scan's state: where it stands, and what it has found so far. */
class Scan {
  private titleHeading: TitleHeading | undefined;
  private readonly intro: Kept[] = [];
  private readonly days: OpenDay[] = [];
  private readonly groups: DraftGroup<Kept>[] = [];
  private readonly sections: DraftSection<Kept>[] = [];
  private readonly checklists: ScannedPlan['checklists'] = [];
  private readonly unsure: Unsure[] = [];
  private context: Context = { kind: 'intro' };
  private group: { group: number; level: number } | undefined;
  private lastWeekday: number | undefined;
  private autoWeek = 0;
  private scheduleStarted = false;

  constructor(private readonly doc: Document) {}

  run(): ScannedPlan {
    const lines = this.doc.lines;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.kind === 'rule') continue; // decoration, not content
      if (line.kind === 'blank') {
        if (this.context.kind !== 'span') this.keep([{ raw: '' }]);
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
    for (const day of this.days) closeDay(day);
    const { doc, titleHeading, intro, groups, sections, checklists, unsure } = this;
    return { markdown: doc.markdown, unit: doc.unit, titleHeading, intro, groups, sections, spans: this.days.map((d) => d.span), checklists, unsure };
  }

  /** A fenced code block or a table: a day table schedules its rows; anything else is kept as a note. */
  private block(start: number): number {
    const lines = this.doc.lines;
    const kind = lines[start]!.kind;
    let end = start + 1;
    while (end < lines.length && lines[end]!.kind === kind) end++;
    const rows = lines.slice(start, end);
    if (kind === 'table' && this.doc.dayTableRows.has(start + 2)) {
      this.closeSpan();
      this.table(rows);
      return end;
    }
    this.closeSpanBefore(rows[0]!, start);
    const context = this.context;
    if (context.kind === 'span') context.day.span.notes.push({ label: undefined, items: [rows.map((r) => r.raw).join('\n')] });
    else this.keep(rows.map((r) => ({ markdown: r.raw })));
    return end;
  }

  /** Ends a span opened by a list item or a plain line when this line is outside it. */
  private closeSpanBefore(line: Line, index: number): void {
    const context = this.context;
    if (context.kind !== 'span') return;
    const day = context.day;
    if (day.opener === 'heading') return;
    if (line.kind === 'heading') return this.closeSpan();
    if (day.opener === 'item' || day.opener === 'table') {
      if (line.indent <= day.indent) this.closeSpan();
      return;
    }
    if (line.indent < day.indent) return this.closeSpan();
    if (line.indent > day.indent) return;
    // A plain line at the day line's own indentation: the day's content, unless the content was indented
    // (then this line is past it) or the line is one that opens something else.
    if (day.contentIndent !== undefined && day.contentIndent > day.indent) return this.closeSpan();
    if (isDayEntry(this.doc, index) || this.doc.entries[index]?.kind === 'week' || pseudoHeading(this.doc, index) === 'group' || isChecklistTitle(line.text, true)) this.closeSpan();
  }

  private closeSpan(): void {
    const context = this.context;
    if (context.kind === 'span') this.context = context.parent;
  }

  /** The context a new span returns to when it ends. */
  private base(): Outside {
    const context = this.context;
    if (context.kind === 'span') return context.parent;
    if (context.kind === 'checklist' || context.kind === 'notes') return this.group ? { kind: 'group', ...this.group } : { kind: 'intro' };
    return context;
  }

  private heading(line: Line, index: number): void {
    const entry = this.doc.entries[index];
    const context = this.context;
    const text = cleanLine(line.text);

    if (context.kind === 'span' && context.day.opener === 'heading') {
      if (!entry && line.level > context.day.level) {
        if (isChecklistTitle(line.text, true)) {
          this.closeSpan();
          this.openChecklist(line, line.level);
        } else {
          dayLabel(context.day, displayText(text));
        }
        return;
      }
      this.closeSpan();
    }
    const current = this.context;
    if (!entry && !isChecklistTitle(line.text)) {
      const daysAhead = hasDaysAhead(this.doc, index);
      if ((current.kind === 'notes' || current.kind === 'checklist') && line.level > current.level && !daysAhead) {
        this.keep([{ markdown: boldLine(text) }]);
        return;
      }
      // A sub-heading of a group: its notes, unless it is a week or phase of its own.
      if (current.kind === 'group' && line.level > current.level && (!daysAhead || !isGroupWord(line.text))) {
        this.groups[current.group]!.notes.push({ markdown: boldLine(text) });
        return;
      }
    }
    if (this.group && line.level <= this.group.level) this.group = undefined;

    if (entry && entry.kind !== 'week') return this.openSpan(entry, line, 'heading');
    if (entry?.kind === 'week') {
      if (hasDaysAhead(this.doc, index)) return this.openGroup(line, line.level, entry);
      return this.openSpan(entry, line, 'heading');
    }
    if (isChecklistTitle(line.text)) return this.openChecklist(line, line.level);
    if (this.titleHeading === undefined && !this.scheduleStarted && index === this.doc.titleIndex) {
      this.titleHeading = { plain: plainText(text), text };
      this.context = { kind: 'intro' };
      return;
    }
    if (hasDaysAhead(this.doc, index)) return this.openGroup(line, line.level, undefined);
    if (!this.scheduleStarted) {
      this.context = { kind: 'intro' };
      this.intro.push({ markdown: '' }, { markdown: boldLine(text) }, { markdown: '' });
      return;
    }
    this.openNotes(displayText(text), line, line.level);
  }

  private content(line: Line, index: number): void {
    const entry = line.kind === 'item' || line.kind === 'text' ? this.doc.entries[index] : undefined;
    const context = this.context;
    if (entry) {
      const span = context.kind === 'span' ? context.day.span : undefined;
      if (context.kind === 'span' && span?.kind === 'range' && entry.kind === 'day' && entry.from >= span.from && entry.from <= span.to) {
        readDayLine(context.day, line, entry, this.doc.markdown);
        return;
      }
      if (entry.kind === 'week') {
        this.closeSpan();
        if (hasDaysAhead(this.doc, index)) return this.openGroup(line, 7, entry);
      }
      return this.openSpan(entry, line, line.kind === 'item' ? 'item' : 'text');
    }
    if (context.kind === 'span') {
      if (readDayLine(context.day, line, undefined, this.doc.markdown) === 'checklist') {
        this.closeSpan();
        this.openChecklist(line, 7);
      }
      return;
    }

    const pseudo = pseudoHeading(this.doc, index);
    const text = cleanLine(line.text).replace(/:$/, '');
    if (pseudo === 'checklist') return this.openChecklist(line, 7);
    if (pseudo === 'group') return this.openGroup(line, 7, undefined);
    if (pseudo === 'section' && this.scheduleStarted && context.kind !== 'checklist') return this.openNotes(displayText(text), line, 7);
    if (pseudo === 'section' && context.kind === 'checklist' && line.indent === 0 && (isBoldOnly(line.text) || !this.doc.markdown)) return this.openNotes(displayText(text), line, 7);
    if (context.kind === 'checklist') {
      this.checklists[context.index]!.parts.push({ line });
      return;
    }
    this.keep([{ raw: line.raw }]);
  }

  /** Keeps text in the intro, group, checklist or notes being read. */
  private keep(kept: Kept[]): void {
    const context = this.context;
    if (context.kind === 'group') append(this.groups[context.group]!.notes, kept);
    else if (context.kind === 'notes') append(context.section.lines, kept);
    else if (context.kind === 'checklist') append(this.checklists[context.index]!.parts, kept);
    else append(this.intro, kept);
  }

  private openGroup(line: Line, level: number, entry: Entry | undefined): void {
    this.closeSpan();
    const group: DraftGroup<Kept> = { title: displayText(line.text), notes: [], line: line.no, week: entry?.kind === 'week' ? entry.to / 7 : undefined };
    this.groups.push(group);
    if (this.lastWeekday !== undefined && group.week === undefined) this.autoWeek++;
    this.lastWeekday = undefined;
    this.group = { group: this.groups.length - 1, level };
    this.context = { kind: 'group', ...this.group };
    this.scheduleStarted = true;
  }

  private openNotes(title: string, line: Line, level: number): void {
    const section: DraftSection<Kept> = { title, lines: [], line: line.no };
    this.sections.push(section);
    this.context = { kind: 'notes', section, level };
  }

  private openChecklist(line: Line, level: number): void {
    this.closeSpan();
    this.checklists.push({ title: displayText(line.text), parts: [] });
    this.context = { kind: 'checklist', level, index: this.checklists.length - 1 };
  }

  private openSpan(entry: Entry, line: Line, opener: OpenDay['opener']): void {
    const parent = this.base();
    let { from, to } = entry;
    if (entry.kind === 'weekday') {
      const weekday = entry.weekday ?? 0;
      let week = this.group === undefined ? undefined : this.groups[this.group.group]!.week;
      if (week === undefined) {
        if (this.lastWeekday !== undefined && weekday <= this.lastWeekday) this.autoWeek++;
        week = this.autoWeek + 1;
      }
      this.lastWeekday = weekday;
      from = to = 7 * (week - 1) + weekday + 1;
    }
    const title = [plainText(entry.rest), entry.date ? `(${entry.date})` : ''].filter(Boolean).join(' ');
    const weekday = entry.kind === 'weekday' ? plainText(line.text).split(/[\s:(]/)[0]! : '';
    const span: DraftSpan = {
      kind: entry.kind === 'weekday' ? 'day' : entry.kind,
      from,
      to,
      title: weekday ? [weekday, title].filter(Boolean).join(': ') : title,
      inline: opener === 'heading' ? cleanLine(entry.rest) : inlineRest(line.text, entry),
      weekday,
      group: this.group?.group,
      tasks: [],
      notes: [],
      prose: [],
      deliverables: [],
      line: line.no,
      label: cleanLine(plainText(line.text)),
    };
    const day = openDay(span, opener, opener === 'heading' ? line.level : 7, line.indent);
    this.days.push(day);
    this.scheduleStarted = true;
    this.context = { kind: 'span', day, parent };
  }

  private table(rows: Line[]): void {
    for (const { row, day } of readDayTable(rows)) {
      if (!day) {
        this.unsure.push({ line: row.no, text: cleanLine(row.raw), reason: 'a table row without a day number: kept as a note' });
        this.keep([{ markdown: row.raw }]);
        continue;
      }
      this.openSpan(day.entry, { ...row, text: `Day ${day.entry.from}` }, 'table');
      const span = this.days[this.days.length - 1]!.span;
      span.inline = '';
      append(span.tasks, day.tasks.map((text) => ({ text, details: [], section: undefined, line: row.no })));
      if (span.tasks.length === 0 && !span.title) span.title = day.summary;
      this.closeSpan();
    }
  }
}
