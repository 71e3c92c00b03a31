// A cross-process lock: a directory beside the file (mkdir is atomic), with an owner file inside
// that says which process holds it. Its time is refreshed while work goes on; a lock not refreshed
// for `staleMs`, or whose owner has died on this machine, is taken over.
import { mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostName } from './os.js';
import { join } from 'node:path';

export interface HeldLock {
  /** Marks the lock as still in use: call it between the steps of long work. */
  refresh(): void;
  /** False when another process has taken the lock over (this one was stalled past `staleMs`). */
  isHeld(): boolean;
  release(): void;
}

export interface LockOptions {
  staleMs: number;
  /** How long to wait for another holder before giving up. */
  waitMs: number;
  /** The wait's abort signal (Ctrl-C): the promise rejects with its reason. Asked for only once the lock must be waited for. */
  signal?: () => AbortSignal;
}

/** The lock is held by another process, still alive, for longer than we would wait. */
export class LockBusy extends Error {
  constructor(readonly owner: string | null) {
    super('locked');
  }
}

const ownerFile = (dir: string) => join(dir, 'owner');

function readOwner(dir: string): string | null {
  try {
    return readFileSync(ownerFile(dir), 'utf8').trim();
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (caught) {
    return (caught as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock directory's identity when it may be taken over, else null. */
function staleIdentity(dir: string, staleMs: number): number | null {
  let info;
  try {
    info = statSync(dir);
  } catch {
    return null; // released meanwhile: just try again
  }
  if (Date.now() - info.mtimeMs > staleMs) return info.ino;
  const [pid, host] = (readOwner(dir) ?? '').split(' ');
  const ownerPid = Number(pid);
  // A holder killed on this machine: no need to wait for its lock to age.
  if (host === hostName() && Number.isInteger(ownerPid) && ownerPid > 0 && ownerPid !== process.pid && !isAlive(ownerPid)) return info.ino;
  return null;
}

/** Moves a stale lock away; should the directory turn out to be a newer lock, it goes back. */
function takeOver(dir: string, ino: number): void {
  const aside = `${dir}.stale-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    renameSync(dir, aside);
  } catch {
    return; // someone else took it first
  }
  if (statSync(aside).ino !== ino) {
    try {
      renameSync(aside, dir);
      return;
    } catch {
      // a third process holds the name now; the one moved aside will notice it lost the lock
    }
  }
  rmSync(aside, { recursive: true, force: true });
}

/** The lock directory and its owner file; rmSync's recursive walk (a module of its own in Node 20) only for anything else found in it. */
function removeLockDir(dir: string): void {
  try {
    unlinkSync(ownerFile(dir));
    rmdirSync(dir);
  } catch {
    rmSync(dir, { recursive: true, force: true });
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Takes the lock on `target` (`target.lock`), waiting up to `waitMs` for any one holder: while the
 * lock passes from one holder to the next (a queue of writers, each quick) the wait goes on.
 */
export async function acquireLock(target: string, options: LockOptions): Promise<HeldLock> {
  const dir = `${target}.lock`;
  const token = `${process.pid} ${hostName()} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  let deadline = Date.now() + options.waitMs;
  let holder: string | null = null;
  for (let delay = 20, first = true; ; delay = Math.min(delay * 1.3, 250), first = false) {
    // Nothing can abort before the first try: no signal is handled before this run waits.
    const signal = first ? undefined : options.signal?.();
    if (signal?.aborted) throw signal.reason;
    try {
      mkdirSync(dir, { mode: 0o700 });
      break;
    } catch (caught) {
      if ((caught as NodeJS.ErrnoException).code !== 'EEXIST') throw caught;
    }
    const stale = staleIdentity(dir, options.staleMs);
    if (stale !== null) {
      takeOver(dir, stale);
      continue;
    }
    const owner = readOwner(dir);
    if (owner !== null && owner !== holder) {
      // Another holder than the one waited for: the lock is moving, so the wait starts again.
      holder = owner;
      deadline = Date.now() + options.waitMs;
    }
    if (Date.now() >= deadline) throw new LockBusy(owner);
    await sleep(delay, options.signal?.());
  }
  try {
    writeFileSync(ownerFile(dir), `${token}\n`, { mode: 0o600, flag: 'wx' });
  } catch (caught) {
    rmSync(dir, { recursive: true, force: true });
    throw caught;
  }
  const ino = statSync(dir).ino;
  const isHeld = () => {
    try {
      return statSync(dir).ino === ino && readOwner(dir) === token;
    } catch {
      return false;
    }
  };
  return {
    refresh() {
      const now = new Date();
      try {
        utimesSync(dir, now, now);
      } catch {
        // gone: isHeld() says so before anything is replaced
      }
    },
    isHeld,
    release() {
      if (isHeld()) removeLockDir(dir);
    },
  };
}
