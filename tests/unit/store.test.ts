// The store writes only what it can read back: a change that would break the file is refused.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StateError } from '../../src/errors.js';
import { InvalidState, parseState, StateStore } from '../../src/state/store.js';
import { ROOT } from '../helpers.js';

describe('StateStore.update', () => {
  it('refuses to write (or back up) a state that would not read back, leaving the file as it was', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'prep-store-')), 'state.json');
    const store = new StateStore(path, '6-week');
    await store.update((draft) => {
      draft.activePlan = '6-week';
      draft.plans['6-week'] = { start: '2026-03-02', paused: [] };
    });
    const before = readFileSync(path, 'utf8');
    const broken = store.update((draft) => {
      draft.plans['6-week']!.paused.push({ from: '2026-03-05' }, { from: '2026-03-06' }); // two open pauses
    });
    await expect(broken).rejects.toThrow(StateError);
    await expect(broken).rejects.toThrow('refused to write a state that would not read back: plan "6-week" has an open pause that is not the last one');
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe(before);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('never writes over a change made while it was stalled and lost the lock; it fails naming the race', async () => {
    const home = mkdtempSync(join(tmpdir(), 'prep-store-'));
    const path = join(home, 'state.json');
    const store = new StateStore(path, '6-week');
    await store.update((draft) => {
      draft.activePlan = '6-week';
      draft.plans['6-week'] = { start: '2026-03-02', paused: [] };
    });
    const stalled = store.update((draft) => {
      draft.rest.push('2026-03-05');
      // Stopped (Ctrl-Z, a laptop lid) long enough for the lock to go stale: another prep takes it over and writes.
      const old = new Date(Date.now() - 10 * 60_000);
      utimesSync(`${path}.lock`, old, old);
      const other = spawnSync(process.execPath, [join(ROOT, 'bin', 'prep.cjs'), 'done', '1', '--date', '2026-03-02'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', PREP_HOME: home, NO_COLOR: '1' } });
      expect(other.stderr).toBe('');
      expect(other.status).toBe(0);
    });
    await expect(stalled).rejects.toThrow(StateError);
    await expect(stalled).rejects.toThrow(`another prep changed the state file ${path} while this one was stalled`);
    const onDisk = JSON.parse(readFileSync(path, 'utf8'));
    expect(onDisk.rest).toEqual([]);
    expect(onDisk.log.map((event: { kind: string }) => event.kind)).toEqual(['done']);
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe(readFileSync(path, 'utf8'));
    expect(existsSync(`${path}.lock`)).toBe(false);
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
