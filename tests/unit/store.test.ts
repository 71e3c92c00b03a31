// The store writes only what it can read back: a change that would break the file is refused.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StateError } from '../../src/errors.js';
import { InvalidState, parseState, StateStore } from '../../src/state/store.js';

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
