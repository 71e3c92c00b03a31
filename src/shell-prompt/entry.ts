// What dist/prompt.cjs runs: a prompt pays only for this file, not for Node's ES module loader or
// the CLI. bin/prep.cjs sends it `prep prompt` as src/startup/argv.ts routes it.
import { routeOf } from '../startup/argv.js';
import { runPromptEntry } from './run.js';

const route = routeOf(process.argv.slice(2));
void runPromptEntry(route.entry === 'prompt' ? route.args : process.argv.slice(3)).then((code) => {
  process.exitCode = code;
});
