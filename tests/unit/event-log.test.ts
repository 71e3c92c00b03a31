// The study log as commands will use it: a decision made on the log as it is under the lock,
// stamped after everything read (a clock behind included), appended, and seen at once; several
// devices sharing one folder all see the same thing.
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { EventLog } from '../../src/log/event-log.js';
import { compareStamps } from '../../src/log/hlc.js';
import { stampOf } from '../../src/log/events.js';
import { LogReader, SAVE_EVERY } from '../../src/log/reader.js';
import { WINDOW } from '../../src/log/snapshot.js';
import { completions } from '../../src/state/schema.js';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 2, 2, 8);

/** A machine: its own state and cache directories, the log in a folder it may share. */
function machine(device: string, folder: string) {
  const home = mkdtempSync(join(tmpdir(), `prep-${device}-`));
  return new EventLog({ dir: folder, device, lockTarget: join(home, 'state', 'log'), snapshotFile: join(home, 'cache', 'log-snapshot.json') });
}
const sharedFolder = () => join(mkdtempSync(join(tmpdir(), 'prep-sync-')), 'prep-log');

describe('EventLog.update', () => {
  it('decides on the log as it is, stamps after everything read, and shows the result', async () => {
    const folder = sharedFolder();
    const laptop = machine('laptop', folder);
    const desktop = machine('desktop', folder);
    await laptop.update(() => [{ kind: 'switch', date: '2026-03-02', plan: '6-week' }], NOW);
    // The desktop's clock is an hour behind: its switch, made after reading the laptop's, still wins.
    const { read, appended } = await desktop.update((before) => {
      expect(before.view.activePlan).toBe('6-week');
      return [{ kind: 'switch', date: '2026-03-02', plan: '90-day' }];
    }, NOW - HOUR);
    expect(read.view.activePlan).toBe('90-day');
    expect(compareStamps(stampOf(appended[0]!), read.view.devices.laptop!.last)).toBeGreaterThan(0);
    expect(laptop.read().view.activePlan).toBe('90-day');
    expect(readdirSync(folder).sort()).toEqual(['desktop.jsonl', 'laptop.jsonl']); // no lock, no snapshot in the shared folder
  });

  it('writes nothing when the decision is to record nothing, or refuses', async () => {
    const folder = sharedFolder();
    const laptop = machine('laptop', folder);
    expect((await laptop.update(() => false, NOW)).appended).toEqual([]);
    await expect(laptop.update(() => {
      throw new UsageError('no');
    }, NOW)).rejects.toThrow('no');
    expect(existsSync(laptop.file)).toBe(false);
  });

  it('decides each of several updates at once on the log the ones before wrote: a task is done once', async () => {
    const folder = sharedFolder();
    const laptop = machine('laptop', folder);
    const done = () =>
      laptop.update((read) => (completions(read.view.log, '6-week').has('d1.read') ? false : [{ kind: 'done', date: '2026-03-02', plan: '6-week', task: 'd1.read' }]), NOW);
    const results = await Promise.all(Array.from({ length: 8 }, done));
    expect(results.filter((r) => r.appended.length > 0)).toHaveLength(1);
    expect(new LogReader(folder).read().view.events).toBe(1);
  });

  it('reads only what is new after an append, and leaves a snapshot that gives what a full read gives', async () => {
    const folder = sharedFolder();
    const laptop = machine('laptop', folder);
    for (let day = 1; day <= 3 * SAVE_EVERY + 6; day++) await laptop.update(() => [{ kind: 'done', date: '2026-03-02', plan: '6-week', task: `d${day}.read` }], NOW + day);
    const { read } = await laptop.update(() => [{ kind: 'rest', date: '2026-03-02', on: '2026-03-02' }], NOW + 100);
    expect(read.mode).toBe('incremental');
    // The next run of prep on this machine starts from the snapshot, written after SAVE_EVERY events: it reads the few since.
    const next = new EventLog(laptop.options).read();
    expect(next.mode).toBe('incremental');
    // The window before the snapshot's offset that shows the file only grew, and 7 lines of some 130 bytes.
    expect(next.bytesRead).toBeLessThanOrEqual(WINDOW + 7 * 200);
    expect(statSync(laptop.file).size).toBeGreaterThan(WINDOW + 7 * 200);
    expect(next.view).toEqual(new LogReader(folder).read().view);
    expect(statSync(laptop.file).mode & 0o777).toBe(0o600);
  });
});
