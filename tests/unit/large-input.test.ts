// Files as large as the 2 MB limit allows, full of duplicates: right results (unique, stable ids)
// and no stack overflow. How long they take is for `npm run bench`, not for a test to assert.
import { describe, expect, it } from 'vitest';
import { parseCurriculum } from '../../src/curriculum/parse.js';
import { importPlan } from '../../src/import/import.js';
import { UsageError } from '../../src/errors.js';
import { curriculum } from '../helpers.js';

describe('duplicates in a large curriculum', () => {
  it('gives 40 000 identical tasks unique ids, numbered in file order', () => {
    const { plan, problems } = parseCurriculum(curriculum(`### Day 1\n${'- Read\n'.repeat(40_000)}`, 'id: t\ntitle: T\ndays: 1'));
    const ids = plan!.spans[0]!.tasks.map((t) => t.id);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(ids).toHaveLength(40_000);
    expect(new Set(ids).size).toBe(40_000);
    expect(ids.slice(0, 3)).toEqual(['d1.read', 'd1.read-2', 'd1.read-3']);
    expect(ids.at(-1)).toBe('d1.read-40000');
  });

  it('skips an id a task already took explicitly, as before', () => {
    const { plan } = parseCurriculum(curriculum('### Day 1\n- Read\n- Read\n- Other {#d1.read-3}\n- Read\n', 'id: t\ntitle: T\ndays: 1'));
    expect(plan!.spans[0]!.tasks.map((t) => t.id)).toEqual(['d1.read', 'd1.read-2', 'd1.read-3', 'd1.read-4']);
  });

  it('gives 20 000 identical checklist items unique ids', () => {
    const { plan } = parseCurriculum(curriculum(`### Day 1\n- t\n## Final Checklist\n${'- [ ] Ready\n'.repeat(20_000)}`, 'id: t\ntitle: T\ndays: 1'));
    const ids = plan!.checklist.map((c) => c.id);
    expect(new Set(ids).size).toBe(20_000);
    expect([ids[0], ids[1], ids.at(-1)]).toEqual(['c.ready', 'c.ready-2', 'c.ready-20000']);
  });

  it('reports 150 000 repeated day headings as overlaps, without overflowing the stack', () => {
    const { plan, problems } = parseCurriculum(curriculum('### Day 1\n- a\n'.repeat(150_000), 'id: t\ntitle: T\ndays: 1'));
    expect(problems.filter((p) => /overlaps Day 1/.test(p.message))).toHaveLength(149_999);
    const ids = plan!.spans.map((s) => s.tasks[0]!.id);
    expect(new Set(ids).size).toBe(150_000);
    expect(ids.at(-1)).toBe('d1.a-150000');
  });
});

describe('plan import of a large input', () => {
  const weekdays = (count: number) => Array.from({ length: count }, (_, i) => `## ${['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][i % 7]}\n- study\n`).join('\n');

  it('refuses 21 000 weekday blocks (3 000 weeks) as more days than a plan may have', () => {
    expect(() => importPlan(`# Plan\n\n${weekdays(21_000)}`, { sourceName: 'big.md' })).toThrow(UsageError);
    expect(() => importPlan(`# Plan\n\n${weekdays(21_000)}`, { sourceName: 'big.md' })).toThrow('big.md schedules 21000 days; a plan may have at most 3660');
  });

  it('imports 3 640 weekday blocks, one day each', () => {
    const { report } = importPlan(`# Plan\n\n${weekdays(3_640)}`, { sourceName: 'big.md' });
    expect(report.days).toBe(3_640);
    expect(report.tasks).toBe(3_640);
  });
});
