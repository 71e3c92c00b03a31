import { describe, expect, it } from 'vitest';
import { catalog, loadCatalogPlan, resolvePlanId } from '../../src/curriculum/read.js';
import { UsageError } from '../../src/errors.js';
import { CURRICULA, SHIPPED_IDS } from '../helpers.js';

describe('resolvePlanId', () => {
  const ids = ['6-week', '90-day', '28-day-data', '4-week-system-design', '37-day-backend', '28-day-ml'];
  it.each([
    ['90-day', '90-day'],
    ['90', '90-day'],
    ['4', '4-week-system-design'],
    ['37-day', '37-day-backend'],
  ])('%j → %j', (input, expected) => {
    expect(resolvePlanId(input, ids)).toBe(expected);
  });

  it.each([
    ['28-day', /plan "28-day" is ambiguous: it could be 28-day-data, 28-day-ml/],
    ['90-dya', /no plan "90-dya"; did you mean "90-day"\?/],
    ['kubernetes', /^no plan "kubernetes"$/],
  ])('%j is a usage error', (input, message) => {
    expect(() => resolvePlanId(input, ids)).toThrow(UsageError);
    expect(() => resolvePlanId(input, ids)).toThrow(message);
  });
});

describe('catalog', () => {
  it('lists the five shipped plans by file name, each of which loads with a matching id', async () => {
    const entries = await catalog([CURRICULA, '/nonexistent/prep/dir']);
    expect(entries.map((e) => e.id).sort()).toEqual([...SHIPPED_IDS].sort());
    for (const entry of entries) expect((await loadCatalogPlan(entry)).id).toBe(entry.id);
  });
});
