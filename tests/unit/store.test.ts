// The store writes only what it can read back, and never after losing the lock; an older state file that is damaged is refused.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StateError } from '../../src/errors.js';
import { resolvePaths } from '../../src/state/paths.js';
import { InvalidState, parseState } from '../../src/state/store.js';
import { StudyStore } from '../../src/state/study-store.js';
import { ROOT } from '../helpers.js';

describe('StudyStore.update', () => {
  const store = (home: string) => new StudyStore({ paths: resolvePaths({ PREP_HOME: home }), defaultPlan: '6-week', now: () => new Date() });

  it('refuses to write an event that would not read back, leaving the log as it was', async () => {
    const home = mkdtempSync(join(tmpdir(), 'prep-store-'));
    const study = store(home);
    await study.update(() => [{ kind: 'start', date: '2026-03-02', plan: '6-week', start: '2026-03-02' }]);
    const file = study.log.file;
    const before = readFileSync(file, 'utf8');
    const broken = study.update(() => [{ kind: 'pause', date: '2026-03-05', plan: '6-week', from: '2026-02-30' }]);
    await expect(broken).rejects.toThrow('refused to write an event that would not read back: the from of a pause event is "2026-02-30"');
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(existsSync(join(home, 'log.lock'))).toBe(false);
  });

  it('never appends after a stall in which it lost the lock; it fails naming the race, the other change kept', async () => {
    const home = mkdtempSync(join(tmpdir(), 'prep-store-'));
    const study = store(home);
    await study.update(() => [{ kind: 'start', date: '2026-03-02', plan: '6-week', start: '2026-03-02' }, { kind: 'switch', date: '2026-03-02', plan: '6-week' }]);
    const stalled = study.update(() => {
      // Stopped (Ctrl-Z, a laptop lid) long enough for the lock to go stale: another prep takes it over and writes.
      const old = new Date(Date.now() - 10 * 60_000);
      utimesSync(join(home, 'log.lock'), old, old);
      const other = spawnSync(process.execPath, [join(ROOT, 'bin', 'prep.cjs'), 'done', '1', '--date', '2026-03-02'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', PREP_HOME: home, NO_COLOR: '1' } });
      expect(other.stderr).toBe('');
      expect(other.status).toBe(0);
      return [{ kind: 'rest', date: '2026-03-05', on: '2026-03-05' }];
    });
    await expect(stalled).rejects.toThrow(StateError);
    await expect(stalled).rejects.toThrow('another prep took over the lock on the study log while this one was stalled');
    const after = store(home).read()!;
    expect(after.rest).toEqual([]);
    expect(after.log.map((event) => event.kind)).toEqual(['done']);
    expect(existsSync(join(home, 'log.lock'))).toBe(false);
  });
});

describe('parseState refuses damage that used to crash a command', () => {
  const good = { version: 2, activePlan: '6-week', plans: { '6-week': { start: '2026-03-02', paused: [] } }, rest: [], settings: { dayStart: 0, defaultPlan: '6-week' }, log: [] };
  const deep = (levels: number) => `${'{"x":'.repeat(levels)}1${'}'.repeat(levels)}`;

  it.each([
    ['plans that are a list', JSON.stringify({ ...good, plans: [] }), 'it is not a prep state file'],
    ['an active plan that is a number', JSON.stringify({ ...good, activePlan: 42 }), 'its active plan 42 is not a plan id'],
    ['a plan that is not an object', JSON.stringify({ ...good, plans: { x: 5 } }), 'plan "x" is 5'],
    ['nesting 100 000 levels deep', `${JSON.stringify(good).slice(0, -1)},"deep":${deep(100_000)}}`, 'nests objects more than 32 levels deep'],
    ['a start after 9899', JSON.stringify({ ...good, plans: { '6-week': { start: '9999-12-01', paused: [] } } }), 'up to 9899-12-31'],
    ['a log date after 9899', JSON.stringify({ ...good, log: [{ date: '9999-12-31', id: 'd1.a', plan: '6-week', kind: 'done' }] }), 'entry 1 of its log is damaged'],
  ])('%s', (_name, text, reason) => {
    expect(() => parseState(text)).toThrow(InvalidState);
    expect(() => parseState(text)).toThrow(reason);
  });

  it('keys plans without a prototype: `constructor` is a plan or nothing', () => {
    const text = JSON.stringify({ ...good, plans: { constructor: { start: '2026-03-02', paused: [] } } }).replace('"constructor":', '"__proto__":{"start":"2026-03-03","paused":[]},"constructor":');
    const state = parseState(text);
    expect(state.plans.constructor).toEqual({ start: '2026-03-02', paused: [] });
    expect(Object.keys(state.plans)).toEqual(['__proto__', 'constructor']);
    expect(state.plans['__proto__']).toEqual({ start: '2026-03-03', paused: [] });
    expect(parseState(JSON.stringify(good)).plans.toString).toBeUndefined();
  });
});
