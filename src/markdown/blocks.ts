// The block half of the quick reader: ATX headings, paragraphs, nested lists, fenced code, thematic
// breaks and block quotes of paragraphs, line by line; the text of each block goes to inline().
import type { Blockquote, Code, Heading, List, ListItem, Paragraph, Root, RootContent, ThematicBreak } from 'mdast';
import { inline } from './inlines.js';
import { unsure } from './unsure.js';

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

/** Leading spaces: only U+0020 indents in Markdown. */
const spaces = (text: string): number => /^ */.exec(text)![0].length;

/** The document's tree; throws LeftToRemark where the text leaves the subset. */
export function readBlocks(text: string): Root {
  return new Reader(text).read();
}

class Reader {
  private readonly root: Root = { type: 'root', children: [] };
  private readonly items: OpenItem[] = [];
  private paragraph: OpenParagraph | undefined;
  private fence: OpenFence | undefined;
  /** An open block quote, at the top level and holding paragraphs only: what plans quote (an imported plan's header). */
  private quote: Blockquote | undefined;
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

  /** Where new blocks go: the innermost open item, the open quote, or the document. */
  private container(): { children: RootContent[] } {
    return this.items[this.items.length - 1]?.item ?? this.quote ?? this.root;
  }

  private line(line: Line): void {
    const indent = spaces(line.text);
    const blank = indent === line.text.length;
    if (this.quote && this.quoteLine(line, indent, blank)) return;

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
    if (rest.startsWith('>')) {
      if (this.items.length > 0) unsure('a block quote inside a list item');
      this.closeParagraph();
      const node: Blockquote = { type: 'blockquote', children: [], position: { start: this.at(line, indent), end: this.lineEnd(line) } };
      this.add(node);
      this.quote = node;
      this.insideQuote(line, indent);
      return;
    }
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

  /** A line while a quote is open: one of its own (`>`), a lazy line of its paragraph, or past its end (false). */
  private quoteLine(line: Line, indent: number, blank: boolean): boolean {
    if (indent < 4 && line.text[indent] === '>') {
      this.insideQuote(line, indent);
      return true;
    }
    if (!blank && this.paragraph && !this.startsBlock(line.text.slice(indent), indent)) {
      // A lazy continuation line: the quoted paragraph goes on without its `>`.
      this.continueParagraph(line, line.text);
      this.paragraph.lazy = true;
      return true;
    }
    this.closeParagraph();
    this.quote = undefined;
    return false;
  }

  /** The text after a `>` (and the one space it may take): a paragraph's line, or a gap between two. */
  private insideQuote(line: Line, marker: number): void {
    const start = marker + (line.text[marker + 1] === ' ' ? 2 : 1);
    const content = line.text.slice(start);
    const indent = spaces(content);
    const rest = content.slice(indent);
    this.extend(this.lineEnd(line));
    if (rest === '') return this.closeParagraph();
    if (this.paragraph && /^(=+|-+) *$/.test(rest)) unsure('setext heading underline in a block quote');
    if (this.paragraph && (indent >= 4 || !this.startsBlock(rest, indent))) return this.continueParagraph(line, content);
    if (indent >= 4 || this.startsBlock(rest, 0) || /^\[[^\]]*\]:/.test(rest)) unsure('a block other than a paragraph in a block quote');
    this.openParagraph(line, start + indent, rest);
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

  /** A block's end is the end of its last line: the open quote, each open item and list grow to it. */
  private extend(end: Point): void {
    if (this.quote) this.quote.position!.end = end;
    for (const open of this.items) {
      open.item.position!.end = end;
      open.list.position!.end = end;
    }
  }
}
