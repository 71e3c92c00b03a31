import { describe, expect, it } from 'vitest';
import { matchSpanHeading, parseCurriculum } from '../../src/curriculum/parse.js';
import { curriculum } from '../helpers.js';

function parsed(body: string, front?: string) {
  const result = parseCurriculum(curriculum(body, front));
  return { ...result, errors: result.problems.filter((p) => p.severity === 'error') };
}

describe('matchSpanHeading', () => {
  it.each([
    ['Day 5', { kind: 'day', from: 5, to: 5, title: '' }],
    ['Day 1: System Design Framework', { kind: 'day', from: 1, to: 1, title: 'System Design Framework' }],
    ['Day 1 (Feb 2): System Design Fundamentals', { kind: 'day', from: 1, to: 1, title: 'System Design Fundamentals' }],
    ['Day 4 — Caching', { kind: 'day', from: 4, to: 4, title: 'Caching' }],
    ['Days 29-35: Intensive practice', { kind: 'range', from: 29, to: 35, title: 'Intensive practice' }],
    ['Day 29-35: Intensive Practice', { kind: 'range', from: 29, to: 35, title: 'Intensive Practice' }],
    ['Days 1–7: Principles', { kind: 'range', from: 1, to: 7, title: 'Principles' }],
    ['Days 8 to 14', { kind: 'range', from: 8, to: 14, title: '' }],
    ['Week 2: Consistency trade-offs', { kind: 'week', from: 8, to: 14, title: 'Consistency trade-offs' }],
    ['🧠 Week 1', { kind: 'week', from: 1, to: 7, title: '' }],
    ['Week 1-2', undefined],
    ['Phase 1: Foundations (Days 1-30)', undefined],
    ['Daily Study Resources', undefined],
    ['Dayton 5', undefined],
  ])('%j', (text, expected) => {
    expect(matchSpanHeading(text)).toEqual(expected);
  });
});

describe('parseCurriculum: days, sections, deliverables', () => {
  const body = `
Intro prose.

## Week 1: Foundation

### Day 1: Framework

**Morning (2 hours)**:
- Read \`02_system_design.md\` - framework section
- Study: [the 6-step process](https://example.com/six)
  - Clarify → Design → Scale

**Evening (1 hour)**

- Review your notes

**Deliverable**: framework memorized

### Day 2: Scaling
- Practice: design for 10x
Some notes about the day.

### Day 3: Rest
`;
  const { plan, errors } = parsed(body);

  it('parses without errors', () => {
    expect(errors).toEqual([]);
  });

  it('reads days with their group, tasks, sections and deliverable', () => {
    const [day1, day2, day3] = plan!.spans;
    expect(day1).toMatchObject({ kind: 'day', from: 1, to: 1, title: 'Framework', group: 'Week 1: Foundation', deliverable: 'framework memorized' });
    expect(day1!.tasks.map((t) => [t.section, t.text])).toEqual([
      ['Morning (2 hours)', 'Read `02_system_design.md` - framework section'],
      ['Morning (2 hours)', 'Study: the 6-step process'],
      ['Evening (1 hour)', 'Review your notes'],
    ]);
    expect(day1!.tasks[1]!.details).toEqual(['Clarify → Design → Scale']);
    expect(day1!.tasks[1]!.links).toEqual([{ text: 'the 6-step process', url: 'https://example.com/six' }]);
    expect(day2!.notes).toEqual([]);
    expect(day2!.tasks[0]!.text).toBe('Practice: design for 10x Some notes about the day.');
    expect(day3).toMatchObject({ kind: 'rest', title: 'Rest', tasks: [] });
  });

  it('keeps the intro and the group', () => {
    expect(plan!.intro).toBe('Intro prose.');
    expect(plan!.groups).toEqual([{ title: 'Week 1: Foundation', notes: [], line: 9 }]);
  });

  it('gives task ids from the span and the task words', () => {
    expect(plan!.spans[0]!.tasks.map((t) => t.id)).toEqual([
      'd1.read-02-system-design-md-framework-section',
      'd1.study-the-6-step-process',
      'd1.review-your-notes',
    ]);
  });
});

describe('parseCurriculum: ranges, week-level spans and rest days', () => {
  it('marks `Day N:` items of a range as due on that day only', () => {
    const { plan, errors } = parsed('### Days 1-3: Practice\n- Daily drill\n\n**Focus**\n- Day 2: caching\n- Day 3: queues\n');
    expect(errors).toEqual([]);
    const tasks = plan!.spans[0]!.tasks;
    expect(tasks.map((t) => [t.text, t.onlyDay, t.section])).toEqual([
      ['Daily drill', undefined, undefined],
      ['caching', 2, 'Focus'],
      ['queues', 3, 'Focus'],
    ]);
  });

  it('reads `Day 1-2: …` inside a range as an ordinary task, not a one-day one', () => {
    const { plan } = parsed('### Days 1-3: Practice\n- Day 1-2: read chapter one\n- Day 3 — wrap up\n');
    expect(plan!.spans[0]!.tasks.map((t) => [t.text, t.onlyDay])).toEqual([
      ['Day 1-2: read chapter one', undefined],
      ['wrap up', 3],
    ]);
  });

  it('reports a `Day N:` item outside its range', () => {
    const { errors } = parsed('### Days 1-3: Practice\n- Day 9: caching\n');
    expect(errors.map((e) => [e.line, e.message])).toEqual([[7, 'Day 9 is outside its range, Days 1-3']]);
  });

  it('reads a Week heading with tasks of its own as a week-level span', () => {
    const { plan, errors } = parsed('## Week 1: Basics\n- Read DDIA ch. 1-3\n\n## Week 2: More\n- Design a doc editor\n', 'id: t\ntitle: T\ndays: 14');
    expect(errors).toEqual([]);
    expect(plan!.spans.map((s) => [s.kind, s.from, s.to, s.title, s.tasks.length])).toEqual([
      ['week', 1, 7, 'Basics', 1],
      ['week', 8, 14, 'More', 1],
    ]);
    expect(plan!.spans[1]!.tasks[0]!.id).toBe('w2.design-a-doc-editor');
  });

  it('reads a Week heading with day headings under it as a group, and warns about its own list', () => {
    const { plan, problems } = parsed('## Week 1: Basics\n- stray task\n\n### Days 1-3: Drill\n- drill\n');
    expect(plan!.spans[0]!.group).toBe('Week 1: Basics');
    expect(problems.filter((p) => /not scheduled/.test(p.message))).toEqual([expect.objectContaining({ severity: 'warning', line: 7 })]);
  });

  it('takes rest days from front matter', () => {
    const { plan, errors } = parsed('### Days 1-2: Work\n- work\n', 'id: t\ntitle: T\ndays: 3\nrest: [3]');
    expect(errors).toEqual([]);
    expect(plan!.rest).toEqual([3]);
  });
});

describe('parseCurriculum: checklist, notes and the document title', () => {
  const body = `# My big plan

Welcome.

### Day 1
- task one

### Days 2-3
- task two

## Resources
- **DDIA**: Martin Kleppmann

### Videos
- talks

## Final Checklist
Before interviews:
- [ ] Apply the framework
- [x] Design for 10M users
1. Explain CAP
`;
  const { plan, errors } = parsed(body);

  it('treats a lone shallowest first heading as the title, part of the intro', () => {
    expect(errors).toEqual([]);
    expect(plan!.intro).toBe('# My big plan\n\nWelcome.');
    expect(plan!.groups).toEqual([]);
  });

  it('reads the checklist with checkboxes stripped', () => {
    expect(plan!.checklist.map((c) => [c.n, c.text])).toEqual([
      [1, 'Apply the framework'],
      [2, 'Design for 10M users'],
      [3, 'Explain CAP'],
    ]);
    expect(plan!.checklist[0]!.id).toBe('c.apply-the-framework');
  });

  it('keeps sections that schedule nothing, with their sub-headings', () => {
    expect(plan!.sections.map((s) => [s.title, s.markdown])).toEqual([
      ['Resources', '- **DDIA**: Martin Kleppmann\n\n### Videos\n\n- talks'],
      ['Final Checklist', 'Before interviews:'],
    ]);
  });
});

describe('parseCurriculum: stable task ids', () => {
  const ids = (body: string) => new Map(parsed(body).plan!.spans.flatMap((s) => s.tasks.map((t) => [t.text, t.id])));
  const original = '### Day 1\n- Read chapter one\n- Write a summary\n- Review notes\n\n### Days 2-3\n- Practice\n';

  it('keeps ids when tasks are reordered or a task is inserted', () => {
    const before = ids(original);
    const after = ids('### Day 1\n- A brand new task\n- Review notes\n- Write a summary\n- Read chapter one\n\n### Days 2-3\n- Practice\n');
    for (const [text, id] of before) expect(after.get(text)).toBe(id);
  });

  it('disambiguates two tasks with the same words and honours explicit ids', () => {
    const { plan, errors } = parsed('### Day 1\n- Review\n- Review\n- Read DDIA {#ddia}\n\n### Days 2-3\n- x\n');
    expect(errors).toEqual([]);
    expect(plan!.spans[0]!.tasks.map((t) => [t.id, t.text])).toEqual([
      ['d1.review', 'Review'],
      ['d1.review-2', 'Review'],
      ['ddia', 'Read DDIA'],
    ]);
  });

  it('reports duplicate explicit ids', () => {
    const { errors } = parsed('### Day 1\n- one {#same}\n\n### Days 2-3\n- two {#same}\n');
    expect(errors.map((e) => [e.line, e.message])).toEqual([[10, 'duplicate task id `same` (also on line 7)']]);
  });
});

describe('parseCurriculum: hostile text', () => {
  it('strips terminal escape sequences and control characters from task text', () => {
    const { plan } = parsed('### Days 1-3\n- \u001b]0;pwned\u0007Read \u001b[31mthis\u001b[0m\n');
    const text = plan!.spans[0]!.tasks[0]!.text;
    expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(text).toBe(']0;pwnedRead [31mthis[0m');
  });

  it('strips control characters and bidi overrides from a link destination in <…>, which may hold them', () => {
    const { plan } = parsed('### Days 1-3\n- Read [it](<https://example.com/a\u001b]52;c;eA==\u0007\u001b[2J\u202Eb\u009b2J>)\n- See [](<\u001b[2J>)\n');
    expect(plan!.spans[0]!.tasks.map((task) => task.links)).toEqual([[{ text: 'it', url: 'https://example.com/a]52;c;eA==[2Jb2J' }], [{ text: '[2J', url: '[2J' }]]);
  });

  it('reads CRLF files with the same line numbers as LF files', () => {
    const lf = curriculum('### Day 1\n- one\n\n### Day 9\n- nine\n');
    const crlf = parseCurriculum(lf.replace(/\n/g, '\r\n'));
    expect(crlf.problems).toEqual(parseCurriculum(lf).problems);
    expect(crlf.problems.find((p) => p.severity === 'error')).toMatchObject({ line: 9, message: expect.stringContaining('Day 9 is outside the plan') });
  });
});
