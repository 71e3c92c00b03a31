// `prep prompt`: runs without commander, chalk or a Markdown parser, and never prints an error into
// a prompt: any failure prints nothing and exits 0, unless --debug asks to see it.
import { writeOut } from '../output.js';
import { resolvePaths } from '../state/paths.js';
import { checkPrivatePaths } from '../state/private-dir.js';
import { refreshSegment } from './file.js';
import { ASCII_FORMAT, DEFAULT_FORMAT, formatSegment, promptData } from './segment.js';

export interface PromptArgs {
  format?: string;
  ascii?: boolean;
  debug?: boolean;
  refresh?: boolean;
  date?: string;
}

/** `--format X`, `--format=X`, `--ascii`, `--debug`, `--refresh`, `--date D`; anything else is ignored. */
export function parsePromptArgs(args: readonly string[]): PromptArgs {
  const parsed: PromptArgs = {};
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--format') parsed.format = value();
    else if (flag === '--date') parsed.date = value();
    else if (flag === '--ascii') parsed.ascii = true;
    else if (flag === '--debug') parsed.debug = true;
    else if (flag === '--refresh') parsed.refresh = true;
  }
  return parsed;
}

export async function runPrompt(args: PromptArgs, env: NodeJS.ProcessEnv, write: (text: string) => void, now = new Date()): Promise<number> {
  try {
    const paths = resolvePaths(env);
    checkPrivatePaths(paths); // one stat each; a directory not the user's alone is an error, shown only with --debug
    if (args.refresh) await refreshSegment(paths, now);
    const result = await promptData(paths, args.date, now);
    if (!result) return 0;
    const format = args.format ?? result.settings.promptFormat ?? (args.ascii ? ASCII_FORMAT : DEFAULT_FORMAT);
    write(`${formatSegment(result.data, format, args.ascii === true)}\n`);
  } catch (caught) {
    if (args.debug) {
      write('');
      writeOut(`prep prompt: ${caught instanceof Error ? (caught.stack ?? caught.message) : String(caught)}\n`, 2);
      return 1;
    }
  }
  return 0;
}
