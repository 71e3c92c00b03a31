// Ctrl-C (SIGINT) and SIGTERM around work under the lock: while waiting for the lock, a signal gives
// up at once, having written nothing; once it is held, the signal waits until the work is whole and
// the lock released. This module never touches the process: the entry hands it the process's
// signals once (src/startup/signals.ts), and without them (a test calling the store) it watches none.

/** Where signals come from and how a run ends on one: the process's, from the entry. */
export interface Signals {
  /** Calls `onSignal` for each SIGINT or SIGTERM until the returned function is called. */
  watch(onSignal: (signal: 'SIGINT' | 'SIGTERM') => void): () => void;
  /** Ends the run as that signal asks (exit 130 or 143). */
  exit(signal: 'SIGINT' | 'SIGTERM'): never;
}

let signals: Signals | undefined;

/** Called by the entry, once, before any command runs. */
export function useSignals(source: Signals): void {
  signals = source;
}

/** The exit code a signal ends a run with: 128 + its number. */
export const signalExitCode = (signal: 'SIGINT' | 'SIGTERM') => (signal === 'SIGINT' ? 130 : 143);

/**
 * Runs `work`, passing it the signal (made when asked for) that aborts while it waits
 * (`onWaitAborted` makes the reason) and a `hold` to call once the lock is held: from then on a
 * signal is honoured only when `work` ends.
 */
export async function holdingSignals<T>(onWaitAborted: (signal: 'SIGINT' | 'SIGTERM') => Error, work: (waiting: () => AbortSignal, hold: () => void) => Promise<T>): Promise<T> {
  // Made when first needed (a wait, or a signal): an AbortController costs about 0.2 ms to load, and a lock is mostly taken at once.
  let waiting: AbortController | undefined;
  const controller = () => (waiting ??= new AbortController());
  let held = false;
  let interrupted: 'SIGINT' | 'SIGTERM' | undefined;
  const stop = signals?.watch((signal) => {
    if (held) interrupted = signal;
    else controller().abort(onWaitAborted(signal));
  });
  try {
    return await work(() => controller().signal, () => {
      held = true;
    });
  } finally {
    stop?.();
    // A signal that came while the lock was held: honoured now that the work is whole.
    if (interrupted) signals!.exit(interrupted);
  }
}
