// The quick Markdown reader against remark: the same tree for every text it reads, and no tree for
// the text it leaves to remark. `project` keeps what the curriculum parser reads of a tree.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/curriculum/front-matter.js';
import { parseCurriculum } from '../../src/curriculum/parse.js';
import { remarkTree } from '../../src/curriculum/remark.js';
import { quickTree } from '../../src/markdown/index.js';
import { normalizeNewlines } from '../../src/curriculum/text.js';
import { CURRICULA, FIXTURES } from '../helpers.js';
import { project } from '../support/mdast-projection.js';

const remark = (text: string) => project(fromMarkdown(text));
const quick = (text: string) => {
  const tree = quickTree(text);
  return tree && project(tree);
};

describe('the quick reader reads as remark does', () => {
  it.each([
    ['headings', '# Title\n\n## Day 1: Start  \n### Day 2 ##\n#### Day 3 #not closed\n#\n'],
    ['paragraphs and line breaks', 'one  \ntwo \n   three\n\nfour   \n'],
    ['nested lists, loose and tight', '- a\n  - b\n    - c\n- d\n\n- e\n\n  more about e\n'],
    ['ordered lists, and a number that cannot interrupt a paragraph', '1. one\n2. two\n10) ten\n\ntext\n2. not a list\n'],
    ['a list after a paragraph, and lists of different markers', 'para\n- a\n+ b\n* c\n'],
    ['fenced code, top level and in an item', '```ts extra\nconst a = 1;\n\n  b\n```\n- item\n\n  ~~~\n  code\n    more\n  ~~~\n'],
    ['thematic breaks', '---\ntext\n\n* * *\n___\n'],
    ['a lazy continuation line', '- item\ncontinued\n  - nested\nlazy too\n'],
    ['strong labels', '**Morning (2 hours)**:\n- Read: `02_system_design.md` - Framework\n**Deliverable**: done\n'],
    ['emphasis of every kind', '*a* _b_ **c** __d__ ***e*** a*b*c snake_case_name **a *b* c** *a **b** c* 2 * 3 **unclosed\n'],
    ['emoji and punctuation around runs', '🔥**Label**: x **"quoted"** ("**in parens**")\n'],
    ['code spans', 'a `b` ``c`d`` ` e ` `` ` `` `unclosed and `multi\nline`\n'],
    ['links', '[DDIA](https://dataintensive.net) [a `b]` c](http://x.y/(z)) [not a link] [x]: no\n'],
    ['escapes and plain HTML', 'Span<T> and Memory<T>, a \\[b\\] c \\* d\\\ne </b> 1 < 2\n'],
    ['entities-looking text that is not one', 'Q&A, R & D, AT&T;\n'],
    // Found by review: each of these once gave a tree remark does not.
    ['an item numbered 01 after a paragraph: text', 'a\n01. b\n- c\n  01. d\n'],
    ['emphasis at the edges of link text', '[**Note:*](u) [_.__](u) [*a.**](u)\n'],
    // Block quotes of paragraphs: what an imported plan keeps of its source's header, and ordinary quotes.
    ['a quoted header with hard breaks', '# Plan\n\n> **Target**: Staff engineer  \n> **Duration**: 6 weeks (42 days)  \n> **Time**: 3-4 hours/day\n\n## Week 1\n'],
    ['quoted paragraphs apart, a quote without its space, an indented one', '> one\n>\n>two\n>   three\n\n   > four\n>\n'],
    ['a quote that interrupts a paragraph, and lists either side of one', 'text\n> quoted\n- a\n\n> b\n- c\n'],
    ['lazy lines of a quoted paragraph', '> a\nlazy\n    indented lazy\n--\n==\n> b\n'],
    ['what ends a quote: a blank line, a list, a heading, a break', '> a\n\n> b\n- c\n> d\n# e\n> f\n---\n> g\n1. h\n'],
    ['an empty quote, and code spans across quoted lines', '>\n\n> \n\n> `a\n>   b` [c](u)\n'],
  ])('%s', (_name, text) => {
    expect(quick(text)).toEqual(remark(text));
  });

  it.each([
    ['a block quote inside a list item', '- a\n  > quoted\n'],
    ['a list inside a block quote', '> - a\n'],
    ['a heading inside a block quote', '> # a\n'],
    ['a quote inside a quote', '> > a\n'],
    ['a fence inside a block quote', '> ```\n> a\n> ```\n'],
    ['a setext underline inside a block quote', '> a\n> --\n'],
    ['a code span across a lazy line', '> `a\nb`\n'],
    ['indented code', '    code\n'],
    ['a setext heading', 'Title\n=====\n'],
    ['an HTML block', '<div>\nx\n</div>\n'],
    ['a reference link', '[a][b]\n\n[b]: http://x\n'],
    ['an image', '![alt](a.png)\n'],
    ['an entity', 'a &amp; b\n'],
    ['a tab', '-\tx\n'],
    ['a link with a title', '[a](http://x "t")\n'],
    ['an unclosed fence', '```\ncode\n'],
    ['a link reference definition whose label wraps', '[a\nb]: /u\n'],
    ['parentheses nested 32 deep in a link', `[a](${'('.repeat(33)}x${')'.repeat(33)})\n`],
  ])('leaves %s to remark', (_name, text) => {
    expect(quickTree(text)).toBeUndefined();
  });

  it('reads every shipped curriculum itself, as remark would', () => {
    for (const name of readdirSync(CURRICULA).filter((f) => f.endsWith('.md'))) {
      const { body } = readFrontMatter(normalizeNewlines(readFileSync(join(CURRICULA, name), 'utf8')));
      expect(quick(body), name).toBeDefined();
      expect(quick(body), name).toEqual(remark(body));
    }
  });

  it('gives every shipped curriculum and curriculum fixture the same plan and problems as remark', () => {
    const files = [
      ...readdirSync(CURRICULA).filter((f) => f.endsWith('.md')).map((f) => join(CURRICULA, f)),
      ...readdirSync(join(FIXTURES, 'curricula')).map((f) => join(FIXTURES, 'curricula', f)),
    ];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(parseCurriculum(text), file).toEqual(parseCurriculum(text, remarkTree));
    }
  });

  it('reads the test fixtures and the seeds as remark does, where it reads them at all', () => {
    let read = 0;
    for (const dir of ['curricula', 'import', 'seeds']) {
      for (const name of readdirSync(join(FIXTURES, dir))) {
        const { body } = readFrontMatter(normalizeNewlines(readFileSync(join(FIXTURES, dir, name), 'utf8')));
        const tree = quick(body);
        if (tree === undefined) continue;
        read++;
        expect(tree, `${dir}/${name}`).toEqual(remark(body));
      }
    }
    expect(read).toBeGreaterThan(15);
  });

  // Lines built from the pieces plans are made of, and from the ones that trip Markdown readers up.
  const PREFIXES = ['', '', '', ' ', '  ', '   ', '    ', '      ', '- ', '* ', '+ ', '1. ', '2) ', '10. ', '1.  ', '-   ', '  - ', '    - ', '     - ', '  1. ', '# ', '## ', '### ', '  #', '```', '~~~', '  ```', '   ~~~', '---', '***', '> ', '> ', '> ', '>', '>  ', '   > ', '    > ', '> > ', '> - ', '>     ', '> # ', '=', '-', '[x]: /u', '<div>', '-', '1.'];
  const PIECES = ['foo', 'Day 3', 'bar baz', ' ', '  ', '.', ',', ':', '(', ')', '-', '!', '"', '*', '**', '***', '_', '__', '`', '``', '[', ']', '](http://x.y/z)', '[a](u)', '[`c`](http://a.b/(c))', '<T>', '</b>', '<', '>', '\\', '\\*', '\\_', '&', '&amp;', '🔥', '\u00a0', '#', 'a_b', '_a_', '**b**', '*c*', '~', '“', '—', '1.', '- ', '``a`b``', '<br>', '< 5', '](', 'Day 1: x', '{#id}', '[ ]', '[x] '];
  const line = fc.tuple(fc.constantFrom(...PREFIXES), fc.array(fc.constantFrom(...PIECES), { maxLength: 6 })).map(([prefix, pieces]) => prefix + pieces.join(''));
  const documents = fc.array(line, { maxLength: 12 }).map((lines) => `${lines.join('\n')}\n`);

  it('gives remark’s tree for any document it reads (fast-check)', () => {
    let read = 0;
    let quoted = 0;
    fc.assert(
      fc.property(documents, (text) => {
        const tree = quickTree(text);
        if (tree === undefined) return;
        read++;
        if (tree.children.some((node) => node.type === 'blockquote')) quoted++;
        expect(project(tree)).toEqual(remark(text));
      }),
      { numRuns: Number(process.env.QUICK_MARKDOWN_RUNS ?? 4000) },
    );
    // The property says nothing about documents it never reads, nor about quotes it never reads.
    expect(read).toBeGreaterThan(800);
    expect(quoted).toBeGreaterThan(100);
  });
});
