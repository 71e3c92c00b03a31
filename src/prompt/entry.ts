// The prompt's own entry, bundled as one CommonJS file (dist/prompt.cjs): a prompt pays only for
// this file, not for Node's ES module loader or the CLI.
import { cleanText } from '../curriculum/text.js';
import { EXIT_USAGE, UsageError } from '../errors.js';
import { writeOut } from '../output.js';
import { parsePromptArgs, runPrompt, type PromptArgs } from './run.js';

let args: PromptArgs | undefined;
try {
  args = parsePromptArgs(process.argv.slice(3));
} catch (caught) {
  // A mistake in how the prompt is called: said once, as the CLI says it (src/main.ts), and exit 2.
  if (!(caught instanceof UsageError)) throw caught;
  writeOut(cleanText(`prep: ${caught.message}\n${caught.hint ? `${caught.hint}\n` : ''}`), 2);
  process.exitCode = EXIT_USAGE;
}
if (args) {
  void runPrompt(args, process.env, (text) => writeOut(text)).then((code) => {
    process.exitCode = code;
  });
}
