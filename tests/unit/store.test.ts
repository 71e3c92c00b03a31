// The store writes only what it can read back: a change that would break the file is refused.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StateError } from '../../src/errors.js';
import { StateStore } from '../../src/state/store.js';

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
