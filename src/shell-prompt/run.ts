// `prep prompt`: runs without commander, chalk or a Markdown parser, and never prints an error into
// a prompt: any failure prints nothing and exits 0, unless --debug asks to see it.
import { cleanText, nearest } from '../curriculum/text.js';
import { EXIT_USAGE, UsageError } from '../errors.js';
import { writeOut } from '../output.js';
import { resolvePaths } from '../state/paths.js';
import { GLOBAL_FLAGS } from '../startup/argv.js';
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

const USAGE = 'Usage: prep prompt [--format F] [--ascii] [--refresh] [--debug], or `prep prompt init bash|zsh|fish` for the rc file; `prep prompt --help` says more.';

/**
 * `--format X`, `--format=X`, `--ascii`, `--debug`, `--refresh`, `--date D`. Anything else is a
 * mistake in the rc file or the status line that calls it, not a failure at prompt time: a
 * UsageError (exit 2) instead of a segment, so that `eval "$(prep prompt int bash)"` shows it.
 */
export function parsePromptArgs(args: readonly string[]): PromptArgs {
  const parsed: PromptArgs = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => {
      const given = inline ?? args[++i];
      if (given === undefined) throw new UsageError(`${flag} needs a value`, USAGE);
      return given;
    };
    if (flag === '--format') parsed.format = value();
    else if (flag === '--date') parsed.date = value();
    else if (flag === '--ascii' && inline === undefined) parsed.ascii = true;
    else if (flag === '--debug' && inline === undefined) parsed.debug = true;
    else if (flag === '--refresh' && inline === undefined) parsed.refresh = true;
    // Global options but --date (`prep prompt --no-color`): accepted, and of no use to a segment.
    else if (GLOBAL_FLAGS.has(arg)) continue;
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg} for prep prompt`, USAGE);
    else {
      const shell = ['bash', 'zsh', 'fish'].includes(arg) ? arg : args.slice(i + 1).find((word) => ['bash', 'zsh', 'fish'].includes(word));
      const guess = nearest(arg, ['init']) ?? (shell === undefined ? undefined : 'init');
      throw new UsageError(`unknown command "prep prompt ${arg}"${guess ? `; did you mean \`prep prompt init${shell === undefined ? '' : ` ${shell}`}\`?` : ''}`, USAGE);
    }
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

/** `args` are the words after `prep` but `prompt`: the segment on stdout, and the exit code. */
export async function runPromptEntry(args: readonly string[]): Promise<number> {
  try {
    return await runPrompt(parsePromptArgs(args), process.env, (text) => writeOut(text));
  } catch (caught) {
    // A mistake in how the prompt is called: said once, as the CLI says it (src/main.ts), and exit 2.
    if (!(caught instanceof UsageError)) throw caught;
    writeOut(cleanText(`prep: ${caught.message}\n${caught.hint ? `${caught.hint}\n` : ''}`), 2);
    return EXIT_USAGE;
  }
}
