// The CLI's entry: runs any command, through commander unless its command line is plain.
// Built, one CommonJS file run from a V8 code cache by src/startup/boot.ts: no ES module loader to
// start; commands are initialized only when they run, heavy packages (inquirer) loaded only when used.
// The daily commands' plain runs start in their own smaller bundle (src/startup/daily.ts) instead.
import { buildProgram, COMMANDS } from './cli.js';
import { runPlainly } from './app/plain-run.js';
import { RENDERERS } from './app/renderers.js';
import { runEntry } from './app/report.js';
import { writeOut } from './output.js';
import { runPromptEntry } from './shell-prompt/run.js';
import { routeOf } from './startup/argv.js';
import type { Startup } from './startup/entry-types.js';

/** Runs the command argv asks for; `startup` is what src/startup/boot.ts read and hands over. */
export async function main(startup: Startup = { route: routeOf(process.argv.slice(2)) }): Promise<void> {
  const { route } = startup;
  await runEntry(startup, async () => {
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
    if (route.command !== undefined && (await runPlainly(route.command, route.args, COMMANDS, RENDERERS))) return;
    let program = await buildProgram(route.command);
    // Not a command (a typo, `help`): commander suggests and helps from the whole tree.
    if (program.commands.length === 0) program = await buildProgram();
    await program.parseAsync(route.args, { from: 'user' });
  });
}
