// Reading the log directory: every device's file and every sync tool's copy, unioned, each event
// counted once; what cannot be read is reported, never fatal; and with the snapshot, a read parses
// only what was written since, falling back to a full fold whenever the snapshot cannot be trusted.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeEvent } from '../../src/log/codec.js';
import type { LogEvent } from '../../src/log/events.js';
import { fold } from '../../src/log/fold.js';
import { LogReader } from '../../src/log/reader.js';
import { checkpointFileOf, WINDOW } from '../../src/log/snapshot.js';
import { Device, payload, T0 } from '../support/log-events.js';

const HOUR = 3_600_000;
const newLog = () => {
  const home = mkdtempSync(join(tmpdir(), 'prep-log-'));
  const dir = join(home, 'log');
  mkdirSync(dir, { mode: 0o700 });
  return { dir, snapshotFile: join(home, 'cache', 'log-snapshot.json') };
};
const lines = (events: LogEvent[]) => events.map(encodeEvent).join('');
const write = (dir: string, name: string, events: LogEvent[]) => writeFileSync(join(dir, name), lines(events), { mode: 0o600 });
const add = (dir: string, name: string, events: LogEvent[]) => appendFileSync(join(dir, name), lines(events));
const rests = (device: Device, n: number, ms = 1000) => Array.from({ length: n }, (_, i) => device.write({ kind: 'rest', date: '2026-03-02', on: `2026-03-${String((i % 28) + 1).padStart(2, '0')}` }, ms));
const ticks = (device: Device, n: number) => Array.from({ length: n }, (_, i) => device.write({ kind: i % 3 === 2 ? 'undo' : 'done', date: '2026-03-02', plan: '6-week', task: `d${i % 40}.t`, text: 'A task with some words in it' }));

describe('reading the log directory', () => {
  it('unions device files and sync tools\' conflict copies, each event once', () => {
    const { dir } = newLog();
    const laptop = new Device('laptop');
    const desktop = new Device('desktop', T0 - HOUR);
    const a = ticks(laptop, 6);
    const b = [desktop.write({ kind: 'switch', date: '2026-03-02', plan: '90-day' }), ...rests(desktop, 2)];
    const onlyInCopy = laptop.write({ kind: 'rest', date: '2026-03-20', on: '2026-03-20' });
    write(dir, 'laptop.jsonl', a);
    write(dir, 'desktop.jsonl', b);
    // Each copy holds a prefix of a device's file, and maybe what the other side never saw.
    write(dir, 'laptop.sync-conflict-20260302-081500-ABCD123.jsonl', [...a.slice(0, 3), onlyInCopy]);
    write(dir, "desktop (Laptop's conflicted copy 2026-03-02).jsonl", b.slice(0, 2));
    write(dir, 'laptop 2.jsonl', a.slice(0, 1));
    writeFileSync(join(dir, '.syncthing.laptop.jsonl.tmp'), 'half a line, never read');
    const read = new LogReader(dir).read();
    expect(read.problems).toEqual([]);
    expect(read.view).toEqual(fold([...a, ...b, onlyInCopy]));
    expect(read.view.events).toBe(a.length + b.length + 1);
    expect(read.files.map((f) => [f.name, f.device, f.copy])).toEqual([
      ["desktop (Laptop's conflicted copy 2026-03-02).jsonl", 'desktop', 'dropbox'],
      ['desktop.jsonl', 'desktop', null],
      ['laptop 2.jsonl', 'laptop', 'other'],
      ['laptop.jsonl', 'laptop', null],
      ['laptop.sync-conflict-20260302-081500-ABCD123.jsonl', 'laptop', 'syncthing'],
    ]);
  });

  it('ignores a partial last line (a sync tool mid-transfer) until it is whole, reporting it', () => {
    const { dir } = newLog();
    const device = new Device('desktop');
    const [first, second] = rests(device, 2);
    const secondLine = encodeEvent(second!);
    writeFileSync(join(dir, 'desktop.jsonl'), encodeEvent(first!) + secondLine.slice(0, 40));
    const reader = new LogReader(dir);
    const partial = reader.read();
    expect(partial.view).toEqual(fold([first!]));
    expect(partial.problems).toEqual([{ file: 'desktop.jsonl', line: 2, reason: expect.stringContaining('no newline yet'), partial: true }]);
    expect(partial.files[0]).toMatchObject({ lines: 1, partial: true });
    appendFileSync(join(dir, 'desktop.jsonl'), secondLine.slice(40));
    const whole = reader.read();
    expect(whole.view).toEqual(fold([first!, second!]));
    expect(whole.problems).toEqual([]);
  });

  it('names a damaged line by file and line and reads the rest', () => {
    const { dir } = newLog();
    const device = new Device('laptop');
    const events = rests(device, 3);
    writeFileSync(join(dir, 'laptop.jsonl'), `${encodeEvent(events[0]!)}{"id": tru\n${lines(events.slice(1))}`);
    const read = new LogReader(dir).read();
    expect(read.view).toEqual(fold(events));
    expect(read.problems).toEqual([{ file: 'laptop.jsonl', line: 2, reason: 'it is not valid JSON; skipped' }]);
  });

  it('reports a file it cannot read (a named pipe, a directory, no permission to read) and reads the others, at once', () => {
    const { dir } = newLog();
    const events = rests(new Device('laptop'), 2);
    write(dir, 'laptop.jsonl', events);
    expect(spawnSync('mkfifo', [join(dir, 'pipe.jsonl')]).status).toBe(0);
    mkdirSync(join(dir, 'folder.jsonl'));
    const started = performance.now();
    const read = new LogReader(dir).read();
    expect(performance.now() - started).toBeLessThan(2000);
    expect(read.view).toEqual(fold(events));
    expect(read.problems).toEqual([
      { file: 'folder.jsonl', reason: 'cannot be read: it is a directory; its events are left out' },
      { file: 'pipe.jsonl', reason: 'cannot be read: it is a named pipe (FIFO), not a regular file; its events are left out' },
    ]);
  });

  it('cleans the names of files it reports: a synced file name cannot drive the terminal', () => {
    const { dir } = newLog();
    writeFileSync(join(dir, 'evil\u001b[2J\u202e.jsonl'), '{\n');
    const read = new LogReader(dir).read();
    expect(read.problems).toEqual([{ file: 'evil[2J.jsonl', line: 1, reason: 'it is not valid JSON; skipped' }]);
    expect(read.files[0]!.name).toBe('evil[2J.jsonl');
  });

  it('reads no directory as an empty log, and refuses one it may not read with a StateError', () => {
    expect(new LogReader(join(tmpdir(), 'prep-no-such-dir', 'log')).read()).toMatchObject({ view: fold([]), files: [], problems: [] });
  });
});

describe('the snapshot', () => {
  it('makes a read parse only what was appended since, and gives what a full read gives', () => {
    const { dir, snapshotFile } = newLog();
    const laptop = new Device('laptop');
    const desktop = new Device('desktop');
    const history = [...ticks(laptop, 2000), ...ticks(desktop, 2000)];
    write(dir, 'laptop.jsonl', history.slice(0, 2000));
    write(dir, 'desktop.jsonl', history.slice(2000));
    const cold = new LogReader(dir, { snapshotFile });
    expect(cold.read()).toMatchObject({ mode: 'full', reason: 'no snapshot' });
    cold.save();
    const fresh = [...ticks(laptop, 3)];
    add(dir, 'laptop.jsonl', fresh);
    const warm = new LogReader(dir, { snapshotFile }).read();
    expect(warm.mode).toBe('incremental');
    // The new lines and, for each file, the window before its offset that shows it only grew.
    expect(warm.bytesRead).toBeLessThanOrEqual(Buffer.byteLength(lines(fresh)) + 2 * WINDOW);
    expect(warm.view).toEqual(fold([...history, ...fresh]));
    expect(warm.view).toEqual(new LogReader(dir).read().view);
  });

  it('is kept as ASCII, task texts past it escaped, and is not trusted when a byte past ASCII is in it', () => {
    const { dir, snapshotFile } = newLog();
    const laptop = new Device('laptop');
    const wide = [laptop.write({ kind: 'done', date: '2026-03-02', plan: '6-week', task: 'wide.t', text: 'Study: Clarify → Design → Scale 🚀' }), ...ticks(laptop, 20)];
    write(dir, 'laptop.jsonl', wide);
    const first = new LogReader(dir, { snapshotFile });
    first.read();
    first.save();
    expect(readFileSync(snapshotFile, 'latin1')).toMatch(/^[\x00-\x7f]*$/);
    const warm = new LogReader(dir, { snapshotFile }).read();
    expect(warm.mode).toBe('incremental');
    expect(warm.view).toEqual(fold(wide));
    // Written as UTF-8 (as an older prep would have): folded again from the files, the same view.
    writeFileSync(snapshotFile, readFileSync(snapshotFile, 'utf8').replace(/\\u2192/g, '→'));
    const refolded = new LogReader(dir, { snapshotFile }).read();
    expect(refolded).toMatchObject({ mode: 'full', reason: 'no snapshot' });
    expect(refolded.view).toEqual(fold(wide));
  });

  it('is written again only once a read has folded `saveEvery` new events, and reads give a full read\'s view meanwhile', () => {
    const { dir, snapshotFile } = newLog();
    const laptop = new Device('laptop');
    write(dir, 'laptop.jsonl', rests(laptop, 10));
    const options = { snapshotFile, saveEvery: 3 };
    const first = new LogReader(dir, options);
    first.read();
    first.save();
    const written = readFileSync(snapshotFile, 'utf8');
    for (const expected of [false, false, true]) {
      add(dir, 'laptop.jsonl', rests(laptop, 1));
      const reader = new LogReader(dir, options);
      expect(reader.read().view).toEqual(new LogReader(dir).read().view);
      reader.save();
      expect(readFileSync(snapshotFile, 'utf8') !== written).toBe(expected);
    }
    // A new file is written at once: a snapshot that lacks a file makes every read look for it.
    write(dir, 'desktop.jsonl', rests(new Device('desktop'), 1));
    const after = readFileSync(snapshotFile, 'utf8');
    const reader = new LogReader(dir, options);
    reader.read();
    reader.save();
    expect(readFileSync(snapshotFile, 'utf8')).not.toBe(after);
  });

  it('refolds everything when a device synced late has events that sort before its checkpoint', () => {
    const { dir, snapshotFile } = newLog();
    const laptop = new Device('laptop');
    const desktop = new Device('desktop', T0 - 10 * HOUR); // offline: its events are older
    const policy = { ms: HOUR, max: 10 };
    write(dir, 'laptop.jsonl', [laptop.write({ kind: 'switch', date: '2026-03-02', plan: '6-week' }), ...rests(laptop, 30, 60_000)]);
    const reader = new LogReader(dir, { snapshotFile, policy });
    reader.read();
    reader.save();
    const late = [desktop.write({ kind: 'switch', date: '2026-03-02', plan: '90-day' }), desktop.write({ kind: 'done', date: '2026-03-02', plan: '90-day', task: 'd1.t' })];
    write(dir, 'desktop.jsonl', late);
    const read = new LogReader(dir, { snapshotFile, policy }).read();
    expect(read).toMatchObject({ mode: 'full', reason: expect.stringContaining('a new event sorts before the snapshot') });
    expect(read.view).toEqual(new LogReader(dir).read().view);
    expect(read.view.activePlan).toBe('6-week'); // the laptop switched later
    expect(read.view.log).toHaveLength(1);
  });

  it('takes a late event that still sorts after the checkpoint from the tail, without a refold', () => {
    const { dir, snapshotFile } = newLog();
    const laptop = new Device('laptop');
    const desktop = new Device('desktop', T0 + 30_000);
    write(dir, 'laptop.jsonl', rests(laptop, 5, 10_000));
    const reader = new LogReader(dir, { snapshotFile });
    reader.read();
    reader.save();
    write(dir, 'desktop.jsonl', [desktop.write({ kind: 'switch', date: '2026-03-02', plan: '90-day' })]);
    const read = new LogReader(dir, { snapshotFile }).read();
    expect(read.mode).toBe('incremental');
    expect(read.view).toEqual(new LogReader(dir).read().view);
  });

  it.each([
    ['a file rewritten to the same length', (dir: string) => writeFileSync(join(dir, 'laptop.jsonl'), readFileSync(join(dir, 'laptop.jsonl'), 'utf8').replace('"2026-03-05"', '"2026-03-06"')), 'laptop.jsonl changed other than by appending'],
    ['a file cut short', (dir: string) => truncateSync(join(dir, 'laptop.jsonl'), 300), 'laptop.jsonl is shorter than it was'],
    ['a file gone', (dir: string) => rmSync(join(dir, 'desktop.jsonl')), 'desktop.jsonl is gone'],
    [
      'a file replaced whose beginning changed',
      (dir: string) => {
        const text = readFileSync(join(dir, 'laptop.jsonl'), 'utf8');
        writeFileSync(join(dir, 'new'), text.replace('"2026-03-01"', '"2026-03-09"'));
        renameSync(join(dir, 'new'), join(dir, 'laptop.jsonl'));
      },
      'laptop.jsonl was rewritten',
    ],
  ])('is not trusted after %s: a full read', (_name, change, reason) => {
    const { dir, snapshotFile } = newLog();
    write(dir, 'laptop.jsonl', rests(new Device('laptop'), 100));
    write(dir, 'desktop.jsonl', rests(new Device('desktop'), 2));
    const reader = new LogReader(dir, { snapshotFile });
    reader.read();
    reader.save();
    change(dir);
    const read = new LogReader(dir, { snapshotFile }).read();
    expect(read).toMatchObject({ mode: 'full', reason });
    expect(read.view).toEqual(new LogReader(dir).read().view);
  });

  it('is trusted after a sync tool replaced a file with a longer copy of it (a new inode)', () => {
    const { dir, snapshotFile } = newLog();
    const laptop = new Device('laptop');
    const before = rests(laptop, 100);
    write(dir, 'laptop.jsonl', before);
    const reader = new LogReader(dir, { snapshotFile });
    reader.read();
    reader.save();
    const more = rests(laptop, 2);
    writeFileSync(join(dir, 'incoming'), lines([...before, ...more]));
    renameSync(join(dir, 'incoming'), join(dir, 'laptop.jsonl'));
    const read = new LogReader(dir, { snapshotFile }).read();
    expect(read.mode).toBe('incremental');
    expect(read.view).toEqual(fold([...before, ...more]));
  });

  it('is not trusted when damaged, or made for another log directory', () => {
    const { dir, snapshotFile } = newLog();
    write(dir, 'laptop.jsonl', rests(new Device('laptop'), 3));
    const reader = new LogReader(dir, { snapshotFile });
    reader.read();
    reader.save();
    expect(new LogReader(join(dir, '..', 'other'), { snapshotFile }).read().reason).toBe('no snapshot');
    writeFileSync(snapshotFile, readFileSync(snapshotFile, 'utf8').replace('"plans":[', '"plans":7,"was":['));
    expect(new LogReader(dir, { snapshotFile }).read().reason).toBe('no snapshot');
    writeFileSync(snapshotFile, '{"format": "prep-log-sn');
    expect(new LogReader(dir, { snapshotFile }).read()).toMatchObject({ mode: 'full', view: new LogReader(dir).read().view });
  });

  it('keeps its checkpoint in a file of its own: read only for new events, never one another run wrote in between', () => {
    const { dir, snapshotFile } = newLog();
    const laptop = new Device('laptop');
    const desktop = new Device('desktop', T0 - 10 * HOUR);
    const policy = { ms: HOUR, max: 10 };
    write(dir, 'laptop.jsonl', rests(laptop, 30, 60_000));
    const first = new LogReader(dir, { snapshotFile, policy });
    first.read();
    first.save();
    const checkpoint = checkpointFileOf(snapshotFile);
    const saved = readFileSync(checkpoint, 'utf8');
    // Nothing new: the head alone is read; the checkpoint may even be gone.
    rmSync(checkpoint);
    expect(new LogReader(dir, { snapshotFile, policy }).read()).toMatchObject({ mode: 'incremental', bytesRead: 0 });
    // A checkpoint another run wrote (another token) is not this head's: a late event folds everything anew.
    writeFileSync(checkpoint, saved.replace(/^(prep-log-checkpoint \S+ )\S+/, '$1another'));
    write(dir, 'desktop.jsonl', [desktop.write({ kind: 'switch', date: '2026-03-02', plan: '90-day' })]);
    const late = new LogReader(dir, { snapshotFile, policy }).read();
    expect(late.mode).toBe('full');
    expect(late.view).toEqual(new LogReader(dir).read().view);
    // With its own checkpoint, a new event after the head is added to it, and both are saved.
    const reader = new LogReader(dir, { snapshotFile, policy });
    reader.read();
    reader.save();
    add(dir, 'laptop.jsonl', rests(laptop, 1));
    const next = new LogReader(dir, { snapshotFile, policy });
    expect(next.read().mode).toBe('incremental');
    next.save();
    expect(readFileSync(checkpoint, 'utf8')).not.toBe(saved);
    expect(new LogReader(dir, { snapshotFile, policy }).read().view).toEqual(new LogReader(dir).read().view);
  });

  it('still reports a damaged line it folded past, on every later read', () => {
    const { dir, snapshotFile } = newLog();
    const device = new Device('laptop');
    writeFileSync(join(dir, 'laptop.jsonl'), `${encodeEvent(rests(device, 1)[0]!)}not json\n`);
    const reader = new LogReader(dir, { snapshotFile });
    reader.read();
    reader.save();
    add(dir, 'laptop.jsonl', rests(device, 1));
    const read = new LogReader(dir, { snapshotFile }).read();
    expect(read.mode).toBe('incremental');
    expect(read.problems).toEqual([{ file: 'laptop.jsonl', line: 2, reason: 'it is not valid JSON; skipped' }]);
  });

  it('gives what a full read gives after any sequence of appends, copies and reads (property)', () => {
    const step = fc.oneof(
      fc.record({ op: fc.constant('append' as const), device: fc.constantFrom('laptop', 'desktop', 'phone'), payloads: fc.array(payload, { minLength: 1, maxLength: 4 }), ms: fc.integer({ min: -2 * HOUR, max: 20 * HOUR }) }),
      fc.record({ op: fc.constant('copy' as const), device: fc.constantFrom('laptop', 'desktop'), cut: fc.nat() }),
      fc.record({ op: fc.constant('read' as const), restart: fc.boolean() }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const { dir, snapshotFile } = newLog();
        const devices = new Map(['laptop', 'desktop', 'phone'].map((id) => [id, new Device(id)]));
        const policy = { ms: 6 * HOUR, max: 6 };
        let reader = new LogReader(dir, { snapshotFile, policy });
        let copies = 0;
        const check = () => {
          const read = reader.read();
          reader.save();
          expect(read.view).toEqual(new LogReader(dir).read().view);
        };
        for (const s of steps) {
          if (s.op === 'append') {
            const device = devices.get(s.device)!;
            add(dir, `${s.device}.jsonl`, s.payloads.map((p, i) => device.write(p, i === 0 ? s.ms : 1000)));
          } else if (s.op === 'copy') {
            let text = '';
            try {
              text = readFileSync(join(dir, `${s.device}.jsonl`), 'utf8');
            } catch {
              continue;
            }
            const kept = text.split('\n').slice(0, s.cut % 5);
            writeFileSync(join(dir, `${s.device}.sync-conflict-20260302-08150${copies++ % 10}-ABCD123.jsonl`), kept.map((l) => `${l}\n`).join(''));
          } else {
            if (s.restart) reader = new LogReader(dir, { snapshotFile, policy });
            check();
          }
        }
        check();
      }),
      { numRuns: 60 },
    );
  });
});
