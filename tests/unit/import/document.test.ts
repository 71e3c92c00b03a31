// The importer's first stage on its own: the classified lines and what the scan asks of them.
import { describe, expect, it } from 'vitest';
import { hasDaysAhead, isDayEntry, pseudoHeading, readDocument } from '../../../src/import/document.js';
import { classifyLines } from '../../../src/import/lines.js';

describe('classifyLines', () => {
  it.each([
    ['## Day 1: Start ##', { kind: 'heading', level: 2, text: 'Day 1: Start' }],
    ['  - [x] Read\tit', { kind: 'item', indent: 2, text: 'Read\tit', checkbox: true }],
    ['3) Write', { kind: 'item', text: 'Write' }],
    ['• Sketch', { kind: 'item', text: 'Sketch' }],
    ['\tTabbed', { kind: 'text', indent: 4, text: 'Tabbed' }],
    ['* * *', { kind: 'rule' }],
    ['| a | b |', { kind: 'table' }],
    ['   ', { kind: 'blank' }],
  ])('%j', (raw, expected) => {
    expect(classifyLines(raw)[0]).toMatchObject({ no: 1, raw, ...expected });
  });

  it('reads fenced code as code and a setext underline as a heading over a rule', () => {
    expect(classifyLines('```\n# not a heading\n```\n\nTitle\n=====\n').map((l) => [l.kind, l.level])).toEqual([
      ['code', 0], ['code', 0], ['code', 0], ['blank', 0], ['heading', 1], ['rule', 0], ['blank', 0],
    ]);
  });
});

describe('readDocument', () => {
  it.each([
    ['three list items', true, '- a\n- b\n- c\n'],
    ['bold text', true, 'Day 1: **read**\n'],
    ['a link', true, 'Day 1: [read](https://x.y)\n'],
    ['two headings', true, '# Plan\n## Day 1\n'],
    ['indented plain text', false, 'Day 1\n  Read\n  Write\n'],
    ['two list items', false, '- a\n- b\n'],
  ])('reads %s as Markdown: %s', (_what, markdown, text) => {
    expect(readDocument(text).markdown).toBe(markdown);
  });

  it.each([
    ['two and four spaces', 'a\n  b\n    c\n', 2],
    ['four and eight', 'a\n    b\n        c\n', 4],
    ['three', 'a\n   b\n', 3],
    ['one (at least two)', 'a\n b\n', 2],
    ['none (four)', 'a\nb\n', 4],
  ])('takes the indentation step from the shallowest indent: %s → %i', (_what, text, unit) => {
    expect(readDocument(text).unit).toBe(unit);
  });

  it.each([
    ['a table with a Day column: its body rows', '| Day | Topic |\n|---|---|\n| 1 | Arrays |\n| 2 | Lists |\n', [2, 3]],
    ['a table with a Date column', 'x\n| Date | Topic |\n| :-- | --: |\n| 1 | Arrays |\n', [3]],
    ['a table without one', '| Topic | Hours |\n|---|---|\n| Arrays | 2 |\n', []],
    ['a Day column without a rule under the header', '| Day | Topic |\n| 1 | Arrays |\n', []],
  ])('finds the rows of day tables: %s', (_what, text, rows) => {
    expect([...readDocument(text).dayTableRows]).toEqual(rows);
  });

  it.each([
    ['the first heading, shallower than the rest', '# Plan\n## Week 1\n### Day 1\n', 0],
    ['after intro text', 'Intro\n\n## Plan\n### Day 1\n', 2],
    ['two headings of the first level', '# Plan\n# Other\n', undefined],
    ['a deeper heading first', '## Plan\n# Other\n', undefined],
    ['no heading', 'Day 1\n', undefined],
  ])('finds the title heading: %s', (_what, text, index) => {
    expect(readDocument(text).titleIndex).toBe(index);
  });

  it('reads each line\'s entry once, and points every line at the next day entry and the next content', () => {
    const doc = readDocument('Intro\n\n## Week 1\n### Monday\n- Read\n\nDay 3: Write\n');
    expect(doc.entries.map((e) => e?.kind)).toEqual([undefined, undefined, 'week', 'weekday', undefined, undefined, 'day', undefined]);
    expect(doc.nextEntry.slice(0, 8)).toEqual([3, 3, 3, 3, 6, 6, 6, Infinity]);
    expect(doc.nextContent).toEqual([2, 2, 3, 4, 6, 6, 8, 8]);
  });
});

describe('the questions the scan asks', () => {
  it.each([
    ['Day 3', true],
    ['- **Days 1-7:** Basics', true],
    ['Tuesday: Strings', true],
    ['## Week 2', false], // a week is a group or a span of its own
    ['Phase 1', false],
  ])('isDayEntry(%j) is %s', (line, expected) => {
    expect(isDayEntry(readDocument(line), 0)).toBe(expected);
  });

  it.each([
    ['a heading with a day under it', '## Phase 1\n### Day 1\n', true],
    ['a heading, a deeper heading, then a day', '## Phase 1\n### Notes\n### Day 1\n', true],
    ['a heading whose section ends before the day', '## Phase 1\n## Resources\n### Day 1\n', false],
    ['a plain line, then a bold line before the day', 'Phase 1\n**Resources**\nDay 1\n', false],
    ['a heading with no day after it', '## Resources\n- a book\n', false],
  ])('hasDaysAhead: %s → %s', (_what, text, expected) => {
    expect(hasDaysAhead(readDocument(text), 0)).toBe(expected);
  });

  it.each([
    ['a bold line over days', '**Phase 1**\nDay 1\n- a\n- b\n- c\n', 0, 'group'],
    ['a plain line over indented days, in plain text', 'Phase 1\n  Day 1\n    Read\n', 0, 'group'],
    ['a label with a colon and no day after it', 'Day 1\n- a\n- b\n- c\nResources:\n- a book\n', 4, 'section'],
    ['a bold checklist title', 'Day 1\n- a\n- b\n- c\n**Final checklist**\n- ready\n', 4, 'checklist'],
    ['a bare checklist line over a list after the last day, in Markdown', 'Day 1\n- a\n- b\n- c\nBefore the interview\n- ready\n', 4, 'checklist'],
    ['the same line with a day after it', 'Day 1\n- a\n- b\n- c\nBefore the interview\n- ready\nDay 2\n', 4, undefined],
    ['the same line over a paragraph', 'Day 1\n- a\n- b\n- c\nFinal checklist\nready\n', 4, undefined],
    ['a sentence', 'Day 1\n- a\n- b\n- c\nRead the book first.\n', 4, undefined],
  ])('pseudoHeading: %s', (_what, text, index, expected) => {
    expect(pseudoHeading(readDocument(text), index)).toBe(expected);
  });
});
