// What dist/daily.cjs runs: the daily commands (src/daily.ts) from a bundle of their own, a third
// of the whole CLI's, so `prep today` reads, deserializes and starts only what it uses. A command
// line it cannot read plainly (help, a mistake for commander to explain) goes to the whole CLI.
import { runPlainly } from '../app/plain-run.js';
import { runEntry } from '../app/report.js';
import { DAILY_COMMANDS, DAILY_RENDERERS } from '../daily.js';
import { exitWhenWritten } from '../output.js';
import type { Startup } from './entry-types.js';

export async function runDaily(startup: Startup & { wholeCli: () => Promise<void> }): Promise<void> {
  const { route } = startup;
  // Stays true when the run fails: its error is reported, and nothing is run again.
  let handled = true;
  await runEntry(startup, async () => {
    handled = route.entry === 'cli' && route.command !== undefined && (await runPlainly(route.command, route.args, DAILY_COMMANDS, DAILY_RENDERERS));
  });
  if (!handled) await startup.wholeCli();
  else exitWhenWritten();
}
