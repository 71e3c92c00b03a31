// The one place an error becomes words on stderr and an exit code, for both of the CLI's entries
// (src/main.ts, and the daily commands' src/startup/daily.ts).
import { cleanText } from '../curriculum/text.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, PrepError } from '../errors.js';
import { useSignals } from '../io/interrupts.js';
import { writeOut } from '../output.js';
import type { Startup } from '../startup/entry-types.js';
import { processSignals } from '../startup/signals.js';
import { useVendorImport } from '../startup/vendor.js';

/** An error's words on stderr, cleaned again: an error not made by prep may quote a path or an argument as it is. */
const say = (text: string) => writeOut(cleanText(text), 2);

export function report(caught: unknown, debug: boolean): number {
  // Commander's errors, told apart by their code so that this module need not load commander.
  const code = caught instanceof Error && 'code' in caught && typeof caught.code === 'string' ? caught.code : '';
  if (code.startsWith('commander.')) {
    // Commander has printed its own message (unknown command, missing argument…) already.
    // Help asked for (--help, help, --version) is exit 0; help shown for a missing subcommand is a usage error.
    const exitCode = (caught as { exitCode?: number }).exitCode;
    return exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  // Ctrl-C at a prompt: the conventional 128 + SIGINT, and nothing was written.
  // Esc at a prompt (AbortPromptError) gives up the same way.
  if (caught instanceof Error && (caught.name === 'ExitPromptError' || caught.name === 'AbortPromptError')) return 130;
  if (caught instanceof PrepError) {
    say(`prep: ${caught.message}\n${caught.hint ? `${caught.hint}\n` : ''}`);
    if (debug && caught.stack) say(`${caught.stack}\n`);
    return caught.exitCode;
  }
  const error = caught instanceof Error ? caught : new Error(String(caught));
  say(`prep: unexpected error: ${error.message}\n`);
  say(debug ? `${error.stack}\n` : 'This is a bug in prep. Run again with DEBUG=1 for the stack trace, and report it.\n');
  return EXIT_FAILURE;
}

/** Runs an entry's `work` with the process's signals and the vendor import in place; what it throws is reported and sets the exit code. */
export async function runEntry(startup: Startup, work: () => Promise<void>): Promise<void> {
  // Ctrl-C during a write under the lock waits for the write (src/io/interrupts.ts).
  useSignals(processSignals);
  useVendorImport(startup.importVendor);
  try {
    await work();
  } catch (caught) {
    process.exitCode = report(caught, Boolean(process.env.DEBUG));
  }
}
