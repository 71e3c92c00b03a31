// `prep __complete <words…>`, what the completion scripts call: the candidates for the last word.
import type { Command } from 'commander';
import type { Prompter } from '../ask.js';
import { KEYS } from '../commands/config.js';
import { linkedTaskNumbers } from '../commands/open.js';
import { createContext } from '../context.js';
import { catalog, SHIPPED_CURRICULA } from '../curriculum/read.js';
import { PLAIN_STYLE } from '../render/style.js';
import { SHELLS } from '../shells.js';
import { resolvePaths } from '../state/paths.js';
import { FILES_DIRECTIVE } from './scripts.js';
import { completeWords } from './walk.js';

const never = () => Promise.reject(new Error('no prompt while completing'));
const NO_PROMPTS: Prompter = { checkbox: never, select: never, confirm: never };

/** The candidates for the last of `words`, one per line, then the files directive if a path fits. */
export async function completeCommandLine(program: Command, words: readonly string[], env: NodeJS.ProcessEnv, cwd: string): Promise<string> {
  // File names only: listing the catalog reads three directories (the last: plans that came with the log) and parses no Markdown.
  const paths = resolvePaths(env);
  const plans = (await catalog([SHIPPED_CURRICULA, paths.userCurricula, paths.logCurricula])).map((entry) => entry.id);
  // Read only at `prep open <Tab>`; whatever goes wrong (no state, a broken one), nothing is offered.
  const linkedTasks = async ({ day, date }: Readonly<Record<string, string>>) => {
    try {
      const ctx = createContext({ ...(date === undefined ? {} : { date }), input: false }, { env, stdin: {}, stdout: {}, stderr: { write: () => true }, cwd }, NO_PROMPTS, PLAIN_STYLE);
      return await linkedTaskNumbers(day === undefined ? {} : { day }, ctx);
    } catch {
      return [];
    }
  };
  const { words: candidates, files } = await completeWords(program, words, { plans, shells: SHELLS, settings: KEYS, linkedTasks });
  const lines = files ? [...candidates, FILES_DIRECTIVE] : candidates;
  return lines.map((line) => `${line}\n`).join('');
}
