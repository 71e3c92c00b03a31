// The checklist on its own: lines under the source's checklists read as items, details or prose,
// and a later checklist's items joined to an earlier one's by their bold label.
import { describe, expect, it } from 'vitest';
import { mergeByLabel, readChecklists } from '../../../src/import/checklist.js';
import type { DraftChecklistItem } from '../../../src/import/draft.js';
import { classifyLines } from '../../../src/import/lines.js';

const parts = (text: string) => classifyLines(text.replace(/\n$/, '')).map((line) => (line.kind === 'blank' ? { raw: '' } : { line }));
const write = (kept: { raw: string } | { markdown: string }) => ('markdown' in kept ? kept.markdown : `kept:${kept.raw}`);

describe('readChecklists', () => {
  it.each([
    ['Markdown items with details, a line that is prose', true, 'Before you go:\n- [ ] Resume\n  - one page\n- [x] Sleep\n', ['Resume > one page', 'Sleep'], ['Before you go:', '']],
    ['numbered items', true, '1. Sleep\n2. Setup\n', ['Sleep', 'Setup'], []],
    ['plain text: every line an item but a label', false, 'Final review items:\n  Explain it\n  Walk through it\n    slowly\n', ['Explain it', 'Walk through it > slowly'], ['Final review items:', '']],
    ['plain text, made literal', false, 'Notes *here*:\n', [], ['Notes \\*here\\*:', '']],
    ['a checkbox line in Markdown prose is an item', true, '[ ] Resume\n', ['Resume'], []],
  ])('%s', (_what, markdown, text, items, prose) => {
    const checklist = readChecklists([{ title: 'Checklist', parts: parts(text) }], markdown, write);
    expect(checklist.items.map((i) => [i.text, ...i.details].join(' > '))).toEqual(items);
    expect(checklist.prose).toEqual(prose);
  });

  it('keeps the titles, numbers items by their checklist, and writes kept text with the given writer', () => {
    const checklist = readChecklists([{ title: 'Artifacts', parts: [{ markdown: '**Bold**' }, ...parts('- one')] }, { title: 'Final Checklist', parts: [{ raw: 'x' }, ...parts('- two')] }], true, write);
    expect(checklist).toEqual({
      titles: ['Artifacts', 'Final Checklist'],
      items: [
        { text: 'one', details: [], line: 1, section: 0 },
        { text: 'two', details: [], line: 1, section: 1 },
      ],
      prose: ['**Bold**', 'kept:x'],
    });
  });
});

describe('mergeByLabel', () => {
  const item = (text: string, section: number, details: string[] = []): DraftChecklistItem => ({ text, details, line: 1, section });
  it('joins a later checklist\'s item to the earlier one with its bold label, as a detail; the same list keeps both', () => {
    const items = [item('**Communication:** clear designs', 0), item('**Depth:** one system', 0), item('**Depth:** another', 0), item('**Communication:** to any audience', 1, ['written too']), item('**Depth:** one system', 1), item('New one', 1)];
    const merged = mergeByLabel(items);
    expect(merged.map((i) => [i.text, ...i.details])).toEqual([
      ['**Communication:** clear designs', '**Communication:** to any audience', 'written too'],
      ['**Depth:** one system'],
      ['**Depth:** another'],
      ['New one'],
    ]);
    expect(items[0]!.details).toEqual([]); // the input stays as it was
  });
});
