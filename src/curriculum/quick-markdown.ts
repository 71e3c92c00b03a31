// A quick reader for the Markdown that study plans are written in: ATX headings, paragraphs,
// nested lists, fenced code, thematic breaks; text, code spans, `**strong**`, `[links](url)`.
// It builds the same mdast as remark for that subset in a few milliseconds (remark takes ~100 ms
// for a 20 KB plan on a cold start) and returns undefined for anything it cannot vouch for, so the
// caller falls back to remark. tests/unit/quick-markdown.test.ts holds it to remark's trees.
import type { Code, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, ThematicBreak } from 'mdast';

/** Thrown inside the reader when the text leaves the subset; never escapes quickTree. */
class Unsure extends Error {}
const unsure = (reason: string): never => {
  throw new Unsure(reason);
};

interface Line {
  /** Offset of the line's first character in the text. */
  offset: number;
  /** The line without its newline. */
  text: string;
  number: number;
}

type Point = NonNullable<Root['position']>['end'];

/** An open list item: lines indented to `indent` or more belong to it. */
interface OpenItem {
  item: ListItem;
  list: List;
  indent: number;
  marker: string;
}

interface OpenParagraph {
  node: Paragraph;
  lines: string[];
  /** Has a lazy continuation line, whose indent remark counts its own way inside a code span. */
  lazy?: boolean;
}

interface OpenFence {
  node: Code;
  fence: string;
  /** Spaces before the opening fence, relative to its container: removed from each code line. */
  indent: number;
  lines: string[];
}

const BULLET = /^([-+*])( {1,4}|$)/;
const ORDERED = /^(\d{1,9})([.)])( {1,4}|$)/;
const FENCE = /^(`{3,}|~{3,})(.*)$/;
const THEMATIC = /^([-*_])(?: *\1){2,} *$/;
const ATX = /^(#{1,6})(?= |$)(.*)$/;

/** The tree, or undefined when the text leaves the subset (`onUnsure` hears why, for tests). */
export function quickTree(text: string, onUnsure?: (reason: string) => void): Root | undefined {
  try {
    // Tabs (column arithmetic) and NUL are left to remark.
    if (/[\t\0]/.test(text)) unsure('a tab or NUL');
    return new Reader(text).read();
  } catch (caught) {
    if (!(caught instanceof Unsure)) throw caught;
    onUnsure?.(caught.message);
    return undefined;
  }
}

/** Leading spaces: only U+0020 indents in Markdown. */
const spaces = (text: string): number => /^ */.exec(text)![0].length;

class Reader {
  private readonly root: Root = { type: 'root', children: [] };
  private readonly items: OpenItem[] = [];
  private paragraph: OpenParagraph | undefined;
  private fence: OpenFence | undefined;
  /** The list a further item at the same level joins, until something else comes between. */
  private readonly openLists = new Map<number, { list: List; marker: string }>();

  constructor(private readonly text: string) {}

  read(): Root {
    let line: Line = { offset: 0, text: '', number: 0 };
    for (const text of this.text.split('\n')) {
      line = { offset: line.number === 0 ? 0 : line.offset + line.text.length + 1, text, number: line.number + 1 };
      this.line(line);
    }
    if (this.fence) unsure('an unclosed fence');
    this.closeParagraph();
    this.closeItems(0);
    this.root.position = { start: { line: 1, column: 1, offset: 0 }, end: this.lineEnd(line) };
    return this.root;
  }

  private at(line: Line, column: number) {
    return { line: line.number, column: column + 1, offset: line.offset + column };
  }

  private lineEnd(line: Line) {
    return this.at(line, line.text.length);
  }

  /** Where new blocks go: the innermost open item, or the document. */
  private container(): { children: RootContent[] } {
    return this.items[this.items.length - 1]?.item ?? this.root;
  }

  private line(line: Line): void {
    const indent = spaces(line.text);
    const blank = indent === line.text.length;

    // 1. Which open items does this line continue?
    let matched = 0;
    while (matched < this.items.length && (blank || indent >= this.items[matched]!.indent)) matched++;

    if (this.fence && matched === this.items.length) {
      this.fenceLine(line);
      return;
    }
    if (this.fence) unsure('a fence cut short by its list item ending');

    if (matched < this.items.length) {
      const rest = line.text.slice(indent);
      const relative = indent - this.baseIndent(matched);
      if (this.paragraph && !blank && !this.startsBlock(rest, relative)) {
        // A lazy continuation line: the paragraph goes on, inside its item, whatever the indent.
        this.continueParagraph(line, line.text);
        this.paragraph.lazy = true;
        return;
      }
      this.closeParagraph();
      this.closeItems(matched);
    }

    if (blank) {
      this.closeParagraph();
      return;
    }
    this.block(line, indent, this.baseIndent(this.items.length));
  }

  private baseIndent(depth: number): number {
    return depth === 0 ? 0 : this.items[depth - 1]!.indent;
  }

  /** Whether `rest`, at `relative` spaces into its container, would begin a block other than a paragraph line. */
  private startsBlock(rest: string, relative: number): boolean {
    if (relative >= 4) return false;
    return ATX.test(rest) || FENCE.test(rest) || THEMATIC.test(rest) || BULLET.test(rest) || ORDERED.test(rest) || rest.startsWith('>') || /^<[A-Za-z/!?]/.test(rest);
  }

  private block(line: Line, indent: number, base: number): void {
    const relative = indent - base;
    const rest = line.text.slice(indent);
    if (relative >= 4) {
      if (!this.paragraph) unsure('indented code');
      this.continueParagraph(line, line.text.slice(base));
      return;
    }
    if (rest.startsWith('>')) unsure('block quote');
    if (/^<[A-Za-z/!?]/.test(rest)) unsure('an HTML block');

    const heading = ATX.exec(rest);
    if (heading) {
      if (this.items.length > 0) unsure('a heading inside a list item');
      this.closeParagraph();
      this.add(this.heading(line, indent, heading[1]!.length, heading[2]!));
      return;
    }
    if (this.paragraph && /^(=+|-+) *$/.test(rest)) unsure('setext heading underline');
    if (THEMATIC.test(rest)) {
      this.closeParagraph();
      const node: ThematicBreak = { type: 'thematicBreak', position: { start: this.at(line, indent), end: this.lineEnd(line) } };
      this.add(node);
      return;
    }
    const fence = FENCE.exec(rest);
    if (fence) {
      const [, marks = '', info = ''] = fence;
      if ((marks[0] === '`' && info.includes('`')) || info.includes('\\')) unsure('a backtick or backslash in a fence\'s info string');
      this.closeParagraph();
      const words = info.replace(/^ +/, '');
      const space = words.indexOf(' ');
      const node: Code = {
        type: 'code',
        lang: words === '' ? null : space === -1 ? words : words.slice(0, space),
        meta: space === -1 ? null : words.slice(space).replace(/^ +/, '') || null,
        value: '',
        position: { start: this.at(line, indent), end: this.lineEnd(line) },
      };
      if (/&/.test(info)) unsure('entities in an info string');
      this.add(node);
      this.fence = { node, fence: marks, indent: relative, lines: [] };
      return;
    }
    if (this.listItem(line, indent, rest)) return;
    if (this.paragraph) {
      this.continueParagraph(line, line.text.slice(base));
      return;
    }
    if (/^\[[^\]]*\]:/.test(rest)) unsure('a link reference definition');
    this.openParagraph(line, indent, rest);
  }

  /** Whether an item written as `rest` would join the list that ends the container at `depth`. */
  private joinsList(depth: number, rest: string): boolean {
    const marker = /^(?:([-+*])|\d{1,9}([.)]))/.exec(rest);
    const open = this.openLists.get(depth);
    const container = depth === 0 ? this.root : this.items[depth - 1]!.item;
    return !!marker && !!open && container.children[container.children.length - 1] === open.list && open.marker === (marker[1] ?? marker[2]);
  }

  private listItem(line: Line, indent: number, rest: string): boolean {
    const bullet = BULLET.exec(rest);
    const ordered = bullet ? null : ORDERED.exec(rest);
    const match = bullet ?? ordered;
    if (!match) return false;
    const spaces = (bullet ? bullet[2] : ordered![3])!;
    const markerWidth = match[0].length - spaces.length;
    const content = rest.slice(match[0].length);
    if (/^ *$/.test(content)) {
      if (this.paragraph) return false; // an empty item cannot interrupt a paragraph
      unsure('an item that starts blank');
    }
    if (spaces.length > 4 || content.startsWith(' ')) unsure('code inside the item');
    const start = ordered ? Number(ordered[1]) : null;
    if (this.paragraph && ordered && ordered[1] !== '1') return false; // `2. x` (or `01. x`) does not interrupt a paragraph
    this.closeParagraph();

    const marker = bullet ? bullet[1]! : ordered![2]!;
    const depth = this.items.length;
    let list: List;
    if (this.joinsList(depth, rest)) {
      list = this.openLists.get(depth)!.list;
    } else {
      list = { type: 'list', ordered: start !== null, start, spread: false, children: [], position: { start: this.at(line, indent), end: this.lineEnd(line) } };
      this.add(list);
      this.openLists.set(depth, { list, marker });
    }
    const item: ListItem = { type: 'listItem', spread: false, checked: null, children: [], position: { start: this.at(line, indent), end: this.lineEnd(line) } };
    list.children.push(item);
    this.items.push({ item, list, indent: indent + markerWidth + spaces.length, marker });
    const contentIndent = indent + markerWidth + spaces.length;
    if (this.startsBlock(content, 0) || /^\[[^\]]*\]:/.test(content)) unsure('`- - x`, `- # x`, `- ```');
    this.openParagraph(line, contentIndent, content);
    return true;
  }

  private fenceLine(line: Line): void {
    const fence = this.fence!;
    const base = this.baseIndent(this.items.length);
    const indent = spaces(line.text);
    const rest = line.text.slice(indent);
    if (indent - base < 4 && indent >= base && rest.startsWith(fence.fence) && new RegExp(`^\\${fence.fence[0]}+ *$`).test(rest)) {
      fence.node.value = fence.lines.join('\n');
      fence.node.position!.end = this.lineEnd(line);
      this.extend(fence.node.position!.end);
      this.fence = undefined;
      return;
    }
    // A code line loses as many leading spaces as the fence had, counted from its container.
    let strip = 0;
    while (strip < fence.indent && line.text[base + strip] === ' ') strip++;
    fence.lines.push(line.text.length <= base ? '' : line.text.slice(base + strip));
    fence.node.position!.end = this.lineEnd(line);
    this.extend(fence.node.position!.end);
  }

  private heading(line: Line, indent: number, depth: number, after: string): Heading {
    // `## Title ##`: the closing run goes when a space precedes it (or it is all there is).
    const content = after.replace(/(^| +)#+ *$/, '').replace(/^ +| +$/g, '');
    return {
      type: 'heading',
      depth: depth as Heading['depth'],
      children: inline(content),
      position: { start: this.at(line, indent), end: this.lineEnd(line) },
    };
  }

  private openParagraph(line: Line, column: number, rest: string): void {
    const node: Paragraph = { type: 'paragraph', children: [], position: { start: this.at(line, column), end: this.lineEnd(line) } };
    this.add(node);
    this.paragraph = { node, lines: [rest] };
  }

  /** `raw` keeps its leading spaces: inline() drops them, except inside a code span, as remark does. */
  private continueParagraph(line: Line, raw: string): void {
    const paragraph = this.paragraph!;
    paragraph.lines.push(raw);
    paragraph.node.position!.end = this.lineEnd(line);
    this.extend(paragraph.node.position!.end);
  }

  private closeParagraph(): void {
    if (!this.paragraph) return;
    const text = this.paragraph.lines.join('\n').replace(/ +$/, '');
    if (/^\[[^\]]*\]:/.test(text)) unsure('a link reference definition'); // its label may wrap lines
    this.paragraph.node.children = inline(text, this.paragraph.lazy);
    this.paragraph = undefined;
  }

  /** Closes open items from `depth` on; their lists stay open for a sibling item. */
  private closeItems(depth: number): void {
    this.items.length = depth;
  }

  private add(node: RootContent): void {
    this.container().children.push(node);
    this.extend(node.position!.end);
  }

  /** A block's end is the end of its last line: each open item and list grows to it. */
  private extend(end: Point): void {
    for (const open of this.items) {
      open.item.position!.end = end;
      open.list.position!.end = end;
    }
  }
}

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
function inline(source: string, lazy = false, edges = LINE): PhrasingContent[] {
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
