// Work done holding the cross-process lock, as a user meets it: a busy lock or a directory that
// cannot hold one is a StateError saying what to do; Ctrl-C (or SIGTERM) while waiting gives up at
// once, having written nothing; once the lock is held, the signal waits until the work is done and
// the lock released, so nothing is ever half-written or left locked (src/io/interrupts.ts).
import { dirname } from 'node:path';
import { InterruptedError, StateError } from '../errors.js';
import { errnoOf, writeFailure } from './fs-errors.js';
import { holdingSignals, signalExitCode } from './interrupts.js';
import { acquireLock, LockBusy, type HeldLock, type LockOptions } from './lock.js';

export interface LockedWork extends Omit<LockOptions, 'signal'> {
  /** What is locked, for messages: "the study log", "the state file PATH". */
  what: string;
}

/** Runs `work` holding the lock on `target` (`target.lock`), under the rules above. */
export async function withLock<T>(target: string, options: LockedWork, work: (lock: HeldLock) => T | Promise<T>): Promise<T> {
  const interrupted = (signal: 'SIGINT' | 'SIGTERM') => new InterruptedError('interrupted while waiting for another prep to finish; nothing was changed', signalExitCode(signal));
  return holdingSignals(interrupted, async (waiting, hold) => {
    let lock: HeldLock;
    try {
      lock = await acquireLock(target, { staleMs: options.staleMs, waitMs: options.waitMs, signal: waiting });
    } catch (caught) {
      if (caught instanceof InterruptedError) throw caught;
      if (caught instanceof LockBusy) {
        const pid = caught.owner?.split(' ')[0];
        throw new StateError(`${options.what} stayed locked by another prep${pid ? ` (process ${pid})` : ''} for ${options.waitMs / 1000} seconds`, 'Nothing was changed. Let the other prep finish (a stopped one resumes with `fg`), then try again.');
      }
      const full = errnoOf(caught) === 'ENOSPC' || errnoOf(caught) === 'EDQUOT';
      throw new StateError(writeFailure(caught, dirname(target)), `Nothing was changed. ${full ? 'Free some space and run the command again.' : 'Set PREP_HOME (or XDG_STATE_HOME) to a directory you can write to.'}`);
    }
    hold();
    try {
      return await work(lock);
    } finally {
      lock.release();
    }
  });
}
