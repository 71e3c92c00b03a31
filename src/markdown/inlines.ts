// The inline half of the quick reader: text, code spans, `**strong**` and `*emphasis*`, `[links](url)`,
// hard breaks and the plainest HTML tags, paired as CommonMark pairs them.
import type { PhrasingContent } from 'mdast';
import { unsure } from './unsure.js';

function mergeText(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    const previous = out[out.length - 1];
    if (node.type === 'text' && previous?.type === 'text') previous.value += node.value;
    else if (node.type !== 'text' || node.value !== '') out.push(node);
  }
  return out;
}

const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/u;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const SPECIAL = /[\\`<[*_\n]/g;
const ENTITY = /&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/;
// Inline HTML of the plainest kind (`Span<T>`, `</b>`); attributes, comments and autolinks are remark's.
const HTML_TAG = /^(?:<[A-Za-z][A-Za-z\d-]*\/?>|<\/[A-Za-z][A-Za-z\d-]*>)/;
// What remark keeps in a link destination as it is; anything else it would percent-encode.
const PLAIN_URL = /^[A-Za-z\d!#$&'()*+,\-./:;=?@_~%]+$/;

/** A run of `*` or `_`: emphasis to be, until the runs are paired. */
interface Delimiter {
  type: 'delimiter';
  char: '*' | '_';
  /** Characters of the run not yet used by a pairing. */
  count: number;
  open: boolean;
  close: boolean;
}

type Atom = PhrasingContent | Delimiter;

/** What surrounds a piece of inline text: line starts and ends count as spaces, a link's brackets as themselves. */
interface Edges {
  before: string;
  after: string;
}
const LINE: Edges = { before: ' ', after: ' ' };

// The characters either side of a run, as UTF-16 units: remark reads an emoji's halves as letters.
const before = (source: string, index: number, edges: Edges): string => source[index - 1] ?? edges.before;
const after = (source: string, index: number, edges: Edges): string => source[index] ?? edges.after;

/** Inline content of one block, as mdast phrasing nodes. */
export function inline(source: string, lazy = false, edges = LINE): PhrasingContent[] {
  if (ENTITY.test(source) || source.includes('![')) unsure('an entity or an image');
  const atoms: Atom[] = [];
  let text = '';
  const flush = () => {
    if (text) atoms.push({ type: 'text', value: text });
    text = '';
  };
  for (let i = 0; i < source.length; ) {
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[i + 1];
      if (next === '\n') {
        flush();
        atoms.push({ type: 'break' });
        i += 2;
        while (source[i] === ' ') i++;
      } else if (next !== undefined && ASCII_PUNCTUATION.test(next)) {
        text += next;
        i += 2;
      } else {
        text += ch;
        i++;
      }
      continue;
    }
    if (ch === '`') {
      const run = /^`+/.exec(source.slice(i))![0];
      const close = findCodeClose(source, i + run.length, run.length);
      if (close === -1) {
        text += run;
        i += run.length;
        continue;
      }
      const value = source.slice(i + run.length, close);
      if (lazy && value.includes('\n')) unsure('a code span across a lazy line');
      flush();
      atoms.push({ type: 'inlineCode', value: codeValue(value) });
      i = close + run.length;
      continue;
    }
    if (ch === '<') {
      const tag = HTML_TAG.exec(source.slice(i));
      if (tag) {
        flush();
        atoms.push({ type: 'html', value: tag[0] });
        i += tag[0].length;
        continue;
      }
      if (/^<[A-Za-z/!?]/.test(source.slice(i))) unsure('HTML or an autolink');
      text += ch;
      i++;
      continue;
    }
    if (ch === '[') {
      const link = readLink(source, i, lazy);
      if (link) {
        flush();
        atoms.push(link.node);
        i = link.end;
        continue;
      }
      text += ch;
      i++;
      continue;
    }
    if (ch === '*' || ch === '_') {
      const length = (ch === '*' ? /^\*+/ : /^_+/).exec(source.slice(i))![0].length;
      const previous = before(source, i, edges);
      const next = after(source, i + length, edges);
      const left = !WHITESPACE.test(next) && (!PUNCTUATION.test(next) || WHITESPACE.test(previous) || PUNCTUATION.test(previous));
      const right = !WHITESPACE.test(previous) && (!PUNCTUATION.test(previous) || WHITESPACE.test(next) || PUNCTUATION.test(next));
      flush();
      atoms.push({
        type: 'delimiter',
        char: ch,
        count: length,
        open: ch === '*' ? left : left && (!right || PUNCTUATION.test(previous)),
        close: ch === '*' ? right : right && (!left || PUNCTUATION.test(next)),
      });
      i += length;
      continue;
    }
    if (ch === '\n') {
      // A line break: trailing spaces go, and two or more of them make it a hard break.
      const trimmed = text.replace(/ +$/, '');
      const hard = text.length - trimmed.length >= 2;
      text = trimmed;
      if (hard) {
        flush();
        atoms.push({ type: 'break' });
      } else text += ch;
      i++;
      while (source[i] === ' ') i++; // the next line's indent
      continue;
    }
    // Plain text up to the next character that may mean something.
    SPECIAL.lastIndex = i + 1;
    const next = SPECIAL.exec(source)?.index ?? source.length;
    text += source.slice(i, next);
    i = next;
  }
  flush();
  return emphasis(atoms);
}

const asText = (atom: Atom): PhrasingContent => (atom.type === 'delimiter' ? { type: 'text', value: atom.char.repeat(atom.count) } : atom);

/** CommonMark's pairing of `*` and `_` runs into emphasis and strong, nearest opener first. */
function emphasis(atoms: Atom[]): PhrasingContent[] {
  for (let closer = 0; closer < atoms.length; closer++) {
    const close = atoms[closer]!;
    if (close.type !== 'delimiter' || !close.close) continue;
    let opener = closer - 1;
    for (; opener >= 0; opener--) {
      const open = atoms[opener]!;
      if (open.type !== 'delimiter' || open.char !== close.char || !open.open || open.count === 0) continue;
      // The rule of 3: a run that could both open and close pairs only when the lengths allow it
      // (counted on what is left of each run, as remark does).
      if ((open.close || close.open) && close.count % 3 !== 0 && (open.count + close.count) % 3 === 0) continue;
      break;
    }
    if (opener < 0) continue;
    const open = atoms[opener] as Delimiter;
    const used = open.count >= 2 && close.count >= 2 ? 2 : 1;
    const children = mergeText(atoms.slice(opener + 1, closer).map(asText));
    open.count -= used;
    close.count -= used;
    atoms.splice(opener + 1, closer - opener - 1, { type: used === 2 ? 'strong' : 'emphasis', children } as PhrasingContent);
    closer = opener + 2;
    if (open.count === 0) {
      atoms.splice(opener, 1);
      closer--;
    }
    // A closer with characters left tries again; else the next atom is looked at.
    closer -= close.count > 0 ? 1 : 0;
    if (close.count === 0) {
      atoms.splice(closer, 1);
      closer--;
    }
  }
  return mergeText(atoms.map(asText));
}

function findCodeClose(source: string, from: number, length: number): number {
  for (let i = source.indexOf('`', from); i !== -1; i = source.indexOf('`', i)) {
    const run = /^`+/.exec(source.slice(i))![0];
    if (run.length === length) return i;
    i += run.length;
  }
  return -1;
}

/** `source` without its code spans, as inline() would find them. */
function outsideCode(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    if (source[i] !== '`') {
      out += source[i];
      continue;
    }
    const run = /^`+/.exec(source.slice(i))![0];
    const end = findCodeClose(source, i + run.length, run.length);
    i = (end === -1 ? i : end) + run.length - 1;
  }
  return out;
}

/** A code span's text: one space (or line ending) of padding goes from each side; remark keeps line endings. */
function codeValue(raw: string): string {
  return /^[ \n][^]*[^ \n][^]*[ \n]$|^[ \n][^ \n][ \n]$/.test(raw) ? raw.slice(1, -1) : raw;
}

/** `[text](url)` at `start`, or undefined when the bracket is plain text there. */
function readLink(source: string, start: number, lazy: boolean): { node: PhrasingContent; end: number } | undefined {
  let depth = 0;
  let close = -1;
  for (let i = start; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') unsure('a backslash in brackets');
    if (ch === '`') {
      const run = /^`+/.exec(source.slice(i))![0];
      const end = findCodeClose(source, i + run.length, run.length);
      i = (end === -1 ? i : end) + run.length - 1;
      continue;
    }
    if (ch === '[') depth++;
    if (ch === ']' && --depth === 0) {
      close = i;
      break;
    }
  }
  if (close === -1) {
    if (depth > 1) unsure('brackets inside brackets');
    return undefined;
  }
  const label = source.slice(start + 1, close);
  if (source[close + 1] !== '(') {
    if (source[close + 1] === '[' || outsideCode(label).includes('[')) unsure('a reference link, or brackets inside brackets');
    return undefined;
  }
  if (/[[\]]|<[A-Za-z/]/.test(outsideCode(label))) unsure('brackets or HTML inside a link');
  // The destination: no spaces, balanced parentheses, nothing remark would re-encode, no title.
  let parens = 0;
  let end = close + 2;
  for (; end < source.length; end++) {
    const ch = source[end]!;
    if (ch === '(' && ++parens >= 32) unsure('parentheses nested 32 deep in a link destination');
    else if (ch === ')') {
      if (parens === 0) break;
      parens--;
    } else if (WHITESPACE.test(ch) || ch === '\\' || ch === '<') unsure('a link title, or a destination with spaces, escapes or brackets');
  }
  if (end >= source.length) unsure('an unclosed link destination');
  const url = source.slice(close + 2, end);
  if (url === '' || !PLAIN_URL.test(url) || /%(?![\da-fA-F]{2})/.test(url)) unsure('a link destination remark would encode');
  return { node: { type: 'link', url, title: null, children: label === '' ? [] : inline(label, lazy, { before: '[', after: ']' }) }, end: end + 1 };
}
