// `prep completion <shell>` prints a completion script; `prep __complete <words…>` is what it calls.
import type { Command } from 'commander';
import { completeWords } from '../completion/walk.js';
import { completionScript, FILES_DIRECTIVE } from '../completion/scripts.js';
import { catalog, SHIPPED_CURRICULA } from '../curriculum/read.js';
import { parseShell, SHELLS } from '../shells.js';
import { resolvePaths } from '../state/paths.js';
import { KEYS } from './config.js';

export function completion(shell: string): string {
  return completionScript(parseShell(shell, 'completion script', 'eval "$(prep completion bash)"'));
}

/** The candidates for the last of `words`, one per line, then the files directive if a path fits. */
export async function completeCommandLine(program: Command, words: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  // File names only: listing the catalog reads two directories and parses no Markdown.
  const plans = (await catalog([SHIPPED_CURRICULA, resolvePaths(env).userCurricula])).map((entry) => entry.id);
  const { words: candidates, files } = completeWords(program, words, { plans, shells: SHELLS, settings: KEYS });
  const lines = files ? [...candidates, FILES_DIRECTIVE] : candidates;
  return lines.map((line) => `${line}\n`).join('');
}
