// The process's SIGINT and SIGTERM, for the work src/io/interrupts.ts holds them back from: the
// entry's to handle, so no module below it touches the process.
import type { Signals } from '../io/interrupts.js';
import { signalExitCode } from '../io/interrupts.js';

export const processSignals: Signals = {
  watch(onSignal) {
    process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
    return () => void process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  },
  exit: (signal) => process.exit(signalExitCode(signal)),
};
