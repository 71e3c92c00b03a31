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
    expect(text).toMatch(/Day 6 +Weekend Deep Dive - System Design Practice +2 tasks\n/);
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
