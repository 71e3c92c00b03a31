// The one look at argv before anything is loaded: which entry runs (the prompt, Tab completion or
// the CLI) and which command, so that only that command is declared. No imports: the prompt's
// bundle and the CLI's both start with it.

/** The options every command takes, declared once: commander, the prompt and this pre-parse read them here. */
export const GLOBAL_OPTIONS = [
  { flags: '--date <when>', description: 'act as if today were this date: today, yesterday, tomorrow (to read) or YYYY-MM-DD' },
  { flags: '--json', description: 'print only JSON on stdout' },
  { flags: '--no-color', description: 'no colour, even on a terminal (NO_COLOR and TERM=dumb work too)' },
  { flags: '--no-input', description: 'never prompt; fail with a message instead' },
] as const;

/** The global options that take a value (`--date D`), by their long flag. */
const VALUED = new Set(GLOBAL_OPTIONS.filter((option) => option.flags.includes(' <')).map((option) => option.flags.split(' ')[0]!));
/** The global flags that take none (`--json`). */
export const GLOBAL_FLAGS: ReadonlySet<string> = new Set(GLOBAL_OPTIONS.filter((option) => !option.flags.includes(' <')).map((option) => option.flags));

/** The commands dist/daily.cjs runs (src/daily.ts has their table; a test holds the two alike). */
export const DAILY_WORDS: ReadonlySet<string> = new Set(['today', 'done', 'undo']);

const HELP_OR_VERSION = new Set(['-h', '--help', '-V', '--version']);

/** `--date D` or `--date=D`: a global option that takes a value, and whether the value is the next word. */
export function globalValueOption(arg: string): { flag: string; inline: boolean } | undefined {
  const [flag = arg] = arg.split('=', 1);
  if (!VALUED.has(flag)) return undefined;
  return { flag, inline: arg.length > flag.length };
}

/** What argv asks for: the entry that answers it, and the words the CLI is to parse. */
export type Route =
  /** `prep __complete <words…>`: Tab completion of the words after `prep`. */
  | { entry: 'complete'; words: string[] }
  /** `prep prompt [options]`: the prompt segment, with no commander, context or Markdown parser. */
  | { entry: 'prompt'; args: string[] }
  /** Every other command: `command` is its first word (undefined: help, the version, or none). */
  | { entry: 'cli'; command: string | undefined; args: string[] };

/** Where the first word that is not an option (nor the value of --date) is: the command. Help or the version asked for first: -1. */
function commandAt(args: readonly string[]): number {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (HELP_OR_VERSION.has(arg)) return -1;
    if (globalValueOption(arg)?.inline === false) i++;
    else if (!arg.startsWith('-')) return i;
  }
  return -1;
}

/** `args` are the words after `prep` (process.argv.slice(2)). */
export function routeOf(args: readonly string[]): Route {
  if (args[0] === '__complete') return { entry: 'complete', words: args.slice(1) };
  const onlyGlobals = args.every((arg, i) => GLOBAL_FLAGS.has(arg) || globalValueOption(arg) !== undefined || (i > 0 && globalValueOption(args[i - 1]!)?.inline === false));
  // `prep` alone (or with global options only) is today's page, with hints at what else there is.
  if (onlyGlobals) return { entry: 'cli', command: 'today', args: ['today', '--hints', ...args] };
  const at = commandAt(args);
  const command = at < 0 ? undefined : args[at];
  // The prompt runs before every shell prompt: everything but `prompt init` and help goes straight to it.
  if (command === 'prompt' && args[at + 1] !== 'init' && !args.some((arg) => HELP_OR_VERSION.has(arg))) return { entry: 'prompt', args: [...args.slice(0, at), ...args.slice(at + 1)] };
  return { entry: 'cli', command, args: [...args] };
}
