// The cross-process lock's wait: it gives up on one holder that keeps it too long, not on a queue
// of quick ones passing it along (forty writers at once, each waiting its turn).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, LockBusy } from '../../src/io/lock.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const newTarget = () => join(mkdtempSync(join(tmpdir(), 'prep-lock-')), 'log');

describe('acquireLock', () => {
  it('gives up after waitMs on one holder that keeps the lock, naming it', async () => {
    const target = newTarget();
    // A live holder (this process), refreshed: neither stale nor dead.
    mkdirSync(`${target}.lock`);
    writeFileSync(join(`${target}.lock`, 'owner'), `${process.pid} here first\n`);
    const started = Date.now();
    const waiting = acquireLock(target, { staleMs: 60_000, waitMs: 600 });
    await expect(waiting).rejects.toBeInstanceOf(LockBusy);
    await expect(waiting).rejects.toMatchObject({ owner: `${process.pid} here first` });
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('waits on while the lock passes from holder to holder, each within waitMs, longer than waitMs in all', async () => {
    const target = newTarget();
    const options = { staleMs: 60_000, waitMs: 600 };
    const first = await acquireLock(target, options);
    const started = Date.now();
    const waiters = ['second', 'third'].map((name) => acquireLock(target, options).then((lock) => ({ name, lock })));
    await sleep(450);
    first.release();
    // Whichever got it holds it a while too, past the other's first 600 ms; the other waits on.
    const next = await Promise.race(waiters);
    await sleep(450);
    next.lock.release();
    const last = await waiters[next.name === 'second' ? 1 : 0]!;
    expect(Date.now() - started).toBeGreaterThan(850);
    expect(last.lock.isHeld()).toBe(true);
    last.lock.release();
  });
});
