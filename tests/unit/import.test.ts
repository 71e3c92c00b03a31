// The importer, shape by shape: each fixture in tests/fixtures/import is imported, parsed by the real
// parser (no errors allowed) and checked day by day: task texts, sections, groups, checklist, rest days.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planEffort } from '../../src/curriculum/effort.js';
import { parseCurriculum } from '../../src/curriculum/parse.js';
import type { Plan } from '../../src/curriculum/types.js';
import { importPlan, type ImportOptions } from '../../src/import/import.js';
import { matchEntry, splitLabel } from '../../src/import/lines.js';
import { weekdayOfDayOne } from '../../src/import/weekdays.js';
import { planDays } from '../../src/schedule/plan-days.js';
import { UsageError } from '../../src/errors.js';
import { FIXTURES } from '../helpers.js';

const raw = (name: string) => readFileSync(join(FIXTURES, 'import', name), 'utf8');

function imported(name: string, options: ImportOptions = {}) {
  const result = importPlan(raw(name), { sourceName: name, ...options });
  const { plan, problems } = parseCurriculum(result.markdown);
  expect(problems.filter((p) => p.severity === 'error'), result.markdown).toEqual([]);
  return { ...result, plan: plan! };
}

/** Each day as `[kind, title, tasks]`, a task written `Section > text` when it has a section. */
function days(plan: Plan) {
  return planDays(plan).map((d) => [d.kind, d.title, d.tasks.map((t) => (t.section ? `${t.section} > ${t.text}` : t.text))]);
}

describe('importPlan: one fixture per shape', () => {
  it.each([
    {
      name: 'heading-days.md',
      shape: '### Day N headings in ## Week groups, bold time-block labels, a deliverable, numbered tasks',
      days: [
        ['day', 'Caching', ['Morning (2 hours) > Read the caching chapter', 'Morning (2 hours) > Sketch a cache for the shop', 'Evening (1 hour) > Review your notes']],
        ['day', 'Queues', ['Read about queues', 'Build a toy queue']],
      ],
      groups: ['Week 1: Basics'],
    },
    {
      name: 'bold-ranges.md',
      shape: 'bold list items naming days and ranges, nested under phase lines',
      days: [
        ['range', 'Principles', ['30 min theory', '30 min practice']],
        ['range', 'Principles', ['30 min theory', '30 min practice']],
        ['range', 'Principles', ['30 min theory', '30 min practice']],
        ['day', 'Review the week and write a summary', ['Review the week and write a summary']],
        ['range', 'Mock interviews (two a day, recorded)', ['Mock interviews (two a day, recorded)']],
        ['range', 'Mock interviews (two a day, recorded)', ['Mock interviews (two a day, recorded)']],
      ],
      groups: ['Phase 1: Foundations (Days 1-4)', 'Phase 2: Practice (Days 5-6)'],
    },
    {
      name: 'plain-indented.txt',
      shape: 'plain text: Day lines, tasks indented under Morning:/Evening: (Markdown would read them as code)',
      days: [
        ['day', 'Concurrency', ['Morning > Read the Go memory model', 'Morning > Write a worker pool', 'Evening > Summarise what you learned']],
        ['day', 'Databases', ['Morning > Read about indexes', 'Evening > Benchmark a slow query']],
      ],
      title: 'Backend Refresher',
    },
    {
      name: 'dated-days.txt',
      shape: 'Day N (Feb 2): Title, the date kept in the title',
      days: [
        ['day', 'Kickoff (Feb 2)', ['Set up the repository', 'Write the README']],
        ['day', 'First feature (Feb 3)', ['Build the login page']],
      ],
    },
    {
      name: 'em-dash-days.md',
      shape: 'Day N — Title as bold lines',
      days: [
        ['day', 'Arrays', ['Two-sum', 'Sliding window']],
        ['day', 'Graphs', ['BFS', 'DFS', 'Topological sort']],
      ],
    },
    {
      name: 'weekdays.md',
      shape: 'weekday blocks in week groups: Monday … Sunday are consecutive days, Sunday: Rest a rest day',
      days: [
        ['day', 'Monday: Arrays', ['Two-sum', 'Three-sum']],
        ['day', 'Tuesday: Strings', ['Anagrams']],
        ['day', 'Wednesday: Trees', ['Traversals']],
        ['day', 'Thursday: Graphs', ['BFS']],
        ['day', 'Friday: Heaps', ['Top-k']],
        ['day', 'Saturday: Mock', ['One mock interview']],
        ['rest', 'Sunday: Rest', []],
        ['day', 'Monday: Dynamic programming', ['Knapsack', 'Coin change']],
      ],
      groups: ['Week 1', 'Week 2'],
    },
    {
      name: 'day-table.md',
      shape: 'a table with a Day column: Topic is the title, other cells (split at <br>) are tasks',
      days: [
        ['day', 'Arrays', ['Read chapter 1', 'Watch the lecture', 'Practice: Two-sum']],
        ['day', 'Lists', ['Read chapter 2', 'Practice: Reverse a list']],
        ['rest', 'Rest', []],
      ],
    },
    {
      name: 'time-blocks.txt',
      shape: 'time-block labels: a bare 5:00–7:00 line and Morning (…): are sections; a timed task keeps its time',
      days: [
        ['day', 'Systems', ['5:00–7:00 > Read chapter 1', '5:00–7:00 > Take notes', 'Evening > Review the notes']],
        ['day', 'Networks', ['Morning (5:00–10:00 am) > 5:00–7:00: Read about TCP', 'Morning (5:00–10:00 am) > 7:00–8:00: Draw the handshake', 'Evening (9:00–11:00 pm) > Quiz yourself']],
      ],
    },
    {
      name: 'rest-days.md',
      shape: 'rest days: a Rest title, a Day off title, and a day missing from the plan',
      days: [
        ['day', 'Start', ['Read the overview']],
        ['rest', 'Rest', []],
        ['rest', 'Rest (Day off)', []],
        ['rest', 'Rest', []],
        ['day', 'Practice', ['Solve two problems']],
      ],
      rest: [4],
    },
    {
      name: 'gaps.md',
      shape: 'a day missing between two days is a rest day, reported',
      days: [
        ['day', 'Start', ['Read chapter 1']],
        ['day', 'Continue', ['Read chapter 2']],
        ['rest', 'Rest', []],
        ['day', 'Finish', ['Read chapter 4']],
      ],
      rest: [3],
    },
    {
      name: 'crlf-mojibake.md',
      shape: 'CRLF line ends and double-encoded UTF-8',
      days: [
        ['day', 'Flow', ['Clarify → Design → Scale', 'Ship it 🚀']],
        ['day', 'Review', ['Review the week']],
      ],
      title: 'Mojibake — CRLF',
    },
  ])('$name: $shape', ({ name, days: expected, groups, title, rest }) => {
    const { plan, report } = imported(name);
    expect(days(plan)).toEqual(expected);
    expect(report.days).toBe(expected.length);
    expect(report.tasks).toBe(plan.spans.reduce((n, s) => n + s.tasks.length, 0));
    if (groups) expect(plan.groups.map((g) => g.title)).toEqual(groups);
    if (title) expect(plan.title).toBe(title);
    expect(plan.rest).toEqual(rest ?? []);
  });

  it('reads week-level plans: each week\'s tasks are due once; topics and goals are notes, artifacts the checklist', () => {
    const { plan, report } = imported('week-only.md');
    expect(plan.days).toBe(14);
    expect(plan.spans.map((s) => [s.kind, s.from, s.to, s.title, s.tasks.map((t) => t.text)])).toEqual([
      ['week', 1, 7, 'Foundations', ['Read DDIA chapters 1-3', 'Design a URL shortener']],
      ['week', 8, 14, 'Consistency', ['Read about consensus', 'Compare Kafka and RabbitMQ', 'Write up a trade-off']],
    ]);
    expect(plan.spans[0]!.tasks[1]!.details).toEqual(['Focus: data model']);
    expect(plan.spans[0]!.notes).toEqual(['Goal: a baseline.', 'Key Topics: Latency and throughput · CAP theorem']);
    expect(plan.checklist.map((c) => c.text)).toEqual(['2 system design diagrams', '1 communication framework doc']);
    expect(report.checklist).toBe(2);
  });

  it.each([
    ['checklist-boxes.md', '[ ] and [x] under "Final Checklist", with a nested detail', ['Resume updated', 'References ready', 'Questions for them — about the team'], 'Before you go, make sure that:'],
    ['checklist-numbered.md', 'numbered items under "Before the interview"', ['Sleep: eight hours', 'Setup: camera and microphone tested', 'Notes: one page of stories'], undefined],
    ['checklist-plain.txt', 'plain-text "Final review items:" with indented lines, one with [x]', ['Explain the framework out loud', 'Walk through one design', 'Know your stories'], undefined],
  ])('%s: a checklist of %s', (name, _shape, items, prose) => {
    const { plan, report } = imported(name);
    expect(plan.checklist.map((c) => c.text)).toEqual(items);
    expect(report.checklist).toBe(items.length);
    // The checklist ends the schedule: Day 1 keeps only its own tasks.
    expect(plan.spans.flatMap((s) => s.tasks.map((t) => t.text))).not.toContain(items[0]);
    if (prose) expect(plan.sections.find((s) => /checklist/i.test(s.title))?.markdown).toContain(prose);
  });

  // A plain-text plan whose days have lists reads as Markdown; its checklist used to go above Day 1, into the intro.
  const plainDays = 'Day 1: Arrays\n- Read chapter 1\n- Solve two problems\n\nDay 2: Lists\n- Read chapter 2\n\n';
  it.each([
    ['Final checklist', '- Resume updated\n- Sleep well\n'],
    ['CHECKLIST', '1. Resume updated\n2. Sleep well\n'],
    ['Before the interview', '- [ ] Resume updated\n- [ ] Sleep well\n'],
    ['Final Checklist', '* Resume updated\n\n* Sleep well\n'],
  ])('reads a list under a bare "%s" line after the last day as the checklist', (title, list) => {
    const { markdown, report } = importPlan(`${plainDays}${title}\n${list}`, { sourceName: 'plan.txt' });
    const plan = parseCurriculum(markdown).plan!;
    expect(plan.checklist.map((c) => c.text)).toEqual(['Resume updated', 'Sleep well']);
    expect(report).toMatchObject({ checklist: 2, title: 'plan' });
    expect(plan.intro).toBe('');
    expect(days(plan)).toEqual([
      ['day', 'Arrays', ['Read chapter 1', 'Solve two problems']],
      ['day', 'Lists', ['Read chapter 2']],
    ]);
  });

  it('keeps a bare checklist-like line before the days, or with no list under it, where it was', () => {
    const before = parseCurriculum(importPlan(`Before the interview\n- Ask for the format\n\n${plainDays}`).markdown).plan!;
    expect(before.checklist).toEqual([]);
    expect(before.intro).toContain('Ask for the format');
    const bare = parseCurriculum(importPlan(`${plainDays}Final checklist\nRead it all again.\n`).markdown).plan!;
    expect(bare.checklist).toEqual([]);
  });

  it('keeps the weekday in the title of a day whose line is its only task', () => {
    const { markdown } = importPlan('Week 1\nMonday: Arrays\n  Two-sum\nSaturday: project – build a small queue service\nSunday: rest\n');
    expect(days(parseCurriculum(markdown).plan!)).toEqual([
      ['day', 'Monday: Arrays', ['Two-sum']],
      ['rest', 'Rest', []],
      ['rest', 'Rest', []],
      ['rest', 'Rest', []],
      ['rest', 'Rest', []],
      ['day', 'Saturday: project – build a small queue service', ['project – build a small queue service']],
      ['rest', 'Sunday: rest', []],
    ]);
  });

  it('writes `starts-on` for a plan written by weekday, so its weekend days stay on weekends', () => {
    const weekly = importPlan(raw('weekdays.md'));
    expect(weekly.markdown).toContain('\nstarts-on: monday\n');
    const plan = parseCurriculum(weekly.markdown).plan!;
    expect(plan.startsOn).toBe(0);
    expect(planEffort(plan).days.filter((d) => d.weekend).map((d) => d.day)).toEqual([6, 7]); // of its 8 days
    // A plan whose first block is a Wednesday starts on one.
    expect(parseCurriculum(importPlan('## Wednesday\n- a\n## Thursday\n- b\n## Saturday\n- c\n').markdown).plan!.startsOn).toBe(2);
  });

  it('writes no `starts-on` for numbered days, nor for weekdays that disagree', () => {
    expect(importPlan(raw('heading-days.md')).markdown).not.toContain('starts-on');
    // Day 1 is named a Monday, day 2 a Friday: no weekday fits both.
    expect(importPlan('## Day 1: Monday review\n- a\n## Day 2\n- b\n').markdown).not.toContain('starts-on');
    expect(weekdayOfDayOne([{ weekday: 'Monday', from: 1 }, { weekday: 'Friday', from: 2 }])).toBeUndefined();
    expect(weekdayOfDayOne([{ weekday: 'Saturday', from: 6 }, { weekday: '', from: 7 }, { weekday: 'Monday', from: 8 }])).toBe(0);
  });

  it('ends the curriculum with exactly one newline', () => {
    for (const name of ['heading-days.md', 'plain-indented.txt', 'checklist-boxes.md', 'day-table.md']) expect(importPlan(raw(name)).markdown, name).toMatch(/[^\n]\n$/);
    expect(importPlan('Day 1: Read\n\n\n\n').markdown).toMatch(/[^\n]\n$/);
  });

  it('keeps what it cannot schedule: intro prose, resources with their links, group notes', () => {
    const heading = imported('heading-days.md').plan;
    expect(heading.intro).toBe('A short plan to get going.');
    expect(heading.sections.map((s) => s.title)).toEqual(['Resources']);
    expect(heading.sections[0]!.markdown).toContain('[DDIA](https://dataintensive.net)');
    expect(heading.spans[0]!.deliverable).toBe('a cache design on one page');
    expect(heading.spans[0]!.tasks[0]!.details).toEqual(['cache-aside and write-through']);

    const phases = imported('bold-ranges.md').plan;
    expect(phases.groups[0]!.notes.join('\n')).toContain('**Focus:** principles and patterns');

    const plain = imported('plain-indented.txt');
    expect(plain.plan.intro).toBe('A plain-text plan written in an editor, not Markdown.');
    expect(plain.plan.sections).toEqual([expect.objectContaining({ title: 'Further Reading', markdown: '- Books:\n  - Designing Data-Intensive Applications' })]);
  });

  it('reports what it guessed, with line numbers', () => {
    expect(importPlan(raw('gaps.md')).report.unsure).toEqual([{ line: 9, text: 'Day 4: Finish', reason: 'day 3 is not in the plan: listed as rest days' }]);
    const prose = importPlan('### Day 1: Read\nChapter one, slowly.\n\n### Day 2: Write\n- A summary\n');
    expect(prose.report.unsure).toEqual([{ line: 1, text: 'Day 1: Read', reason: 'no list under it: its line was taken as tasks' }]);
    const overlap = importPlan('### Days 1-3: Basics\n- Read\n\n### Day 2: Extra\n- Practise\n');
    expect(overlap.report.unsure).toEqual([{ line: 4, text: 'Day 2: Extra', reason: 'overlaps Days 1-3 (line 1): kept in its details' }]);
    expect(parseCurriculum(overlap.markdown).plan!.spans[0]!.notes).toEqual(['Day 2: Extra', 'Practise']);
  });

  it('merges a second copy of the schedule into the first, one report line for all of it', () => {
    const text = '# Plan\n\n- **Days 1-2:** Basics (theory)\n- **Day 3:** Review\n\n## Copy\n\n- **Days 1–2:** Basics\n  - Practice\n- **Day 3:** Review\n';
    const { markdown, report } = importPlan(text);
    const plan = parseCurriculum(markdown).plan!;
    expect(plan.spans.map((s) => [s.from, s.to, s.tasks.map((t) => t.text)])).toEqual([
      [1, 2, ['Basics (theory)', 'Practice']],
      [3, 3, ['Review']],
    ]);
    expect(report.unsure).toEqual([{ line: 8, text: 'Days 1–2: Basics', reason: 'a second copy of the schedule: 2 days or ranges on lines 8-10 repeat earlier ones and were merged into them' }]);
  });

  it('renumbers: a plan from Day 0 starts at day 1; --start-day N makes the first day N and the days before it rest days', () => {
    expect(days(imported('day-zero.md').plan).map(([, title]) => title)).toEqual(['Install the tools', 'Hello world', 'Write tests']);
    const fragment = imported('dated-days.txt', { startDay: 15 });
    expect(fragment.plan.days).toBe(16);
    expect(fragment.plan.rest).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(fragment.plan.spans.map((s) => s.from)).toEqual([15, 16]);
    expect(fragment.report.unsure).toEqual([]);
    const range = importPlan('### Days 10-12: Practice\n- Mock\n**Focus**\n- Day 11: Graphs\n', { startDay: 1 });
    expect(parseCurriculum(range.markdown).plan!.spans[0]!.tasks.map((t) => [t.text, t.onlyDay])).toEqual([['Mock', undefined], ['Graphs', 2]]);
    expect(() => importPlan(raw('week-only.md'), { startDay: 3 })).toThrow(/--start-day 3 would split the plan's weeks/);
  });

  it('names the plan: --id and --title, else the file name and the first heading; YAML is quoted', () => {
    expect(imported('heading-days.md').report).toMatchObject({ id: 'heading-days', title: 'Two-Day Warm-Up' });
    const named = imported('heading-days.md', { id: 'warm-up', title: 'Warm-up: "two" days #1' });
    expect(named.plan).toMatchObject({ id: 'warm-up', title: 'Warm-up: "two" days #1' });
    expect(named.plan.intro).toContain('**Two-Day Warm-Up**'); // the heading it replaced is kept
    expect(() => importPlan('Day 1: x', { id: 'Not An Id' })).toThrow(UsageError);
  });

  it('fails with exit 2 and says what it looked for when there is no schedule', () => {
    const run = () => importPlan(raw('no-schedule.md'), { sourceName: 'no-schedule.md' });
    expect(run).toThrow(UsageError);
    expect(run).toThrow('no schedule found in no-schedule.md: looked for "Day N" headings or lines, "Days N-M" ranges, "Week N" sections with tasks, weekday names (Monday … Sunday), a table with a Day column');
  });

  it('writes text that Markdown would misread as literal text', () => {
    const { markdown } = importPlan('Day 1: Odd text\n    2024. The year it starts\n    # not a heading\n    snake_case *stars* <tag> & [brackets]\n    ends with an id {#x}\n    and again {#x}\n');
    const tasks = parseCurriculum(markdown).plan!.spans[0]!.tasks;
    // `{#id}` would pin a task id (two alike would not validate): it is kept, as code.
    expect(tasks.map((t) => t.text)).toEqual(['2024. The year it starts', '# not a heading', 'snake_case *stars* <tag> & [brackets]', 'ends with an id `{#x}`', 'and again `{#x}`']);
    expect(tasks.map((t) => t.id)).toEqual(['d1.2024-the-year-it-starts', 'd1.not-a-heading', 'd1.snake-case-stars-tag-brackets', 'd1.ends-with-an-id-x', 'd1.and-again-x']);
  });

  it('the fixture really has CRLF line ends and double-encoded UTF-8', () => {
    expect(raw('crlf-mojibake.md')).toContain('\r\n');
    expect(raw('crlf-mojibake.md')).toContain('â†’');
  });
});

describe('entries and labels', () => {
  it.each([
    ['Day 5', { kind: 'day', from: 5, to: 5, date: '', rest: '' }],
    ['**Days 1-7:** Principles', { kind: 'range', from: 1, to: 7, date: '', rest: 'Principles' }],
    ['Day 1 (Feb 2): Kickoff', { kind: 'day', from: 1, to: 1, date: 'Feb 2', rest: 'Kickoff' }],
    ['Day 3 — Graphs', { kind: 'day', from: 3, to: 3, date: '', rest: 'Graphs' }],
    ['Days 8 to 14', { kind: 'range', from: 8, to: 14, date: '', rest: '' }],
    ['Week 2 (Feb 9 – Feb 15): Patterns', { kind: 'week', from: 8, to: 14, date: 'Feb 9 – Feb 15', rest: 'Patterns' }],
    ['Tuesday: Strings', { kind: 'weekday', from: 0, to: 0, weekday: 1, date: '', rest: 'Strings' }],
    ['Week 1-2: Foundation', undefined],
    ['Phase 1: Foundations (Days 1-30)', undefined],
    ['Dayton 5', undefined],
    ['Day 1 is the hardest', undefined],
  ])('%j', (text, expected) => {
    expect(matchEntry(text)).toEqual(expected);
  });

  it.each([
    ['**Morning (2 hours)**:', { label: 'Morning (2 hours)', rest: '', form: 'bold' }],
    ['**Learning:** Partitioning', { label: 'Learning', rest: 'Partitioning', form: 'bold' }],
    ['5:00–7:00: Read the book', { label: '5:00–7:00', rest: 'Read the book', form: 'time' }],
    ['Morning (5:00–10:00 am):', { label: 'Morning (5:00–10:00 am)', rest: '', form: 'word' }],
    ['Evening: review', { label: 'Evening', rest: 'review', form: 'word' }],
    ['Read the whole chapter', undefined],
  ])('%j', (text, expected) => {
    expect(splitLabel(text)).toEqual(expected);
  });
});
