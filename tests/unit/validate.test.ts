// Front matter and whole-plan validation: every problem with its line, from fixtures and inline text.
import { describe, expect, it } from 'vitest';
import { parseCurriculum } from '../../src/curriculum/parse.js';
import { curriculum, fixture } from '../helpers.js';

const problemsOf = (text: string) => parseCurriculum(text).problems.map((p) => `${p.line}:${p.col} ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`);
const errorsOf = (text: string) => parseCurriculum(text).problems.filter((p) => p.severity === 'error').map((p) => `${p.line}:${p.col} ${p.message}`);

describe('front matter', () => {
  it.each([
    ['no front matter', '### Day 1\n- x\n', ['1:1 missing front matter: start the file with a `---` line, then `id:`, `title:` and `days:`, then `---`']],
    ['unterminated', fixture('curricula', 'unterminated.md'), ['1:1 unterminated front matter: no closing `---` line after line 1']],
    ['---js', fixture('curricula', 'js-front-matter.md'), ['1:4 front matter in `js` is not allowed: only YAML (a plain `---` line) is read, and nothing in it is run']],
    ['--- JS with a space', '--- JS\n{}\n---\n', ['1:4 front matter in `JS` is not allowed: only YAML (a plain `---` line) is read, and nothing in it is run']],
    ['---javascript', '---javascript\n{}\n---\n', ['1:4 front matter in `javascript` is not allowed: only YAML (a plain `---` line) is read, and nothing in it is run']],
    ['a YAML syntax error, with its line', fixture('curricula', 'bad-yaml.md'), ['5:1 YAML error in front matter: unexpected end of the stream within a double quoted scalar']],
    ['a list instead of a mapping', '---\n- a\n- b\n---\n', ['2:1 front matter must be a mapping of keys (`id:`, `title:`, `days:`)']],
  ])('%s', (_name, text, expected) => {
    expect(errorsOf(text)).toEqual(expected);
  });

  it('names each bad field on its own line, with a suggestion for a misspelt key', () => {
    expect(errorsOf(fixture('curricula', 'bad-fields.md'))).toEqual([
      '2:1 `id` must be lowercase kebab-case (letters, digits, dashes), such as `my-plan`; got "Bad_Id"',
      '3:1 `title` must be non-empty text',
      '4:1 `days` must be a whole number from 1 to 3660; got 0',
      '5:1 unknown front matter key `dayz` (did you mean `days`?); known keys: id, title, days, summary, rest, hours, starts-on, author, source',
    ]);
  });

  it('asks for each missing required field', () => {
    expect(errorsOf('---\nsummary: only this\n---\n')).toEqual([
      '1:1 front matter needs `id:`, a lowercase kebab-case name such as `my-plan`',
      '1:1 front matter needs `title:`',
      '1:1 front matter needs `days:`, the length of the plan in days',
    ]);
  });

  it('keeps dates as strings: the core schema, not YAML 1.1 timestamps', () => {
    const { plan } = parseCurriculum(curriculum('### Days 1-3\n- x\n', 'id: t\ntitle: 2024-03-10\ndays: 3\nsummary: 2024-03-10'));
    expect(plan?.title).toBe('2024-03-10');
    expect(plan?.summary).toBe('2024-03-10');
  });

  it('survives an alias bomb: aliases are shared, never expanded, and a bad field is still named', () => {
    // Ten levels of nine aliases each: a billion leaves if anything expanded them.
    const levels = ['  a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i <= 9; i++) {
      const name = String.fromCharCode(97 + i);
      levels.push(`  ${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    }
    const started = performance.now();
    const errors = errorsOf(`---\nid: t\ntitle: T\ndays: 1\nsource:\n${levels.join('\n')}\nrest: *j\n---\n### Day 1\n- x\n`);
    expect(errors).toEqual(['16:1 `rest` must be a list of day numbers, such as `rest: [7, 14]`']);
    expect(performance.now() - started).toBeLessThan(5_000); // a generous bound: expansion would never finish
  });

  it('cleans the title and summary: no control character or bidi override reaches a plan', () => {
    const { plan } = parseCurriculum(curriculum('### Days 1-3\n- x\n', 'id: t\ntitle: "\\e]52;c;eA==\\a\\e[2JT \\u202Eitle\\x9b"\ndays: 3\nsummary: "\\e[31mred\\e[0m \\u2066s\\u2069"'));
    expect(plan?.title).toBe(']52;c;eA==[2JT itle');
    expect(plan?.summary).toBe('[31mred[0m s');
  });

  it('cleans what a problem quotes from the front matter: keys and values', () => {
    const messages = errorsOf('---\n"k\\e[2J\\u202E": 1\nid: "\\u202Ebad\\x9b"\ntitle: T\ndays: "\\u2066x"\n---\n').join('\n');
    expect(messages).toContain('unknown front matter key `k[2J`');
    expect(messages).toContain('got "bad"');
    expect(messages).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it('rejects a duplicate key with its line', () => {
    expect(errorsOf('---\nid: t\ntitle: T\ndays: 3\ndays: 4\n---\n')).toEqual(['5:1 YAML error in front matter: duplicated mapping key']);
  });
});

describe('schedule coverage', () => {
  it('reports each gap once, at the heading after it', () => {
    expect(errorsOf(fixture('curricula', 'gap.md'))).toEqual(['12:1 days 5-6 are not scheduled: add a `### Day N` heading, or list rest days in `rest:`']);
  });

  it('reports an overlap once per pair of headings, with the days they share', () => {
    expect(errorsOf(fixture('curricula', 'overlap.md'))).toEqual(['9:1 Day 4 overlaps Days 1-5 (line 6) on day 4: each day may be scheduled once']);
  });

  it.each([
    ['a day beyond `days`', '### Days 1-3\n- x\n\n### Day 4\n- y\n', ['9:1 Day 4 is outside the plan: days run from 1 to 3 (`days:` on line 4)']],
    ['a day with no tasks', '### Day 1\n- x\n\n### Day 2: Practice\n\n### Day 3\n- z\n', ['9:1 Day 2 has no tasks: add a list of tasks, or make it a rest day (a title with "Rest", or `rest: [2]`)']],
    ['missing days at the end', '### Day 1\n- x\n', ['4:1 days 2-3 are not scheduled: add a `### Day N` heading, or list rest days in `rest:`']],
    ['a backwards range', '### Days 3-1\n- x\n', ['6:1 Days 3-1: a range must run from the lower day to the higher', '6:1 days 1-3 are not scheduled: add a `### Day N` heading, or list rest days in `rest:`'].sort()],
  ])('%s', (_name, body, expected) => {
    expect(errorsOf(curriculum(body)).sort()).toEqual(expected);
  });

  it('counts front-matter rest days, and reports one that clashes with a heading', () => {
    expect(errorsOf(curriculum('### Days 1-2\n- x\n', 'id: t\ntitle: T\ndays: 3\nrest: [3]'))).toEqual([]);
    expect(errorsOf(curriculum('### Days 1-3\n- x\n', 'id: t\ntitle: T\ndays: 3\nrest: [3, 9]'))).toEqual([
      '5:1 rest day 3 in front matter overlaps Days 1-3 (line 7) on day 3: each day may be scheduled once',
      '5:1 rest day 9 is outside the plan: days run from 1 to 3',
    ]);
  });

  it('warns, without failing, when there is no final checklist', () => {
    expect(problemsOf(curriculum('### Days 1-3\n- x\n'))).toEqual(['1:1 warning: no final checklist: add a `## Final Checklist` heading with a list of items']);
  });

  it('passes a well-formed week-level plan with no problems at all', () => {
    expect(problemsOf(fixture('curricula', 'week-plan.md'))).toEqual([]);
  });
});
