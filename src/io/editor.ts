// $VISUAL / $EDITOR on a temporary file in a private directory: the command line is split into
// words here, never handed to a shell, so nothing in the variable is evaluated.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { LaunchError } from '../errors.js';
import { nodeOs } from './os.js';

/**
 * `code --wait` → ["code", "--wait"]; single and double quotes group words ("'/opt/My Editor/ed' -w"),
 * a backslash escapes the next character. Undefined when the text holds no word.
 */
export function splitCommandLine(text: string): string[] | undefined {
  const words: string[] = [];
  let word: string | undefined;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < text.length) word += text[++i]!;
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      word ??= '';
    } else if (ch === '\\' && i + 1 < text.length) word = (word ?? '') + text[++i]!;
    else if (/\s/.test(ch)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else word = (word ?? '') + ch;
  }
  if (word !== undefined) words.push(word);
  return words.length > 0 ? words : undefined;
}

/** The editor the environment names: $VISUAL, else $EDITOR, as words. */
export function editorFrom(env: NodeJS.ProcessEnv): string[] | undefined {
  return splitCommandLine(env.VISUAL ?? '') ?? splitCommandLine(env.EDITOR ?? '');
}

/** Runs `command` on a file holding `initial` and returns what the file holds when it exits; the file and its directory are removed. */
export function editText(command: readonly string[], initial: string): string {
  // mkdtemp makes the directory 0700: no other user can read the note or swap the file.
  const dir = mkdtempSync(join(nodeOs().tmpdir(), 'prep-note-'));
  try {
    const file = join(dir, 'NOTE.md');
    writeFileSync(file, initial, { mode: 0o600 });
    const [program, ...args] = command;
    // Required here, not imported: node:child_process costs every other command ~3 ms at start-up.
    const { spawnSync } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
    const result = spawnSync(program!, [...args, file], { stdio: 'inherit' });
    const shown = command.join(' ');
    if (result.error) throw new LaunchError(`cannot start the editor ${shown}: ${(result.error as NodeJS.ErrnoException).code ?? result.error.message}; nothing was saved`, 'Set $VISUAL or $EDITOR to an editor that is installed, or pass the note as text: prep note "TEXT".');
    if (result.status !== 0) throw new LaunchError(`the editor ${shown} exited with ${result.status === null ? `signal ${result.signal}` : `status ${result.status}`}; nothing was saved`, 'Pass the note as text instead: prep note "TEXT".');
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
