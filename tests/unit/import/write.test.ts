// Writing the curriculum on its own: a settled draft in, the curriculum text out, which the parser
// reads back as that plan.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCurriculum } from '../../../src/curriculum/parse.js';
import { cleanLine } from '../../../src/curriculum/text.js';
import type { CurriculumDraft } from '../../../src/import/draft.js';
import { inlineText, writeCurriculum } from '../../../src/import/write.js';
import { draft, span, task } from '../../support/draft.js';

const plan = (more: Partial<CurriculumDraft> = {}): CurriculumDraft => ({
  ...draft([]),
  id: 'warm-up',
  title: 'Warm-up: "two" days',
  days: 2,
  rest: [],
  sourceName: undefined,
  ...more,
});

describe('writeCurriculum', () => {
  it('writes front matter, intro, groups, days, sections and the checklist', () => {
    const text = writeCurriculum(
      plan({
        days: 3,
        rest: [3],
        sourceName: 'warm up.md',
        intro: ['Why this plan.', '## Not a heading'],
        groups: [{ title: 'Week 1: Basics', notes: ['**Focus:** caching'], line: 1, week: 1 }],
        spans: [
          span(1, { group: 0, title: 'Caching #1', tasks: [task('Read', { details: ['chapter 5'] }), task('Sketch', { section: 'Morning' })], notes: [{ label: 'Tips', items: ['sleep', 'eat'] }], deliverables: ['a design'] }),
          span(2, { kind: 'rest', group: 0, title: 'Day off' }),
        ],
        sections: [{ title: 'Resources', lines: ['- [DDIA](https://dataintensive.net)'], line: 9 }, { title: 'Old checklist', lines: ['x'], line: 12 }],
        checklist: { titles: ['Before the interview'], items: [{ text: 'Sleep', details: ['eight hours'], line: 14, section: 0 }], prose: ['Make sure that:'] },
      }),
    );
    expect(text).toBe(`---
id: warm-up
title: "Warm-up: \\"two\\" days"
days: 3
rest: [3]
source: "warm up.md"
---
Why this plan.
**Not a heading**

## Week 1: Basics

**Focus:** caching

### Day 1: Caching #1

**Tips:** sleep · eat

- Read
  - chapter 5

**Morning**

- Sketch

**Deliverable**: a design

### Day 2: Rest (Day off)

## Resources

- [DDIA](https://dataintensive.net)

## Notes: Old check list

x

## Final Checklist: Before the interview

Make sure that:

- [ ] Sleep
  - eight hours
`);
    const { plan: parsed, problems } = parseCurriculum(text);
    expect(problems).toEqual([]);
    expect(parsed!.spans.map((s) => [s.from, s.title, s.tasks.length])).toEqual([[1, 'Caching #1', 2], [2, 'Rest (Day off)', 0]]);
    expect(parsed!.checklist.map((c) => c.text)).toEqual(['Sleep — eight hours']);
  });

  it.each([
    ['2024. The year', false, '2024\\. The year'],
    ['# not a heading', true, '\\# not a heading'],
    ['> not a quote', true, '\\> not a quote'],
    ['snake_case *stars* <tag>', false, 'snake\\_case \\*stars\\* \\<tag\\>'],
    ['**bold** stays in Markdown', true, '**bold** stays in Markdown'],
    ['ends with an id {#x}', true, 'ends with an id `{#x}`'],
    ['+{#x}', false, '+`{#x}`'], // a space before the code would make `+` a list marker
    ['--', true, '\\--'], // `- --` is a thematic break
    ['```js', true, '\\```js'], // a fence would take every line after it
    ['~~~a', false, '\\~~~a'],
  ])('inlineText(%j) in %s Markdown', (text, markdown, expected) => {
    expect(inlineText(text, markdown)).toBe(expected);
  });

  const PIECES = ['a', 'Read', ' ', '  ', '*', '**', '_', '`', '[', ']', '(', ')', '#', '>', '-', '+', '1.', '2)', '<', '&', '\\', '!', '{#x}', '[ ]', '~', '|', '🔥', 'é', ':', 'Day 3'];
  const text = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }).map((p) => p.join(''));

  it('writes any plain-text task so that the parser reads back its text (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (texts) => {
        const written = writeCurriculum(plan({ days: 1, markdown: false, spans: [span(1, { tasks: texts })] }));
        expect(written.endsWith('\n') && !written.endsWith('\n\n')).toBe(true);
        const { plan: parsed, problems } = parseCurriculum(written);
        expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
        // The parser takes a leading `[ ] ` for a checkbox however it is escaped (the importer strips one from each item).
        const expected = texts.map((t) => cleanLine(t).replace(/(\{#x\})$/, '`$1`').replace(/^\[[ xX]\]\s+/, '') || '(untitled)');
        expect(parsed!.spans[0]!.tasks.map((t) => t.text)).toEqual(expected);
      }),
      { numRuns: Number(process.env.IMPORT_WRITE_RUNS ?? 2000) },
    );
  });
});
