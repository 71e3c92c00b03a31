// The importer's view of a study plan: classified lines, and the small grammars of its entries
// (`Day N`, `Week N`, weekdays), labels (`**Morning**:`, `Evening:`) and checklist headings.
// Pure string functions.
import { MAX_DAYS } from '../curriculum/limits.js';
import { cleanLine } from '../curriculum/text.js';

export type LineKind = 'blank' | 'heading' | 'item' | 'text' | 'rule' | 'table' | 'code';

export interface Line {
  /** 1-based line number in the input. */
  no: number;
  kind: LineKind;
  /** Leading white space in columns, a tab counting 4. */
  indent: number;
  raw: string;
  /** Heading text, item text (marker and checkbox removed) or the trimmed line. */
  text: string;
  /** Heading level (1-6); 0 for anything else. */
  level: number;
  checkbox: boolean;
}

const ATX = /^ {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$/;
const RULE = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const SETEXT = /^ {0,3}(=+|-+)\s*$/;
const ITEM = /^\s*(?:[-*+\u2022]|\d{1,3}[.)])\s+(.*)$/;
const FENCE = /^\s*(```|~~~)/;
const TABLE = /^\s*\|.*\|\s*$/;
const CHECKBOX = /^\[[ xX]\]\s+/;

function indentOf(raw: string): number {
  let columns = 0;
  for (const ch of raw) {
    if (ch === ' ') columns++;
    else if (ch === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}

/** Splits repaired text into classified lines; fenced code and setext headings are recognised. */
export function classifyLines(text: string): Line[] {
  const raws = text.split('\n');
  const lines: Line[] = [];
  let fence: string | undefined;
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i]!;
    const indent = indentOf(raw);
    const trimmed = raw.trim();
    // Each line built whole: spreading a base object into each of 100 000 lines costs a second.
    const line = (kind: LineKind, text = trimmed, level = 0, checkbox = false): Line => ({ no: i + 1, kind, indent, raw, text, level, checkbox });
    const fenceMark = FENCE.exec(raw)?.[1];
    if (fence !== undefined || fenceMark !== undefined) {
      if (fence === undefined) fence = fenceMark;
      else if (fenceMark === fence) fence = undefined;
      lines.push(line('code'));
      continue;
    }
    if (trimmed === '') {
      lines.push(line('blank'));
      continue;
    }
    const atx = ATX.exec(raw);
    if (atx) {
      lines.push(line('heading', (atx[2] ?? '').trim(), atx[1]!.length));
      continue;
    }
    // `Title` over `=====` or `-----`: a heading, as Markdown reads it.
    const next = raws[i + 1];
    const previousBlank = i === 0 || (raws[i - 1] ?? '').trim() === '';
    if (next !== undefined && SETEXT.exec(next) && !ITEM.test(raw) && !TABLE.test(raw) && indent < 4 && previousBlank) {
      lines.push(line('heading', trimmed, next.trim().startsWith('=') ? 1 : 2));
      lines.push({ no: i + 2, kind: 'rule', indent: indentOf(next), raw: next, text: next.trim(), level: 0, checkbox: false });
      i++;
      continue;
    }
    if (RULE.test(raw)) {
      lines.push(line('rule'));
      continue;
    }
    if (TABLE.test(raw)) {
      lines.push(line('table'));
      continue;
    }
    const item = ITEM.exec(raw);
    const body = item ? item[1]!.trim() : trimmed;
    const checkbox = CHECKBOX.test(body);
    lines.push(line(item ? 'item' : 'text', body.replace(CHECKBOX, ''), 0, checkbox));
  }
  return lines;
}

/** `**Days 1-7:** text` → `Days 1-7: text`: emphasis markers and leading emoji or symbols removed. */
export function plainText(text: string): string {
  return cleanLine(
    text
      .replace(/\*\*|__/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/^[^\p{L}\p{N}[(]+/u, ''),
  );
}

export interface Entry {
  kind: 'day' | 'range' | 'week' | 'weekday';
  from: number;
  to: number;
  /** 0 for Monday … 6 for Sunday. */
  weekday?: number;
  /** The parenthesis after the number, such as `Feb 2`. */
  date: string;
  /** The text after `:` or ` — `. */
  rest: string;
}

const AFTER = String.raw`\s*(?:\(([^)]*)\))?\s*(?:(?:[:.]|\s[-\u2013\u2014]|[-\u2013\u2014]\s)\s*(.*))?$`;
const DAY = new RegExp(String.raw`^days?\s+(\d{1,4})(?:\s*(?:-|\u2013|\u2014|to|through)\s*(?:days?\s+)?(\d{1,4}))?${AFTER}`, 'i');
// `Week 1-2` is a summary line of an overview, not a week: weeks have no ranges.
const WEEK = new RegExp(String.raw`^weeks?\s+(\d{1,3})${AFTER}`, 'i');
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const WEEKDAY = new RegExp(String.raw`^(${WEEKDAYS.join('|')})${AFTER}`, 'i');

/** A line that names a day, a range of days, a week or a weekday, or undefined. */
export function matchEntry(text: string): Entry | undefined {
  const plain = plainText(text);
  const day = DAY.exec(plain);
  if (day) {
    let from = Number(day[1]);
    let to = day[2] === undefined ? from : Number(day[2]);
    if (to < from) [from, to] = [to, from];
    if (to > MAX_DAYS) return undefined;
    return { kind: from === to ? 'day' : 'range', from, to, date: cleanLine(day[3] ?? ''), rest: cleanLine(day[4] ?? '') };
  }
  const week = WEEK.exec(plain);
  if (week) {
    const n = Number(week[1]);
    return { kind: 'week', from: 7 * (n - 1) + 1, to: 7 * n, date: cleanLine(week[2] ?? ''), rest: cleanLine(week[3] ?? '') };
  }
  const weekday = WEEKDAY.exec(plain);
  if (weekday) {
    return { kind: 'weekday', from: 0, to: 0, weekday: WEEKDAYS.indexOf(weekday[1]!.toLowerCase()), date: cleanLine(weekday[2] ?? ''), rest: cleanLine(weekday[3] ?? '') };
  }
  return undefined;
}

export interface Label {
  label: string;
  rest: string;
  /** `bold`: `**Label**: …`; `time`: `5:00–7:00: …`; `word`: `Morning: …` or `Label:` alone. */
  form: 'bold' | 'time' | 'word';
}

const TIME_RANGE = String.raw`\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*[-\u2013\u2014]\s*\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?`;
const TIME_LABEL = new RegExp(String.raw`^(${TIME_RANGE})\s*:?\s*(.*)$`, 'i');
const TIME_ONLY = new RegExp(String.raw`^${TIME_RANGE}$`, 'i');
const BOLD_LABEL = /^(?:\*\*|__)(.+?)(?:\*\*|__)\s*(?::\s*)?(.*)$/;
const WORD_LABEL = /^(\p{L}[^:()]{0,40}?(?:\s*\([^)]*\))?)\s*:\s+(\S.*)$/u;

/** `**Morning (2 hours)**: text`, `Evening:`, `5:00–7:00: text` → label and rest; else undefined. */
export function splitLabel(text: string): Label | undefined {
  const bold = BOLD_LABEL.exec(text);
  if (bold) return { label: bold[1]!.trim().replace(/:$/, '').trim(), rest: bold[2]!.trim(), form: 'bold' };
  const time = TIME_LABEL.exec(text);
  if (time) return { label: time[1]!.trim(), rest: time[2]!.trim(), form: 'time' };
  if (text.endsWith(':') && text.length <= 80) return { label: text.slice(0, -1).trim(), rest: '', form: 'word' };
  const word = WORD_LABEL.exec(text);
  if (word) return { label: word[1]!.trim(), rest: word[2]!.trim(), form: 'word' };
  return undefined;
}

const bare = (label: string) => label.replace(/^[^\p{L}\p{N}]+/u, '').replace(/:$/, '').trim();

/** Morning, Afternoon, Evening, Full Day…, or a clock range such as 5:00–7:00. */
export function isTimeBlock(label: string): boolean {
  const text = bare(label);
  return /^(?:early\s+|late\s+|mid-?)?(?:morning|afternoon|evening|night|noon|midday|lunch(?:time)?|full day|half day|light day|weekend)\b/i.test(text) || TIME_ONLY.test(text);
}

/** Labels whose items are reading matter, not tasks: tips, notes, resources, topics, goals. */
export function isNoteLabel(label: string): boolean {
  return /^(?:tips?|notes?|resources?|references?|(?:further |recommended )?reading|links?|key topics|topics(?: covered)?|goals?|objectives?|overview|summary|remember|why|milestones?)$/i.test(bare(label));
}

/** A heading or label that opens the final checklist. */
export function isChecklistTitle(text: string, strict = false): boolean {
  const plain = plainText(text);
  if (/\bcheck\s?-?list\b|\bbefore (?:the |your |an? )?interviews?\b/i.test(plain)) return true;
  return !strict && /\bfinal review\b|\bartifacts?\b|\bready for (?:the |your )?interviews?\b/i.test(plain);
}

/** Rest-day titles: the parser makes a day with no tasks a rest day only when "rest" is in its title. */
export function isRestTitle(title: string): boolean {
  return /\b(?:rest|off|break|free|recovery|relax(?:ation)?|no study)\b/i.test(title);
}

/** A line that could open a group of days: `Phase 2`, `Final days (…)`, `Month 3`. */
export function isGroupWord(text: string): boolean {
  return /^(?:phase|part|stage|month|module|unit|section|sprint|block|final|weeks?)\b/i.test(plainText(text));
}

export function isBoldOnly(text: string): boolean {
  const bold = BOLD_LABEL.exec(text);
  return bold !== null && bold[2] === '';
}
