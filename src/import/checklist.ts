// The final checklist: the lines under each checklist of the source read as items (with details
// below them) or prose, and the checklists joined into one.
import { cleanLine } from '../curriculum/text.js';
import type { DraftChecklistItem, DraftChecklist, Kept, ScannedPlan } from './draft.js';
import { plainText } from './lines.js';
import { escapeInline } from './markup.js';

/** The source's checklists as one: `write` turns the text kept under them into Markdown. */
export function readChecklists(checklists: ScannedPlan['checklists'], markdown: boolean, write: (kept: Kept) => string): DraftChecklist {
  const items: DraftChecklistItem[] = [];
  const prose: string[] = [];
  checklists.forEach((checklist, section) => {
    let current: DraftChecklistItem | undefined;
    let baseIndent: number | undefined;
    for (const part of checklist.parts) {
      if (!('line' in part)) {
        prose.push(write(part));
        continue;
      }
      const line = part.line;
      const text = cleanLine(line.text);
      if (current && baseIndent !== undefined && line.indent > baseIndent) {
        current.details.push(text);
        continue;
      }
      // In plain text every line is an item, but for a label (`Final review items:`).
      if (line.kind !== 'item' && !line.checkbox && (markdown || text.endsWith(':'))) {
        prose.push(markdown ? line.raw.trim() : escapeInline(text), '');
        continue;
      }
      current = { text, details: [], line: line.no, section };
      items.push(current);
      baseIndent = Math.min(line.indent, baseIndent ?? line.indent);
    }
  });
  return { titles: checklists.map((c) => c.title), items: mergeByLabel(items), prose };
}

/** The items in order; an item of a later checklist with the bold label of an earlier one joins it, as details. */
export function mergeByLabel(items: DraftChecklistItem[]): DraftChecklistItem[] {
  const out: DraftChecklistItem[] = [];
  const byLabel = new Map<string, DraftChecklistItem>();
  for (const item of items) {
    const label = /^(?:\*\*|__)([^*_]+?):?(?:\*\*|__)/.exec(item.text)?.[1]?.toLowerCase().trim();
    const earlier = label === undefined ? undefined : byLabel.get(label);
    if (earlier && earlier.section !== item.section) {
      if (plainText(earlier.text) !== plainText(item.text)) earlier.details.push(item.text, ...item.details);
      continue;
    }
    const copy = { ...item, details: [...item.details] };
    out.push(copy);
    if (label !== undefined && !byLabel.has(label)) byLabel.set(label, copy);
  }
  return out;
}
