// The prompt's own entry, bundled as one CommonJS file (dist/prompt.cjs): a prompt pays only for
// this file, not for Node's ES module loader or the CLI.
import { writeOut } from '../output.js';
import { parsePromptArgs, runPrompt } from './run.js';

void runPrompt(parsePromptArgs(process.argv.slice(3)), process.env, (text) => writeOut(text)).then((code) => {
  process.exitCode = code;
});
