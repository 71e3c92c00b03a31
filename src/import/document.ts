// The importer's first stage: the source as classified lines, with what the later stages ask of
// them at every line (is this a day, do days follow, is this line a heading in disguise).
import { classifyLines, isBoldOnly, isChecklistTitle, isGroupWord, matchEntry, plainText, type Entry, type Line } from './lines.js';
import { cells, dayColumn } from './tables.js';

export interface Document {
  lines: Line[];
  /** What each line names (a day, a range, a week, a weekday), read once: the scan asks again and again. */
  entries: (Entry | undefined)[];
  /** Markdown, or plain text whose indentation nests (three list items, bold or a link say Markdown). */
  markdown: boolean;
  /** The indentation step, for turning plain-text indentation into nesting. */
  unit: number;
  /** Rows of tables with a Day column (header and rule excluded). */
  dayTableRows: Set<number>;
  /** For each line, the index of the first day entry at or after it (Infinity when none). */
  nextEntry: number[];
  /** For each line, the index of the next non-blank line after it (lines.length when none). */
  nextContent: number[];
  /** The first heading when it is shallower than every other: the plan's title. */
  titleIndex: number | undefined;
}

export function readDocument(text: string): Document {
  const lines = classifyLines(text);
  const items = lines.filter((l) => l.kind === 'item').length;
  const markdown = items >= 3 || /\*\*|__|\]\(/.test(text) || lines.filter((l) => l.kind === 'heading').length >= 2;
  const indents = lines.filter((l) => l.kind !== 'blank' && l.indent > 0).map((l) => l.indent);
  const unit = Math.max(2, Math.min(4, ...indents));
  const dayTableRows = findDayTableRows(lines);
  const nextContent = new Array<number>(lines.length).fill(lines.length);
  for (let i = lines.length - 2; i >= 0; i--) nextContent[i] = lines[i + 1]!.kind === 'blank' ? nextContent[i + 1]! : i + 1;
  const entries = lines.map((l) => (l.kind === 'blank' || l.kind === 'rule' ? undefined : matchEntry(l.text)));
  const doc: Document = { lines, entries, markdown, unit, dayTableRows, nextEntry: [], nextContent, titleIndex: titleIndex(lines) };
  doc.nextEntry = new Array<number>(lines.length + 1).fill(Infinity);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    const entry = isDayEntry(doc, i) || (line.kind === 'heading' && entries[i]?.kind === 'weekday');
    doc.nextEntry[i] = entry ? i : doc.nextEntry[i + 1]!;
  }
  return doc;
}

function findDayTableRows(lines: Line[]): Set<number> {
  const rows = new Set<number>();
  for (let i = 0; i + 2 < lines.length; i++) {
    const [head, rule] = [lines[i]!, lines[i + 1]!];
    if (head.kind !== 'table' || rule.kind !== 'table' || (i > 0 && lines[i - 1]!.kind === 'table')) continue;
    if (!/^\s*\|?[\s:|-]+\|?\s*$/.test(rule.raw) || dayColumn(cells(head.raw)) < 0) continue;
    for (let j = i + 2; j < lines.length && lines[j]!.kind === 'table'; j++) rows.add(j);
  }
  return rows;
}

function titleIndex(lines: Line[]): number | undefined {
  const first = lines.findIndex((l) => l.kind === 'heading');
  if (first < 0) return undefined;
  const level = lines[first]!.level;
  return lines.slice(first + 1).every((l) => l.kind !== 'heading' || l.level > level) ? first : undefined;
}

/** Whether the line names a day, a range or a weekday (a week is a group or a span of its own). */
export function isDayEntry(doc: Document, index: number): boolean {
  const line = doc.lines[index]!;
  if (line.kind === 'table') return doc.dayTableRows.has(index);
  if (line.kind !== 'heading' && line.kind !== 'item' && line.kind !== 'text') return false;
  const entry = doc.entries[index];
  return entry !== undefined && entry.kind !== 'week';
}

/** Whether a day entry comes before the section this heading or pseudo-heading opens ends. */
export function hasDaysAhead(doc: Document, index: number): boolean {
  const line = doc.lines[index]!;
  const next = doc.nextEntry[index + 1] ?? Infinity;
  if (next === Infinity) return false;
  for (let j = index + 1; j < next; j++) {
    const other = doc.lines[j]!;
    if (line.kind === 'heading') {
      if (other.kind === 'heading' && other.level <= line.level) return false;
    } else if (other.kind === 'heading' || (other.kind === 'text' && other.indent <= line.indent && (isBoldOnly(other.text) || doc.entries[j]?.kind === 'week'))) {
      return false;
    }
  }
  return true;
}

/** What a plain or bold line outside any day opens, if it reads as a heading. */
export function pseudoHeading(doc: Document, index: number): 'group' | 'checklist' | 'section' | undefined {
  const line = doc.lines[index]!;
  if (line.kind !== 'text') return undefined;
  const boldOnly = isBoldOnly(line.text);
  const plain = plainText(line.text);
  const next = doc.nextContent[index] ?? doc.lines.length;
  const nextLine = doc.lines[next];
  const headingLike =
    !doc.markdown && line.indent === 0 && plain.length <= 80 && !/[.,;:!?]$/.test(plain) && nextLine !== undefined && (nextLine.indent > line.indent || isDayEntry(doc, next));
  const labelLike = line.indent === 0 && line.text.endsWith(':') && plain.length <= 80;
  // `Final checklist` or `Before the interview` over a list, with no day after it: in Markdown too.
  const checklistLine = line.indent === 0 && plain.length <= 80 && !/[.,;!?]$/.test(plain) && nextLine?.kind === 'item' && doc.nextEntry[index] === Infinity && isChecklistTitle(line.text, true);
  if (!boldOnly && !headingLike && !labelLike && !checklistLine) return undefined;
  if (isChecklistTitle(line.text)) return 'checklist';
  if ((boldOnly || headingLike || isGroupWord(line.text)) && hasDaysAhead(doc, index)) return 'group';
  return 'section';
}
