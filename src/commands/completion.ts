// `prep completion <shell>` prints a completion script; `prep __complete <words…>` is what it calls.
import type { Command } from 'commander';
import { completeWords } from '../completion/walk.js';
import { completionScript, FILES_DIRECTIVE } from '../completion/scripts.js';
import { createContext } from '../context.js';
import { catalog, SHIPPED_CURRICULA } from '../curriculum/read.js';
import type { Prompter } from '../prompts.js';
import { parseShell, SHELLS } from '../shells.js';
import { resolvePaths } from '../state/paths.js';
import { KEYS } from './config.js';
import { linkedTaskNumbers } from './open.js';

const never = () => Promise.reject(new Error('no prompt while completing'));
const NO_PROMPTS: Prompter = { checkbox: never, select: never, confirm: never };

export function completion(shell: string): string {
  return completionScript(parseShell(shell, 'completion script', 'eval "$(prep completion bash)"'));
}

/** The candidates for the last of `words`, one per line, then the files directive if a path fits. */
export async function completeCommandLine(program: Command, words: readonly string[], env: NodeJS.ProcessEnv, cwd: string): Promise<string> {
  // File names only: listing the catalog reads three directories (the last: plans that came with the log) and parses no Markdown.
  const paths = resolvePaths(env);
  const plans = (await catalog([SHIPPED_CURRICULA, paths.userCurricula, paths.logCurricula])).map((entry) => entry.id);
  // Read only at `prep open <Tab>`; whatever goes wrong (no state, a broken one), nothing is offered.
  const linkedTasks = async ({ day, date }: Readonly<Record<string, string>>) => {
    try {
      const ctx = createContext({ ...(date === undefined ? {} : { date }), input: false }, { env, stdin: {}, stdout: {}, stderr: { write: () => true }, cwd }, NO_PROMPTS);
      return await linkedTaskNumbers(day === undefined ? {} : { day }, ctx);
    } catch {
      return [];
    }
  };
  const { words: candidates, files } = await completeWords(program, words, { plans, shells: SHELLS, settings: KEYS, linkedTasks });
  const lines = files ? [...candidates, FILES_DIRECTIVE] : candidates;
  return lines.map((line) => `${line}\n`).join('');
}
