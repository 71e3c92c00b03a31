// Text laid out for the terminal: widths as the terminal shows them (wide CJK characters and emoji
// count two, colour codes and OSC 8 links nothing), prose wrapped at word boundaries under a hanging
// indent, parts of a status line kept whole, URLs never split. Without a width (a pipe, a file)
// nothing wraps, so one item stays one line for grep.
import { cleanText } from '../curriculum/text.js';
import { carryStyles, OWN_ESCAPES } from './ansi.js';
import { stringWidth } from './measure.js';

// One column and one grapheme each in every terminal: text made only of these (prep's own, most
// plans') is measured by its length, without loading the library. tests/unit/layout.test.ts holds
// this to string-width.
const NARROW = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u25fc\u2714\u2716\u276f]*$/;
const OWN_ESCAPE = new RegExp(`^(?:${OWN_ESCAPES.source})$`);
const URL_LIKE = /[a-z][a-z0-9+.-]*:\/\/\S|^\W*www\.\S/i;
// Below this many columns for the text, continuation lines give up their indent.
const MIN_ROOM = 16;

/** Columns `text` takes on a terminal. */
export function displayWidth(text: string): number {
  const plain = text.includes('\u001b') ? text.replace(OWN_ESCAPES, '') : text;
  return NARROW.test(plain) ? plain.length : stringWidth(text);
}

let segmenter: Intl.Segmenter | undefined;

/** `text` as the pieces a line may break between: escape sequences (no width) and characters, each a grapheme. */
function pieces(text: string): { text: string; width: number }[] {
  const out: { text: string; width: number }[] = [];
  for (const part of text.split(new RegExp(`(${OWN_ESCAPES.source})`))) {
    if (OWN_ESCAPE.test(part)) out.push({ text: part, width: 0 });
    else if (NARROW.test(part)) for (const char of part) out.push({ text: char, width: 1 });
    // Graphemes need ICU's segmenter: started only for text that is not plain.
    else for (const { segment } of (segmenter ??= new Intl.Segmenter()).segment(part)) out.push({ text: segment, width: stringWidth(segment) });
  }
  return out;
}

/** The longest start of `text` at most `width` columns wide, and what is left. */
function cut(text: string, width: number): [head: string, rest: string] {
  let used = 0;
  let head = '';
  const all = pieces(text);
  let index = 0;
  for (; index < all.length; index++) {
    const piece = all[index]!;
    if (used + piece.width > width && used > 0) break;
    head += piece.text;
    used += piece.width;
  }
  return [head, all.slice(index).map((piece) => piece.text).join('')];
}

/** Cuts text to `width` columns with an ellipsis, at a character (grapheme) boundary. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  return `${width <= 1 ? '' : cut(text, width - 1)[0]}…`;
}

/** `text` padded with spaces to `width` columns (`padEnd` counts UTF-16 units, not columns). */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

export interface Hanging {
  /** Before the first line, such as `  3. ○ `. */
  prefix?: string;
  /** Before every further line; by default as many spaces as the prefix is wide, so text continues under text. */
  indent?: string;
}

/**
 * One paragraph as lines of at most `width` columns, broken between words. Only a word longer than
 * a line is split, and never a URL: one too long for a line stands whole on a line of its own.
 * Without a width, the one line as it is.
 */
export function wrapText(text: string, width: number | undefined, { prefix = '', indent }: Hanging = {}): string[] {
  const whole = prefix + text;
  if (width === undefined || displayWidth(whole) <= width) return [whole];
  let lead = indent ?? ' '.repeat(displayWidth(prefix));
  if (width - displayWidth(lead) < MIN_ROOM) lead = '';
  const room = Math.max(1, width - displayWidth(lead));
  const firstRoom = Math.max(1, width - displayWidth(prefix));
  const rows: string[] = [];
  let row = '';
  let used = 0;
  const limit = () => (rows.length === 0 ? firstRoom : room);
  const newRow = () => {
    rows.push(row);
    row = '';
    used = 0;
  };
  for (const word of text.split(' ')) {
    const wide = displayWidth(word);
    if (wide === 0) {
      row += word; // an escape sequence alone stays where it is; runs of spaces fold
      continue;
    }
    if (used > 0 && used + 1 + wide <= limit()) {
      row += ` ${word}`;
      used += 1 + wide;
      continue;
    }
    if (used > 0) newRow();
    let rest = word;
    // Only a word longer than a line is split, into pieces a line wide; a URL never is.
    while (displayWidth(rest) > limit() && !URL_LIKE.test(rest.replace(OWN_ESCAPES, ''))) {
      const [head, tail] = cut(rest, limit());
      row += head;
      newRow();
      rest = tail;
    }
    row += rest;
    used = displayWidth(rest);
  }
  rows.push(row);
  return carryStyles(rows).map((line, index) => (index === 0 ? prefix : lead) + line);
}

/** Tabs as the spaces to the terminal's next tab stop (every 8 columns). */
function expandTabs(line: string): string {
  return line.split('\t').reduce((out, part, index) => (index === 0 ? part : `${out}${' '.repeat(8 - (displayWidth(out) % 8))}${part}`), '');
}

/** Each line of `text` wrapped on its own, keeping its leading spaces as the indent. */
export function wrapLines(text: string, width: number | undefined): string[] {
  return text.split('\n').flatMap((line) => {
    const [, spaces = '', rest = ''] = /^( *)(.*)$/s.exec(width === undefined ? line : expandTabs(line)) ?? [];
    return wrapText(rest, width, { prefix: spaces });
  });
}

/** A short message of lines, each wrapped on its own, as the text to print (ending in a newline). */
export function message(lines: readonly string[], width: number | undefined): string {
  return `${lines.flatMap((line) => wrapLines(line, width)).join('\n')}\n`;
}

/**
 * Parts joined by `separator` (`streak 3 days · today 2/8 · plan 48/228`), broken only between
 * parts; the separator is left off at a break. A part wider than a line is wrapped on its own.
 */
export function joinParts(parts: readonly string[], separator: string, width: number | undefined, { prefix = '', indent }: Hanging = {}): string[] {
  if (width === undefined) return [prefix + parts.join(separator)];
  const lead = indent ?? ' '.repeat(displayWidth(prefix));
  const lines: string[] = [];
  let line: string | undefined;
  for (const part of parts) {
    if (line !== undefined && displayWidth(line + separator + part) <= width) {
      line += separator + part;
      continue;
    }
    if (line !== undefined) lines.push(line);
    const rows = wrapText(part, width, { prefix: line === undefined ? prefix : lead, indent: lead });
    lines.push(...rows.slice(0, -1));
    line = rows.at(-1);
  }
  if (line !== undefined) lines.push(line);
  return lines;
}

/**
 * A header of parts (`6-week · Week 2 · Days 8–14`): on a terminal broken between its parts; in a
 * pipe one line, cut to `columns` as a header is.
 */
export function headline(parts: readonly string[], separator: string, { wrapAt, columns }: { wrapAt?: number | undefined; columns: number }): string[] {
  return wrapAt === undefined ? [truncate(parts.join(separator), columns)] : joinParts(parts, separator, wrapAt);
}

/** A URL that can go inside an escape sequence: no control characters, nothing outside printable ASCII. */
export function safeUrl(url: string): string {
  const encoder = new TextEncoder();
  return cleanText(url).replace(/[^\u0021-\u007e]/gu, (char) => [...encoder.encode(char)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
}

/** `text` as an OSC 8 hyperlink to `url`: clickable where the terminal supports them. */
export function hyperlink(text: string, url: string): string {
  return `\u001b]8;;${safeUrl(url)}\u001b\\${text}\u001b]8;;\u001b\\`;
}
