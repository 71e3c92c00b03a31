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

describe('a plan cached as ASCII', () => {
  it('keeps every character past ASCII (dashes, arrows, emoji) through the cache', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-cache-'));
    const file = join(dir, 'plan.md');
    writeFileSync(file, '---\nid: wide\ntitle: Día — «wide» 🚀\ndays: 1\n---\n### Day 1: Caches → CDNs\n- Read “Designing Data-Intensive Applications” 📖\n');
    const cache = join(dir, 'cache');
    const parsed = await readCurriculumFile(file, cache);
    const [entry] = readdirSync(join(cache, 'plans'));
    expect(readFileSync(join(cache, 'plans', entry!), 'latin1')).toMatch(/^[\x00-\x7f]*$/);
    // A later run: its own cache of this run's entries is not there, only the file.
    const later = join(dir, 'later-cache');
    cpSync(cache, later, { recursive: true });
    parses.count = 0;
    const cached = await readCurriculumFile(file, later);
    expect(parses.count).toBe(0);
    expect(cached).toEqual(parsed);
    expect(cached.plan!.title).toBe('Día — «wide» 🚀');
  });

  it('is parsed again when its entry holds a byte past ASCII, as one written as UTF-8 would', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-cache-'));
    const file = join(dir, 'plan.md');
    writeFileSync(file, '---\nid: wide\ntitle: Día\ndays: 1\n---\n### Day 1: One\n- Read\n');
    const cache = join(dir, 'cache');
    await readCurriculumFile(file, cache);
    const utf8 = join(dir, 'utf8-cache');
    cpSync(cache, utf8, { recursive: true });
    for (const entry of readdirSync(join(utf8, 'plans'))) {
      const path = join(utf8, 'plans', entry);
      writeFileSync(path, readFileSync(path, 'utf8').replace('D\\u00eda', 'Día'));
    }
    parses.count = 0;
    expect((await readCurriculumFile(file, utf8)).plan!.title).toBe('Día');
    expect(parses.count).toBe(1);
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
