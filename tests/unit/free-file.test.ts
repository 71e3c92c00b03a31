// The free dates the prompt's streak bridges under a rebalanced schedule: only the current schedule's.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freeFilePath, readFreeDates } from '../../src/schedule/free-file.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function cacheWith(text: string | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'prep-free-'));
  dirs.push(dir);
  if (text !== undefined) writeFileSync(freeFilePath(dir), text);
  return dir;
}

describe('the schedule free-dates file', () => {
  const file = JSON.stringify({ plan: '6-week', schedule: 'ev-2', dates: ['2026-03-19', 'not a date', '2026-03-20'] });
  it.each([
    ['the plan and schedule it was written for: its dates', file, '6-week', 'ev-2', ['2026-03-19', '2026-03-20']],
    ['an earlier schedule of the plan (rebalanced since, on another device): none', file, '6-week', 'ev-3', []],
    ['another plan: none', file, '90-day', 'ev-2', []],
    ['no file: none', undefined, '6-week', 'ev-2', []],
    ['a damaged file: none', '{"plan": "6-week", "sched', '6-week', 'ev-2', []],
  ])('gives, for %s', (_, text, plan, schedule, expected) => {
    expect(readFreeDates(cacheWith(text), plan, schedule)).toEqual(expected);
  });
});
