// The entry: runs the CLI and is the one place that turns errors into messages and exit codes.
// Built, one CommonJS file run from a V8 code cache by src/startup/boot.ts: no ES module loader to
// start; commands are initialized only when they run, heavy packages (inquirer) loaded only when used.
import { buildProgram, runPlainly } from './cli.js';
import { cleanText } from './curriculum/text.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, PrepError } from './errors.js';
import { writeOut } from './output.js';
import { runPromptEntry } from './shell-prompt/run.js';
import { useSignals } from './io/interrupts.js';
import { routeOf } from './startup/argv.js';
import type { Startup } from './startup/entry-types.js';
import { processSignals } from './startup/signals.js';
import { useVendorImport } from './startup/vendor.js';

/** An error's words on stderr, cleaned again: an error not made by prep may quote a path or an argument as it is. */
const say = (text: string) => writeOut(cleanText(text), 2);

function report(caught: unknown, debug: boolean): number {
  // Commander's errors, told apart by their code so that this entry need not load commander.
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

/** Runs the command argv asks for; `startup` is what src/startup/boot.ts read and hands over. */
export async function main(startup: Startup = { route: routeOf(process.argv.slice(2)) }): Promise<void> {
  // Ctrl-C during a write under the lock waits for the write (src/io/interrupts.ts).
  useSignals(processSignals);
  useVendorImport(startup.importVendor);
  const { route } = startup;
  try {
    // Built, boot.ts sends the prompt to its own bundle; run from source (src/startup/dev.ts), it comes here.
    if (route.entry === 'prompt') {
      process.exitCode = await runPromptEntry(route.args);
      return;
    }
    // Tab completion: not a commander command, or commander would parse the words being
    // completed (`--help`, `--date x`) as options of its own.
    if (route.entry === 'complete') {
      const { completeCommandLine } = await import('./completion/line.js');
      writeOut(await completeCommandLine(await buildProgram(), route.words, process.env, process.cwd()));
      return;
    }
    if (route.command !== undefined && (await runPlainly(route.command, route.args))) return;
    let program = await buildProgram(route.command);
    // Not a command (a typo, `help`): commander suggests and helps from the whole tree.
    if (program.commands.length === 0) program = await buildProgram();
    await program.parseAsync(route.args, { from: 'user' });
  } catch (caught) {
    process.exitCode = report(caught, Boolean(process.env.DEBUG));
  }
}
