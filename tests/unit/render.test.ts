// Rendered output with colour off, as a person sees it: snapshots of small fixtures and one shipped plan.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planList } from '../../src/commands/plan-list.js';
import { planShow } from '../../src/commands/plan-show.js';
import { planValidate } from '../../src/commands/plan-validate.js';
import { renderPlanList } from '../../src/render/plan-list.js';
import { renderPlanShow } from '../../src/render/plan-show.js';
import { renderValidate } from '../../src/render/plan-validate.js';
import { FIXTURES, testContext } from '../helpers.js';

const ctx = (columns = 80) => testContext({ columns });

describe('plan list', () => {
  it('renders the shipped plans as a table', async () => {
    expect(renderPlanList(await planList({}, ctx()), ctx())).toMatchSnapshot();
  });

  it('keeps every line within the terminal width', async () => {
    for (const columns of [60, 80, 120]) {
      const lines = renderPlanList(await planList({}, ctx(columns)), ctx(columns)).trimEnd().split('\n');
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(columns);
    }
  });
});

describe('plan show', () => {
  it('renders a week-level fixture plan', async () => {
    expect(renderPlanShow(await planShow({ plan: join(FIXTURES, 'curricula', 'week-plan.md') }, ctx()), ctx())).toMatchSnapshot();
  });

  it('collapses a range into one line and shows per-day task counts', async () => {
    const text = renderPlanShow(await planShow({ plan: '6-week' }, ctx()), ctx());
    expect(text).toContain('  Days 29–35  Intensive Practice');
    expect(text).toMatch(/Days 29–35 {2}Intensive Practice +4 tasks a day/);
    expect(text).toMatch(/Day 6 +Weekend Deep Dive - System Design Practi… +2 tasks +8h\n/);
  });

  it('shows what each day takes: its sections, a whole-day note, a range a day, a week in all', async () => {
    const text = renderPlanShow(await planShow({ plan: '6-week' }, ctx()), ctx());
    expect(text).toContain('6-week · 42 days · 228 tasks · 234 hours · 10 checklist items');
    expect(text).toMatch(/Day 1 +System Design Framework +8 tasks +5h\n/); // Morning (2 hours), Afternoon (2 hours), Evening (1 hour)
    expect(text).toMatch(/Day 7 +Weekend Review & Mock Interview +2 tasks +6h\n/); // "Full Day (6 hours)."
    expect(text).toMatch(/Days 29–35 +Intensive Practice +4 tasks a day +6h a day\n/);
    const weeks = renderPlanShow(await planShow({ plan: '4-week-system-design' }, ctx()), ctx());
    expect(weeks).toMatch(/Week 1 +Foundations \+ Communication Framework +5 tasks, due once +7h\n/); // no hours stated: an hour a day
  });

  it('keeps the outline within the terminal, the title giving way', async () => {
    for (const columns of [60, 80, 120]) {
      const lines = renderPlanShow(await planShow({ plan: '6-week' }, ctx(columns)), ctx(columns)).split('\n').filter((line) => /^ {2}Days? \d/.test(line));
      for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(columns);
    }
  });
});

describe('plan validate', () => {
  it('renders problems as file:line:col and a summary', async () => {
    const data = await planValidate({ files: ['tests/fixtures/curricula/gap.md', 'tests/fixtures/curricula/week-plan.md', 'tests/fixtures/curricula/missing.md'] }, ctx());
    expect(renderValidate(data, ctx())).toMatchSnapshot();
  });

  it('says all files are valid when they are', async () => {
    const data = await planValidate({ files: ['tests/fixtures/curricula/week-plan.md'] }, ctx());
    expect(renderValidate(data, ctx())).toBe('✔ 1 file valid\n');
  });
});
