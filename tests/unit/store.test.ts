// The store writes only what it can read back: a change that would break the file is refused.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StateError } from '../../src/errors.js';
import { StateStore } from '../../src/state/store.js';
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
