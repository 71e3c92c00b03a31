// The notes stage on its own: text kept from the source written as Markdown (plain text nested by
// its indentation), and the checklists read.
import { describe, expect, it } from 'vitest';
import type { ScannedPlan } from '../../../src/import/draft.js';
import { keptLine, readNotes } from '../../../src/import/notes.js';

describe('keptLine', () => {
  it.each([
    ['Markdown stays as written', true, 2, '  - **a** [b](u)', '  - **a** [b](u)'],
    ['a plain line: a paragraph of its own, made literal', false, 2, 'snake_case *x*', '\nsnake\\_case \\*x\\*\n'],
    ['an indented plain line: an item', false, 2, '  Books', '- Books'],
    ['deeper: a nested item', false, 2, '    Designing Data-Intensive Applications', '  - Designing Data-Intensive Applications'],
    ['the same depth at a step of four', false, 4, '    Books', '- Books'],
    ['a blank line', false, 2, '', ''],
  ])('%s', (_what, markdown, unit, raw, expected) => {
    expect(keptLine(raw, { markdown, unit })).toBe(expected);
  });
});

describe('readNotes', () => {
  it('writes the intro, group notes and sections, reads the checklists, and leaves the rest as it was', () => {
    const scanned: ScannedPlan = {
      markdown: false,
      unit: 2,
      titleHeading: undefined,
      intro: [{ raw: 'Why' }, { markdown: '**Kept**' }],
      groups: [{ title: 'Phase 1', notes: [{ raw: '  Focus' }], line: 3, week: undefined }],
      sections: [{ title: 'Resources', lines: [{ raw: '  a book' }], line: 9 }],
      spans: [],
      checklists: [{ title: 'Final checklist', parts: [{ raw: 'Before you go' }] }],
      unsure: [{ line: 1, text: 'x', reason: 'y' }],
    };
    const before = structuredClone(scanned);
    expect(readNotes(scanned)).toEqual({
      markdown: false,
      titleHeading: undefined,
      intro: ['\nWhy\n', '**Kept**'],
      groups: [{ title: 'Phase 1', notes: ['- Focus'], line: 3, week: undefined }],
      sections: [{ title: 'Resources', lines: ['- a book'], line: 9 }],
      spans: [],
      checklist: { titles: ['Final checklist'], items: [], prose: ['\nBefore you go\n'] },
      unsure: [{ line: 1, text: 'x', reason: 'y' }],
    });
    expect(scanned).toEqual(before);
  });
});
