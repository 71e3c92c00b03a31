// Curriculum text → Plan. Pure: takes a string, returns the plan and every problem found.
import type { Heading, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { readFrontMatter } from './front-matter.js';
import { quickTree } from '../markdown/index.js';
import { remarkTree } from './remark.js';
import { append } from '../lists.js';
import { cleanBlock, cleanLine, cleanText, DELIVERABLE_LABEL, normalizeNewlines, slugify } from './text.js';
import type { ChecklistItem, Group, Link, NoteSection, Plan, Problem, Span, Task } from './types.js';
import { overLimit } from './limits.js';
import { spanLabel } from './span-label.js';
import { validatePlan } from './validate.js';
import { planEffort } from './effort.js';
import { sortProblems } from './problem.js';

export interface ParseResult {
  /** Undefined when the front matter is unusable; `problems` then says why. */
  plan: Plan | undefined;
  problems: Problem[];
}

/** The body's mdast: from the quick reader when it can vouch for it (a few ms), else from remark (~100 ms cold). */
export const markdownTree = (body: string): Root => quickTree(body) ?? remarkTree(body);

// `Day 5`, `Days 29-35`, `Day 29–35`, `Day 1 (Feb 2): Title`, `Week 2 — Title`, after any emoji or bullet.
const SPAN_HEADING = /^[^\p{L}\p{N}]*(?:(Days?)\s+(\d+)(?:\s*(?:-|\u2013|\u2014|to)\s*(?:Days?\s+)?(\d+))?|(Week)\s+(\d+))(?:\s*\([^)]*\))?(?:\s*[:.]\s*(.*)|\s+[-\u2013\u2014]\s+(.*))?$/iu;
// `Day 30: …` or `Day 30 — …`; not `Day 1-2: …`, which is a span, not one day.
const ONLY_DAY = /^Day\s+(\d+)(?:\s*:|\s+[-\u2013\u2014]\s)\s*(.+)$/i;
const EXPLICIT_ID = /\s*\{#([a-z0-9][a-z0-9._-]*)\}\s*$/;
const CHECKBOX = /^\[[ xX]\]\s+/;

interface SpanHeading {
  kind: 'day' | 'range' | 'week';
  from: number;
  to: number;
  title: string;
}

export function matchSpanHeading(text: string): SpanHeading | undefined {
  const match = SPAN_HEADING.exec(text.trim());
  if (!match) return undefined;
  const [, dayWord, fromText, toText, weekWord, weekText, afterColon, afterDash] = match;
  const title = cleanLine(afterColon ?? afterDash ?? '');
  if (weekWord && weekText) {
    const week = Number(weekText);
    return { kind: 'week', from: 7 * (week - 1) + 1, to: 7 * week, title };
  }
  if (!dayWord || !fromText) return undefined;
  const from = Number(fromText);
  const to = toText ? Number(toText) : from;
  return { kind: to === from ? 'day' : 'range', from, to, title };
}

/** Plain display text of inline Markdown; link targets are collected into `links`. */
function inlineText(nodes: readonly PhrasingContent[], links: Link[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out += node.value;
        break;
      case 'inlineCode':
        out += `\`${node.value}\``;
        break;
      case 'break':
        out += ' ';
        break;
      case 'image':
        out += node.alt ?? '';
        break;
      case 'html':
        break;
      case 'link': {
        const text = inlineText(node.children, links);
        // A destination in <…> may hold any character but a line break: ESC and bidi overrides too.
        const url = cleanText(node.url).trim();
        links.push({ text: cleanLine(text) || url, url });
        out += text;
        break;
      }
      default:
        if ('children' in node) out += inlineText(node.children as PhrasingContent[], links);
    }
  }
  return out;
}

/** `**Morning (2 hours)**:` → label only; `**Deliverable**: text` → label and rest. */
function leadingLabel(paragraph: Paragraph): { label: string; rest: string } | undefined {
  const [first, ...others] = paragraph.children;
  if (first?.type !== 'strong') return undefined;
  const label = cleanLine(inlineText(first.children, [])).replace(/:$/, '').trim();
  const rest = cleanLine(inlineText(others, [])).replace(/^:\s*/, '');
  return label ? { label, rest } : undefined;
}

/** Every nested item and extra paragraph of a list item, flattened, as plain lines. */
function itemDetails(item: ListItem, links: Link[], depth = 0): string[] {
  const details: string[] = [];
  item.children.forEach((child, index) => {
    if (index === 0 && child.type === 'paragraph' && depth === 0) return;
    if (child.type === 'list') {
      for (const nested of child.children) {
        const [lead] = nested.children;
        const text = lead?.type === 'paragraph' ? cleanLine(inlineText(lead.children, links)) : '';
        if (text) details.push(text);
        details.push(...itemDetails(nested, links, depth + 1).filter((d) => d !== text));
      }
    } else if (child.type === 'paragraph') {
      if (index > 0) details.push(cleanLine(inlineText(child.children, links)));
    } else if (child.type === 'code') {
      details.push(cleanBlock(child.value));
    }
  });
  return details.filter((d) => d !== '');
}

interface OpenSpan extends Span {
  depth: number;
  section: string | undefined;
}

interface Walk {
  source: string;
  problems: Problem[];
  intro: string[];
  /** The groups enclosing the current heading, innermost last. */
  groups: (Group & { depth: number })[];
  allGroups: Group[];
  spans: OpenSpan[];
  checklist: Omit<ChecklistItem, 'n' | 'id'>[];
  sections: NoteSection[];
  /** What the content under the latest heading belongs to. */
  context:
    | { kind: 'intro' }
    | { kind: 'span'; span: OpenSpan }
    | { kind: 'group'; group: Group & { depth: number } }
    | { kind: 'checklist'; depth: number; prose: NoteSection }
    | { kind: 'notes'; depth: number; section: NoteSection };
}

function slice(walk: Walk, node: RootContent): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : walk.source.slice(start, end);
}

function addTask(walk: Walk, span: OpenSpan, item: ListItem): void {
  const links: Link[] = [];
  const [lead] = item.children;
  let text = lead?.type === 'paragraph' ? cleanLine(inlineText(lead.children, links)) : '';
  const details = itemDetails(item, links);
  const line = item.position?.start.line ?? span.line;
  if (!text) {
    if (details.length === 0) return; // an empty bullet is nothing
    text = details.shift()!;
  }
  text = text.replace(CHECKBOX, '');
  const task: Task = { id: '', text, details, links, line };
  const explicit = EXPLICIT_ID.exec(task.text);
  if (explicit?.[1]) {
    task.id = explicit[1];
    task.text = task.text.slice(0, explicit.index).trim();
  }
  if (span.section) task.section = span.section;
  const only = span.kind === 'range' ? ONLY_DAY.exec(task.text) : null;
  if (only?.[1] && only[2]) {
    const day = Number(only[1]);
    if (day < span.from || day > span.to) {
      walk.problems.push({ severity: 'error', line, col: item.position?.start.column ?? 1, message: `Day ${day} is outside its range, ${spanLabel('range', span.from, span.to, '-')}` });
    } else {
      task.onlyDay = day;
      task.text = only[2];
    }
  }
  span.tasks.push(task);
}

function spanContent(walk: Walk, span: OpenSpan, node: RootContent): void {
  switch (node.type) {
    case 'heading':
      span.section = cleanLine(inlineText(node.children, [])).replace(/:$/, '');
      return;
    case 'list':
      for (const item of node.children) addTask(walk, span, item);
      return;
    case 'paragraph': {
      const label = leadingLabel(node);
      if (label && label.rest === '') span.section = label.label;
      else if (label && DELIVERABLE_LABEL.test(label.label)) span.deliverable = span.deliverable ? `${span.deliverable}; ${label.rest}` : label.rest;
      else span.notes.push(cleanLine(inlineText(node.children, [])));
      return;
    }
    case 'code':
    case 'blockquote':
      span.notes.push(cleanBlock(node.type === 'code' ? node.value : slice(walk, node).replace(/^>\s?/gm, '')));
      return;
    default:
      return; // thematic breaks, HTML comments, definitions: nothing to schedule or show
  }
}

function checklistContent(walk: Walk, prose: NoteSection, node: RootContent): void {
  if (node.type !== 'list') {
    if (node.type !== 'thematicBreak') prose.markdown += `${prose.markdown ? '\n\n' : ''}${slice(walk, node)}`;
    return;
  }
  for (const item of node.children) {
    const links: Link[] = [];
    const [lead] = item.children;
    const text = lead?.type === 'paragraph' ? cleanLine(inlineText(lead.children, links)).replace(CHECKBOX, '') : '';
    const extra = itemDetails(item, links);
    const full = [text, ...extra].filter(Boolean).join(' — ');
    if (full) walk.checklist.push({ text: full, line: item.position?.start.line ?? 1 });
  }
}

/** For a heading at `index`, whether a day heading follows before the section it opens ends. */
function opensDays(headings: { depth: number; span: SpanHeading | undefined }[], index: number): boolean {
  const depth = headings[index]!.depth;
  for (let i = index + 1; i < headings.length; i++) {
    const next = headings[i]!;
    if (next.depth <= depth) return false;
    if (next.span && next.span.kind !== 'week') return true;
    if (next.span?.kind === 'week' && opensDays(headings, i) === false) return true;
  }
  return false;
}

function openHeading(walk: Walk, node: Heading, info: { span: SpanHeading | undefined; isGroup: boolean; isTitle: boolean }): void {
  const text = cleanLine(inlineText(node.children, []));
  const line = node.position?.start.line ?? 1;
  const col = node.position?.start.column ?? 1;
  while (walk.groups.length > 0 && walk.groups[walk.groups.length - 1]!.depth >= node.depth) walk.groups.pop();

  if (info.isTitle) {
    walk.context = { kind: 'intro' };
    walk.intro.push(slice(walk, node));
  } else if (info.span && !info.isGroup) {
    const group = walk.groups[walk.groups.length - 1]?.title;
    const span: OpenSpan = { ...info.span, tasks: [], notes: [], line, col, depth: node.depth, section: undefined };
    if (group) span.group = group;
    walk.spans.push(span);
    walk.context = { kind: 'span', span };
  } else if (/checklist/i.test(text)) {
    const prose: NoteSection = { title: text, markdown: '', line };
    walk.sections.push(prose);
    walk.context = { kind: 'checklist', depth: node.depth, prose };
  } else if (info.isGroup) {
    const group = { title: text, notes: [], line, depth: node.depth };
    walk.groups.push(group);
    walk.allGroups.push(group);
    walk.context = { kind: 'group', group };
  } else {
    const section: NoteSection = { title: text, markdown: '', line };
    walk.sections.push(section);
    walk.context = { kind: 'notes', depth: node.depth, section };
  }
}

function walkBody(source: string, tree: Root, problems: Problem[]): Walk {
  const walk: Walk = { source, problems, intro: [], groups: [], allGroups: [], spans: [], checklist: [], sections: [], context: { kind: 'intro' } };
  const headingNodes = tree.children.filter((n): n is Heading => n.type === 'heading');
  const headings = headingNodes.map((h) => ({ depth: h.depth, span: matchSpanHeading(cleanLine(inlineText(h.children, []))) }));
  // A first heading shallower than all others is the document's title: it belongs to the intro.
  const titleDepth = headings.length > 0 && headings.slice(1).every((h) => h.depth > headings[0]!.depth) && !headings[0]!.span ? headings[0]!.depth : 0;

  let headingIndex = -1;
  for (const node of tree.children) {
    const context = walk.context;
    if (node.type === 'heading') {
      headingIndex++;
      const info = headings[headingIndex]!;
      if (context.kind === 'span' && node.depth > context.span.depth) {
        spanContent(walk, context.span, node);
        continue;
      }
      if (context.kind === 'notes' && node.depth > context.depth && !info.span && !/checklist/i.test(slice(walk, node))) {
        context.section.markdown += `\n\n${slice(walk, node)}`;
        continue;
      }
      const isGroup = info.span?.kind !== 'day' && info.span?.kind !== 'range' && opensDays(headings, headingIndex);
      openHeading(walk, node, { span: info.span, isGroup, isTitle: headingIndex === 0 && titleDepth > 0 });
      continue;
    }
    switch (context.kind) {
      case 'span':
        spanContent(walk, context.span, node);
        break;
      case 'checklist':
        checklistContent(walk, context.prose, node);
        break;
      case 'group':
        if (node.type === 'list' && matchSpanHeading(context.group.title)?.kind === 'week') {
          const at = node.position?.start;
          problems.push({ severity: 'warning', line: at?.line ?? 1, col: at?.column ?? 1, message: `this list is not scheduled: "${context.group.title}" also has day headings, so it is a group; move the tasks under a day` });
        }
        if (node.type !== 'thematicBreak') context.group.notes.push(slice(walk, node));
        break;
      case 'notes':
        if (node.type !== 'thematicBreak') context.section.markdown += `${context.section.markdown ? '\n\n' : ''}${slice(walk, node)}`;
        break;
      case 'intro':
        if (node.type !== 'thematicBreak') walk.intro.push(slice(walk, node));
        break;
    }
  }
  return walk;
}

/**
 * Hands out `base`, or `base-2`, `base-3`…: the first that is not taken. Ids are only ever added,
 * so each base resumes from its last suffix: the same ids as a scan from 2, without its n² cost.
 */
class IdAllocator {
  readonly #taken = new Set<string>();
  readonly #next = new Map<string, number>();

  has(id: string): boolean {
    return this.#taken.has(id);
  }

  add(id: string): void {
    this.#taken.add(id);
  }

  unused(base: string): string {
    const name = (n: number) => (n === 1 ? base : `${base}-${n}`);
    let n = this.#next.get(base) ?? 1;
    while (this.#taken.has(name(n))) n++;
    this.#next.set(base, n + 1);
    return name(n);
  }
}

/** Gives every task its id: explicit `{#id}`, else span key + slug of its words. */
function assignIds(spans: Span[], problems: Problem[]): void {
  const lines = new Map<string, number>();
  const ids = new IdAllocator();
  for (const span of spans) {
    for (const task of span.tasks) {
      if (!task.id) continue;
      const line = lines.get(task.id);
      if (line !== undefined) problems.push({ severity: 'error', line: task.line, col: 1, message: `duplicate task id \`${task.id}\` (also on line ${line})` });
      lines.set(task.id, task.line);
      ids.add(task.id);
    }
  }
  for (const span of spans) {
    const key = span.kind === 'week' ? `w${Math.ceil(span.to / 7)}` : span.from === span.to ? `d${span.from}` : `d${span.from}-${span.to}`;
    for (const task of span.tasks) {
      if (task.id) continue;
      task.id = ids.unused(`${key}.${slugify(task.text) || 'task'}`);
      ids.add(task.id);
    }
  }
}

function checklistIds(items: Omit<ChecklistItem, 'n' | 'id'>[]): ChecklistItem[] {
  const ids = new IdAllocator();
  return items.map((item, index) => {
    const id = ids.unused(`c.${slugify(item.text) || 'item'}`);
    ids.add(id);
    return { n: index + 1, id, ...item };
  });
}

export function parseCurriculum(text: string, readTree: (body: string) => Root = markdownTree): ParseResult {
  const source = normalizeNewlines(text);
  const front = readFrontMatter(source);
  const problems = [...front.problems];
  const excess = overLimit(front.body);
  if (excess) return { plan: undefined, problems: sortProblems([...problems, excess]) };
  const tree = readTree(front.body);
  const walk = walkBody(front.body, tree, problems);

  const spans: Span[] = walk.spans.map(({ depth: _depth, section: _section, ...span }) => {
    if (span.kind !== 'week' && span.tasks.length === 0 && /\brest\b/i.test(span.title)) return { ...span, kind: 'rest' };
    return span;
  });
  assignIds(spans, problems);

  if (!front.fields) return { plan: undefined, problems: sortProblems(problems) };
  const plan: Omit<Plan, 'effort'> = {
    ...front.fields,
    intro: cleanBlock(walk.intro.join('\n\n')),
    groups: collectGroups(walk),
    spans,
    checklist: checklistIds(walk.checklist),
    sections: walk.sections.filter((s) => s.markdown.trim() !== '').map((s) => ({ ...s, markdown: cleanBlock(s.markdown) })),
    keyLines: front.keyLines,
  };
  append(problems, validatePlan(plan));
  // Worked out once per parse and cached with the plan: a command's start pays nothing for it.
  return { plan: { ...plan, effort: planEffort(plan) }, problems: sortProblems(problems) };
}

/** Groups in file order, with the notes written under them. */
function collectGroups(walk: Walk): Group[] {
  return walk.allGroups.map((group) => ({ title: group.title, notes: group.notes.map(cleanBlock).filter(Boolean), line: group.line }));
}
