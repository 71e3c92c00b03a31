// Parsed curricula are cached: an unchanged file is never parsed twice; a changed one always is.
import { appendFileSync, copyFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readCurriculumFile } from '../../src/curriculum/read.js';
import { refreshCacheFile } from '../../src/io/cache-file.js';
import { CURRICULA } from '../helpers.js';

const parses = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/curriculum/parse.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/curriculum/parse.js')>();
  return { ...original, parseCurriculum: (text: string) => (parses.count++, original.parseCurriculum(text)) };
});

describe('the plan cache', () => {
  it('parses a file once, then serves it from the cache until the file changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-cache-'));
    const file = join(dir, '6-week.md');
    copyFileSync(join(CURRICULA, '6-week.md'), file);
    const cache = join(dir, 'cache');
    parses.count = 0;

    const first = await readCurriculumFile(file, cache);
    const second = await readCurriculumFile(file, cache);
    expect(parses.count).toBe(1);
    expect(second).toEqual(first);

    appendFileSync(file, '\n- [ ] One more checklist item\n');
    const third = await readCurriculumFile(file, cache);
    expect(parses.count).toBe(2);
    expect(third.plan!.checklist).toHaveLength(first.plan!.checklist.length + 1);
  });

  it('parses again when a cache entry is damaged, and never without a cache dir', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-cache-'));
    const file = join(dir, 'plan.md');
    copyFileSync(join(CURRICULA, '4-week-system-design.md'), file);
    const cache = join(dir, 'cache');
    parses.count = 0;
    await readCurriculumFile(file, cache);
    // Damaged as a later run finds it: a cache directory this run has not read yet.
    const damaged = join(dir, 'damaged-cache');
    cpSync(cache, damaged, { recursive: true });
    for (const entry of readdirSync(join(damaged, 'plans'))) writeFileSync(join(damaged, 'plans', entry), '{"build":');
    await readCurriculumFile(file, damaged);
    await readCurriculumFile(file);
    await readCurriculumFile(file);
    expect(parses.count).toBe(4);
  });
});

describe('a cache file refreshed after a change', () => {
  it('is left alone when it already holds the text, and rewritten when it does not', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'prep-cache-')), 'cache');
    const file = join(dir, 'review-due.json');
    expect(refreshCacheFile(file, '{"cards":[]}')).toBe(true);
    const written = statSync(file);
    expect(refreshCacheFile(file, '{"cards":[]}')).toBe(true);
    expect(statSync(file).ino).toBe(written.ino);
    expect(refreshCacheFile(file, '{"cards":[1]}')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('{"cards":[1]}');
    expect(statSync(file).ino).not.toBe(written.ino);
  });
});
