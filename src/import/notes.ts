// The importer's third stage: the checklists read into items, and the text kept from the source
// (intro, group notes, notes sections) written as Markdown.
import { cleanLine } from '../curriculum/text.js';
import { readChecklists } from './checklist.js';
import type { DraftPlan, Kept, ScannedPlan } from './draft.js';
import { escapeInline } from './markup.js';

export function readNotes(scanned: ScannedPlan): DraftPlan {
  const write = (kept: Kept): string => ('markdown' in kept ? kept.markdown : keptLine(kept.raw, scanned));
  return {
    markdown: scanned.markdown,
    titleHeading: scanned.titleHeading,
    intro: scanned.intro.map(write),
    groups: scanned.groups.map((group) => ({ ...group, notes: group.notes.map(write) })),
    sections: scanned.sections.map((section) => ({ ...section, lines: section.lines.map(write) })),
    spans: scanned.spans,
    checklist: readChecklists(scanned.checklists, scanned.markdown, write),
    unsure: scanned.unsure,
  };
}

/** A source line as Markdown: Markdown stays as written; plain text nests by indentation. */
export function keptLine(raw: string, { markdown, unit }: { markdown: boolean; unit: number }): string {
  if (markdown || raw === '') return raw;
  const indent = raw.length - raw.trimStart().length;
  const text = escapeInline(cleanLine(raw));
  const depth = Math.floor(indent / unit);
  return depth === 0 ? `\n${text}\n` : `${'  '.repeat(depth - 1)}- ${text}`;
}
