// The entry: runs the CLI and is the one place that turns errors into messages and exit codes.
import { CommanderError } from 'commander';
import { buildProgram } from './cli.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, PrepError } from './errors.js';

function report(caught: unknown, debug: boolean): number {
  if (caught instanceof CommanderError) {
    // Commander has printed its own message (unknown command, missing argument…) already.
    if (caught.code === 'commander.helpDisplayed' || caught.code === 'commander.version') return EXIT_OK;
    if (caught.code === 'commander.help') return EXIT_OK;
    return EXIT_USAGE;
  }
  // Ctrl-C at a prompt: the conventional 128 + SIGINT, and nothing was written.
  if (caught instanceof Error && caught.name === 'ExitPromptError') return 130;
  if (caught instanceof PrepError) {
    process.stderr.write(`prep: ${caught.message}\n${caught.hint ? `${caught.hint}\n` : ''}`);
    if (debug && caught.stack) process.stderr.write(`${caught.stack}\n`);
    return caught.exitCode;
  }
  const error = caught instanceof Error ? caught : new Error(String(caught));
  process.stderr.write(`prep: unexpected error: ${error.message}\n`);
  process.stderr.write(debug ? `${error.stack}\n` : 'This is a bug in prep. Run again with DEBUG=1 for the stack trace, and report it.\n');
  return EXIT_FAILURE;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  // A closed pipe (`prep plan show | head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    throw error;
  });
  const program = buildProgram();
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return;
    }
    await program.parseAsync(argv);
  } catch (caught) {
    process.exitCode = report(caught, Boolean(process.env.DEBUG));
  }
}

await main();
