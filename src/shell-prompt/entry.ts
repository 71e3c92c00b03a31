// The prompt's own entry, in dist/boot.cjs and initialized only for a prompt, so that a prompt
// pays for that one file, not for the CLI (no commander, chalk or Markdown parser).
// src/startup/boot.ts calls it with the words after `prep` but `prompt`, as src/startup/argv.ts routes them.
import { exitWhenWritten } from '../output.js';
import { runPromptEntry } from './run.js';

export function startPrompt(args: readonly string[]): void {
  void runPromptEntry(args).then((code) => {
    process.exitCode = code;
    exitWhenWritten();
  });
}
