// The importer's last stage: the settled plan written as a curriculum, in the Markdown the parser
// reads (README "Curriculum files"), every text made safe to stand where it is put. Pure.
import { spanLabel } from '../curriculum/span-label.js';
import { WEEKDAY_NAMES } from '../curriculum/coach-fields.js';
import { cleanLine } from '../curriculum/text.js';

import type { CurriculumDraft, DraftSpan } from './draft.js';
import { isBoldOnly, matchEntry, plainText } from './lines.js';
import { boldLine, escapeInline } from './markup.js';

// Text that Markdown would read as the start of a block (a list, a heading, a quote, a fence) at the
// start of a line, or as a thematic break after a list item's `- ` (`--`).
const BLOCK_START = /^(?:[-+*](?:\s|$)|#{1,6}(?:\s|$)|>|\d{1,9}[.)](?:\s|$)|\[[ xX]\]\s|`{3}|~{3}|-(?:\s*-)+\s*$)/;

export function writeCurriculum(plan: CurriculumDraft): string {
  const inline = (text: string) => inlineText(text, plan.markdown);
  const out: string[] = ['---', `id: ${plan.id}`, `title: ${JSON.stringify(plan.title)}`, `days: ${plan.days}`];
  if (plan.rest.length > 0) out.push(`rest: [${plan.rest.join(', ')}]`);
  if (plan.startsOn !== undefined) out.push(`starts-on: ${WEEKDAY_NAMES[plan.startsOn]}`);
  if (plan.sourceName) out.push(`source: ${JSON.stringify(plan.sourceName)}`);
  out.push('---');
  const intro = keptText(plan.intro);
  if (intro) out.push(intro, '');

  let group: number | undefined;
  for (const span of plan.spans) {
    if (span.group !== undefined && span.group !== group) {
      group = span.group;
      const { title, notes } = plan.groups[group]!;
      out.push(`## ${headingText(title)}`, '');
      const text = keptText(notes);
      if (text) out.push(text, '');
    }
    writeSpan(out, span, plan.markdown);
    out.push('');
  }
  for (const section of plan.sections) {
    const body = keptText(section.lines);
    // A section named like a day or a checklist would be read as one.
    const title = matchEntry(section.title) || /check\s?-?list/i.test(section.title) ? `Notes: ${section.title.replace(/check(\s?-?)list/gi, 'check$1 list')}` : section.title;
    out.push(`## ${headingText(title)}`, '');
    if (body) out.push(body, '');
  }
  const { titles, items, prose } = plan.checklist;
  if (items.length > 0 || prose.some((l) => l.trim())) {
    const named = titles.find((t) => !/check\s?-?list/i.test(t));
    out.push(`## Final Checklist${named && !titles.some((t) => /check\s?-?list/i.test(t)) ? `: ${headingText(named)}` : ''}`, '');
    const text = keptText(prose);
    if (text) out.push(text, '');
    for (const item of items) {
      out.push(`- [ ] ${inline(item.text)}`);
      for (const detail of item.details) out.push(`  - ${inline(detail)}`);
    }
    out.push('');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** Appends the span's lines to `out` (a day may hold more lines than a spread can pass). */
function writeSpan(out: string[], span: DraftSpan, markdown: boolean): void {
  const inline = (text: string) => inlineText(text, markdown);
  let title = span.title;
  if (span.kind === 'rest' && !/\brest\b/i.test(title)) title = title ? `Rest (${title})` : 'Rest';
  out.push(`### ${spanLabel(span.kind, span.from, span.to, '-')}${title ? `: ${headingText(title)}` : ''}`, '');
  for (const note of span.notes) {
    const items = note.items.map((i) => noteText(i, markdown)).filter(Boolean);
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
    const text = inline(task.text);
    out.push(`- ${task.onlyDay !== undefined ? `Day ${task.onlyDay}: ` : ''}${text || '(untitled)'}`);
    for (const detail of task.details) out.push(`  - ${inline(detail)}`);
  }
  for (const deliverable of span.deliverables) out.push('', `**Deliverable**: ${inline(deliverable)}`);
}

/** One line of task, detail or checklist text, safe to put after `- `. */
export function inlineText(text: string, markdown: boolean): string {
  // `{#id}` at the end would pin the task's id (and two alike would clash): kept, as code, spaced as it was.
  const out = (markdown ? cleanLine(text) : escapeInline(cleanLine(text))).replace(/(\s*)(\{#[a-z0-9][a-z0-9._-]*\})$/, '$1`$2`');
  // A backslash escapes punctuation only: `2024. x` needs it before the dot, `# x` before the mark.
  if (!BLOCK_START.test(out)) return out;
  return /^\d/.test(out) ? out.replace(/^(\d+)([.)])/, '$1\\$2') : `\\${out}`;
}

/** A note paragraph: never a bare bold label (that would be a section) nor a list. */
function noteText(text: string, markdown: boolean): string {
  if (text.includes('\n')) return text.startsWith('```') || text.startsWith('~~~') ? text : text.split('\n').map((l) => inlineText(l, markdown)).join('  \n');
  const out = inlineText(text, markdown);
  return isBoldOnly(out) ? plainText(out) : out;
}

/** Kept source lines: headings become bold lines so that they schedule nothing. */
function keptText(lines: string[]): string {
  return lines
    .map((line) => {
      const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
      return heading ? boldLine(heading[1] ?? '') : line;
    })
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Heading text that ends as written (a trailing ` #` would be read as a closing sequence). */
function headingText(text: string): string {
  return cleanLine(text).replace(/\s(#+)$/, ' \\$1');
}
