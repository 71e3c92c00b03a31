// The shipped curricula against the user's seeds: every day, task, link and checklist item made it.
// Each seed is read here by a small extractor of its own shape, independent of the parser under test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repairMojibake } from '../../src/curriculum/text.js';
import { planDays } from '../../src/schedule/plan-days.js';
import { CURRICULA, FIXTURES, shippedPlan } from '../helpers.js';

interface SeedFacts {
  days: number;
  /** Tasks due on each plan day (index 0 is day 1); texts where the seed states them plainly. */
  tasksPerDay: number[];
  taskTexts: Map<number, string[]>;
  checklist: string[];
}

const seed = (id: string) => repairMojibake(readFileSync(join(FIXTURES, 'seeds', `${id}.txt`), 'utf8'));
const words = (text: string) => text.toLowerCase().replace(/\*\*|__|_(?=\S)|(?<=\S)_/g, '').replace(/[^a-z0-9]+/g, ' ').trim();

/** Lines from `start` up to (not including) the next line that matches `stop`. */
function blockAfter(lines: string[], start: number, stop: RegExp): string[] {
  const end = lines.findIndex((line, i) => i > start && stop.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

function sixWeek(): SeedFacts {
  const lines = seed('6-week').split('\n');
  const tasksPerDay: number[] = [];
  const taskTexts = new Map<number, string[]>();
  lines.forEach((line, i) => {
    const heading = /^### Days? (\d+)(?:-(\d+))?:/.exec(line);
    if (!heading) return;
    const from = Number(heading[1]);
    const to = Number(heading[2] ?? from);
    const bullets = blockAfter(lines, i, /^##/).filter((l) => /^(- |\d+\. )/.test(l));
    for (let day = from; day <= to; day++) {
      const own = bullets.filter((b) => !/^- Day \d+:/.test(b) || b.startsWith(`- Day ${day}:`));
      tasksPerDay[day - 1] = own.length;
      taskTexts.set(day, own.map((b) => b.replace(/^- (\*\*[^*]+\*\*:\s*|Day \d+:\s*)?/, '')));
    }
  });
  const checklist = blockAfter(lines, lines.indexOf('## Final Checklist'), /^---/).filter((l) => l.startsWith('- [ ] ')).map((l) => l.slice(6));
  return { days: tasksPerDay.length, tasksPerDay, taskTexts, checklist };
}

function ninetyDay(): SeedFacts {
  const text = seed('90-day');
  const [first = ''] = text.split('## Chat GPT');
  const tasksPerDay: number[] = [];
  for (const match of first.matchAll(/^\s*- \*\*Days (\d+)[-–](\d+):\*\* (.*)$/gm)) {
    // About an hour a day: a range states its blocks ("30 min theory, 30 min practice"), else it is one block.
    const blocks = (match[3]!.match(/\b(\d+ min|1 hour)\b/g) ?? []).length || 1;
    for (let day = Number(match[1]); day <= Number(match[2]); day++) tasksPerDay[day - 1] = blocks;
  }
  // The seed holds the plan twice, each with a final checklist: the union of their items, by label.
  const labels = new Set<string>();
  for (const section of text.split(/^.*Final Checklist.*$/m).slice(1)) {
    for (const label of section.split(/\n(?:---|\*\*Resources)/)[0]!.matchAll(/^\s*(?:-|\d+\.) \*\*([^*:]+):\*\*/gm)) labels.add(label[1]!);
  }
  return { days: tasksPerDay.length, tasksPerDay, taskTexts: new Map(), checklist: [...labels] };
}

function twentyEightDay(): SeedFacts {
  const lines = seed('28-day-data').split('\n');
  const tasksPerDay: number[] = [];
  const taskTexts = new Map<number, string[]>();
  lines.forEach((line, i) => {
    const heading = /^### Day (\d+)/.exec(line);
    if (!heading) return;
    const block = blockAfter(lines, i, /^##/);
    const fields = block.filter((l) => /^- \*\*(Learning|Doable|Possible high-impact LinkedIn post|Possible blog post \(for the week\)):\*\*/.test(l));
    const listed = block.filter((l) => /^ {2}- (?!\[)/.test(l)); // nested items that are not resource links
    tasksPerDay[Number(heading[1]) - 1] = fields.length + listed.length;
    taskTexts.set(Number(heading[1]), [...fields.filter((l) => /Learning|Doable/.test(l)).map((l) => l.replace(/^- \*\*[^*]+:\*\* /, '')), ...listed.map((l) => l.slice(4))]);
  });
  // No explicit checklist: one item per week, from the week's synthesis.
  const checklist = lines.filter((l) => l.startsWith('## Week '));
  return { days: tasksPerDay.length, tasksPerDay, taskTexts, checklist };
}

function fourWeek(): SeedFacts {
  const lines = seed('4-week-system-design').split('\n');
  const tasksPerDay: number[] = [];
  lines.forEach((line, i) => {
    const heading = /^### \*\*Week (\d+):/.exec(line);
    if (!heading) return;
    const week = Number(heading[1]);
    const block = blockAfter(lines, i, /^### |^---/);
    let counting = false;
    let count = 0;
    for (const l of block) {
      if (l.startsWith('####')) counting = /Tasks|Principal Focus/.test(l);
      else if (counting && l.startsWith('* ')) count++;
    }
    // Week-level tasks are due once, any day of the week: every day of it shows them all.
    for (let day = 7 * week - 6; day <= 7 * week; day++) tasksPerDay[day - 1] = count;
  });
  const artifacts = lines.findIndex((l) => l.includes('Artifacts You’ll Produce'));
  const checklist = blockAfter(lines, artifacts, /^---/).filter((l) => l.startsWith('* ')).map((l) => l.slice(2));
  return { days: tasksPerDay.length, tasksPerDay, taskTexts: new Map(), checklist };
}

function thirtySevenDay(): SeedFacts {
  const lines = seed('37-day-backend').split('\n');
  const tasksPerDay: number[] = [];
  const taskTexts = new Map<number, string[]>();
  lines.forEach((line, i) => {
    const heading = /^Day (\d+) \(/.exec(line);
    if (!heading) return;
    const items = blockAfter(lines, i, /^(Day \d+|Week \d+|Final Days|Recommended)/).filter((l) => /^ {8}\S/.test(l)).map((l) => l.trim());
    tasksPerDay[Number(heading[1]) - 1] = items.length;
    taskTexts.set(Number(heading[1]), items);
  });
  // No explicit checklist: one item per week's recap, and one for the final days.
  const checklist = lines.filter((l) => /^(Week \d+|Final Days) \(/.test(l));
  return { days: tasksPerDay.length, tasksPerDay, taskTexts, checklist };
}

const cases: [string, () => SeedFacts][] = [
  ['6-week', sixWeek],
  ['90-day', ninetyDay],
  ['28-day-data', twentyEightDay],
  ['4-week-system-design', fourWeek],
  ['37-day-backend', thirtySevenDay],
];

describe.each(cases)('curriculum %s against its seed', (id, extract) => {
  const facts = extract();
  const plan = shippedPlan(id);
  const days = planDays(plan);
  const file = readFileSync(join(CURRICULA, `${id}.md`), 'utf8');

  it('has every day of the seed', () => {
    expect(facts.tasksPerDay.every((n) => n > 0)).toBe(true); // the extractor found every day
    expect(plan.days).toBe(facts.days);
    expect(days).toHaveLength(facts.days);
  });

  it('has as many tasks on each day as the seed', () => {
    expect(days.map((d) => d.tasks.length)).toEqual(facts.tasksPerDay);
  });

  it('carries the words of every task the seed states plainly', () => {
    for (const [day, texts] of facts.taskTexts) {
      const ours = days[day - 1]!.tasks.map((t) => words(t.text));
      for (const text of texts) expect(ours, `day ${day}: ${text}`).toContain(words(text));
    }
  });

  it('has a final checklist as large as the seed’s', () => {
    expect(facts.checklist.length).toBeGreaterThan(0);
    expect(plan.checklist).toHaveLength(facts.checklist.length);
  });

  it('keeps every resource link of the seed', () => {
    const raw = seed(id);
    const targets = [...raw.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    const bare = [...raw.matchAll(/(?<!\()https?:\/\/[^\s)\]]+/g)].map((m) => m[0]);
    for (const url of [...targets, ...bare]) expect(file, url).toContain(url);
  });

  it('has no double-encoded characters left', () => {
    expect(file).not.toMatch(/â€|âœ|â†|ðŸ|Ã/);
  });
});

describe('checklist items that the seeds state', () => {
  it.each([
    ['6-week', sixWeek],
    ['90-day', ninetyDay],
    ['4-week-system-design', fourWeek],
  ] as const)('%s carries each of them', (id, extract) => {
    const ours = shippedPlan(id).checklist.map((c) => words(c.text));
    for (const item of extract().checklist) expect(ours.some((text) => text.includes(words(item))), item).toBe(true);
  });
});
