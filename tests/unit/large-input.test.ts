// Files as large as the 2 MB limit allows, full of duplicates: right results (unique, stable ids)
// and no stack overflow. How long they take is for `npm run bench`, not for a test to assert.
import { describe, expect, it } from 'vitest';
import { MAX_HEADINGS, MAX_LIST_ITEMS } from '../../src/curriculum/limits.js';
import { parseCurriculum } from '../../src/curriculum/parse.js';
import { importPlan } from '../../src/import/import.js';
import { UsageError } from '../../src/errors.js';
import { curriculum } from '../helpers.js';

describe('duplicates in a large curriculum', () => {
  it('gives 20 000 identical tasks (the most a plan may have) unique ids, numbered in file order', () => {
    const { plan, problems } = parseCurriculum(curriculum(`### Day 1\n${'- Read\n'.repeat(MAX_LIST_ITEMS)}`, 'id: t\ntitle: T\ndays: 1'));
    const ids = plan!.spans[0]!.tasks.map((t) => t.id);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(ids).toHaveLength(20_000);
    expect(new Set(ids).size).toBe(20_000);
    expect(ids.slice(0, 3)).toEqual(['d1.read', 'd1.read-2', 'd1.read-3']);
    expect(ids.at(-1)).toBe('d1.read-20000');
  });

  it.each([
    ['list items', `### Day 1\n${'- Read\n'.repeat(MAX_LIST_ITEMS + 1)}`, MAX_LIST_ITEMS + 7, 'more than 20,000 list items'],
    ['headings', '### Day 1\n- a\n'.repeat(MAX_HEADINGS + 1), 2 * MAX_HEADINGS + 6, 'more than 10,000 headings'],
    ['list items up to the 2 MB limit', `### Day 1\n${'- a\n'.repeat(500_000)}`, MAX_LIST_ITEMS + 7, 'more than 20,000 list items'],
  ])('refuses more %s than a plan may have, naming the line, before reading the Markdown', (_what, body, line, message) => {
    const { plan, problems } = parseCurriculum(curriculum(body, 'id: t\ntitle: T\ndays: 1'));
    expect(plan).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', line, message: expect.stringContaining(message) })]);
  });

  it('skips an id a task already took explicitly, as before', () => {
    const { plan } = parseCurriculum(curriculum('### Day 1\n- Read\n- Read\n- Other {#d1.read-3}\n- Read\n', 'id: t\ntitle: T\ndays: 1'));
    expect(plan!.spans[0]!.tasks.map((t) => t.id)).toEqual(['d1.read', 'd1.read-2', 'd1.read-3', 'd1.read-4']);
  });

  it('gives 19 999 identical checklist items unique ids', () => {
    const { plan } = parseCurriculum(curriculum(`### Day 1\n- t\n## Final Checklist\n${'- [ ] Ready\n'.repeat(19_999)}`, 'id: t\ntitle: T\ndays: 1'));
    const ids = plan!.checklist.map((c) => c.id);
    expect(new Set(ids).size).toBe(19_999);
    expect([ids[0], ids[1], ids.at(-1)]).toEqual(['c.ready', 'c.ready-2', 'c.ready-19999']);
  });

  it('reports 10 000 repeated day headings as overlaps, without overflowing the stack', () => {
    const { plan, problems } = parseCurriculum(curriculum('### Day 1\n- a\n'.repeat(MAX_HEADINGS), 'id: t\ntitle: T\ndays: 1'));
    expect(problems.filter((p) => /overlaps Day 1/.test(p.message))).toHaveLength(9_999);
    const ids = plan!.spans.map((s) => s.tasks[0]!.id);
    expect(new Set(ids).size).toBe(10_000);
    expect(ids.at(-1)).toBe('d1.a-10000');
  });
});

describe('plan import of a large input', () => {
  const weekdays = (count: number) => Array.from({ length: count }, (_, i) => `## ${['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][i % 7]}\n- study\n`).join('\n');

  it('refuses 21 000 weekday blocks (3 000 weeks) as more days than a plan may have', () => {
    expect(() => importPlan(`# Plan\n\n${weekdays(21_000)}`, { sourceName: 'big.md' })).toThrow(UsageError);
    expect(() => importPlan(`# Plan\n\n${weekdays(21_000)}`, { sourceName: 'big.md' })).toThrow('big.md schedules 21000 days; a plan may have at most 3660');
  });

  it('refuses an input that would make a plan of more tasks than a plan may have', () => {
    const days = Array.from({ length: 3_000 }, (_, i) => `Day ${i + 1}: topic\n${'- task\n'.repeat(8)}`).join('\n');
    expect(() => importPlan(`# Plan\n\n${days}`, { sourceName: 'big.txt' })).toThrow('big.txt would make a plan with more than 20,000 list items');
  });

  it.each([
    ['one day of 200 000 tasks', `Day 1: all of it\n${'- a task\n'.repeat(200_000)}`],
    ['74 000 repeats of one range, merged into it', Array.from({ length: 74_000 }, (_, i) => `- Days 1-3660: study ${i}\n`).join('')],
  ])('refuses %s as more tasks than a plan may have, without overflowing the stack', (_what, text) => {
    expect(() => importPlan(text, { sourceName: 'big.md' })).toThrow('big.md would make a plan with more than 20,000 list items');
  });

  it('keeps a code block of 150 000 lines, without overflowing the stack', () => {
    const { markdown } = importPlan(`# Plan\n\n\`\`\`\n${'x = 1\n'.repeat(150_000)}\`\`\`\n\n## Day 1\n- study\n`);
    expect(markdown.split('\n').filter((l) => l === 'x = 1')).toHaveLength(150_000);
  });

  it('imports 3 640 weekday blocks, one day each', () => {
    const { report } = importPlan(`# Plan\n\n${weekdays(3_640)}`, { sourceName: 'big.md' });
    expect(report.days).toBe(3_640);
    expect(report.tasks).toBe(3_640);
  });
});
