// Completions of reworded tasks follow their task: matched through an index of the plan's spans,
// so thousands of orphaned completions on a plan of years cost milliseconds, with the same result
// as comparing every orphan with every task.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { levenshtein } from '../../src/curriculum/text.js';
import type { PlanDay } from '../../src/schedule/plan-days.js';
import { reconcile } from '../../src/schedule/progress.js';
import type { Mark } from '../../src/state/schema.js';

/** The matching as it was specified first: every orphan against every task, in plan order. */
function reconcileByScan(done: ReadonlyMap<string, Mark>, days: readonly PlanDay[], mentioned: ReadonlySet<string>): Map<string, Mark> {
  const similarity = (a: string, b: string) => {
    const x = a.toLowerCase().replace(/\s+/g, ' ').trim();
    const y = b.toLowerCase().replace(/\s+/g, ' ').trim();
    const longest = Math.max(x.length, y.length);
    return longest === 0 ? 1 : 1 - levenshtein(x, y) / longest;
  };
  const texts = new Map<string, string>();
  for (const day of days) for (const task of day.tasks) texts.set(task.id, task.text);
  const result = new Map(done);
  for (const [id, mark] of done) {
    if (texts.has(id) || mark.text === undefined) continue;
    const match = /^([dw][\d-]+)\.[^@]*(@\d+)?$/.exec(id);
    if (!match) continue;
    const [, span, day = ''] = match;
    let best: { id: string; score: number } | undefined;
    for (const [candidate, text] of texts) {
      if (result.has(candidate) || mentioned.has(candidate) || !candidate.startsWith(`${span}.`) || !candidate.endsWith(day) || (day === '' && candidate.includes('@'))) continue;
      const score = similarity(mark.text, text);
      if (score >= 0.7 && (!best || score > best.score)) best = { id: candidate, score };
    }
    if (best) {
      result.delete(id);
      result.set(best.id, mark);
    }
  }
  return result;
}

const day = (n: number, tasks: { id: string; text: string }[], from = n, to = n): PlanDay => ({
  day: n,
  kind: from === to ? 'day' : 'range',
  title: '',
  from,
  to,
  tasks: tasks.map((task) => ({ ...task, details: [], links: [] })),
  notes: [],
});

describe('reconcile on a large plan', () => {
  it('matches 4,000 orphaned completions on a 3,650-day plan in well under a second', () => {
    // Ten years of three tasks a day; every task reworded since it was done (a typo fixed).
    const days = Array.from({ length: 3650 }, (_, i) => day(i + 1, [0, 1, 2].map((k) => ({ id: `d${i + 1}.read-chapter-${k}-of-book-${i}`, text: `Read chapter ${k} of book ${i}, and take notes` }))));
    const done = new Map<string, Mark>();
    for (let n = 0; n < 4000; n++) {
      const d = (n * 7) % 3650;
      done.set(`d${d + 1}.read-chaptr-${n % 3}-of-book-${d}`, { date: '2026-03-02', text: `Read chaptr ${n % 3} of book ${d}, and take notes` });
    }
    const started = performance.now();
    const result = reconcile(done, days, new Set());
    const ms = performance.now() - started;
    expect(result.size).toBe(done.size);
    expect(result.has('d1.read-chapter-0-of-book-0')).toBe(true);
    expect([...result.keys()].filter((id) => id.includes('chaptr'))).toEqual([]);
    expect(ms).toBeLessThan(1000);
  });

  it('gives what comparing every orphan with every task gives (property)', () => {
    const words = fc.constantFrom('read', 'reed', 'write', 'wrote', 'notes', 'note', 'ch', 'one', 'two', 'tow');
    const text = fc.array(words, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
    const slug = (t: string) => t.replace(/\s+/g, '-');
    // `odd`: an id of a shape the parser never makes (an @ inside its words), which every orphan may still follow.
    const task = fc.record({ span: fc.constantFrom('d1', 'd2', 'd3', 'w1', 'd1-3'), text, at: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), odd: fc.boolean() });
    const id = (t: { span: string; text: string; at: number | undefined; odd: boolean }) => `${t.span}.${slug(t.text)}${t.odd ? '@x' : ''}${t.at === undefined ? '' : `@${t.at}`}`;
    fc.assert(
      fc.property(fc.array(task, { maxLength: 12 }), fc.array(task, { maxLength: 12 }), fc.array(fc.nat(11), { maxLength: 4 }), (tasks, completed, mentionedAt) => {
        const days = [day(1, tasks.map((t) => ({ id: id(t), text: t.text })))];
        const done = new Map<string, Mark>(completed.map((t) => [id(t), { date: '2026-03-02', text: t.text }]));
        const mentioned = new Set(mentionedAt.flatMap((i) => (tasks[i] ? [id(tasks[i])] : [])));
        expect([...reconcile(done, days, mentioned)]).toEqual([...reconcileByScan(done, days, mentioned)]);
      }),
      { numRuns: 500 },
    );
  });
});
