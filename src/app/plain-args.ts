// A plain command line (`prep done 3 --day 2 --json`) read without commander: declaring a command
// to commander and parsing with it costs a daily command a tenth of its start. Anything this reader
// is not sure of (help, `--`, `-ab`, an unknown option, a missing or extra argument) it leaves to
// commander, which has the messages; where it answers, it answers as commander would (a test checks).
import type { GlobalOptions } from '../context.js';
import { GLOBAL_OPTIONS } from '../startup/argv.js';
import { optionKey, type AnyCommand } from './define.js';

interface Flag {
  /** The key in the options: `--dry-run` → dryRun, `--no-color` → color. */
  key: string;
  takesValue: boolean;
  negated: boolean;
  global: boolean;
}

export interface PlainArgs {
  /** The command's own: its options, and its arguments by name. */
  options: Record<string, unknown>;
  /** Every option, the global ones and the command's, as commander's optsWithGlobals gives them. */
  globals: GlobalOptions & Record<string, unknown>;
}

/** `-o, --output <file>` → its words and what it sets; undefined for a form left to commander (`[value]`, `<values...>`). */
function flagsOf(syntax: string, global: boolean): { words: string[]; flag: Flag } | undefined {
  const match = /^(?:(-\w), )?(--[a-z][a-z-]*)(?: <([a-z-]+)>)?$/.exec(syntax);
  if (!match) return undefined;
  const long = match[2]!;
  const negated = long.startsWith('--no-');
  const flag = { key: optionKey(long.slice(negated ? 5 : 2)), takesValue: match[3] !== undefined, negated, global };
  return { words: match[1] ? [match[1], long] : [long], flag };
}

/** The options of `definition` and the global ones by word, or undefined when one of them is of a form this reader leaves alone. */
function flagTable(definition: AnyCommand): Map<string, Flag> | undefined {
  const table = new Map<string, Flag>();
  const declared = [...GLOBAL_OPTIONS.map((option) => ({ syntax: option.flags, global: true })), ...(definition.options ?? []).map((option) => ({ syntax: option.flags, global: false }))];
  for (const { syntax, global } of declared) {
    const parsed = flagsOf(syntax, global);
    if (!parsed) return undefined;
    // The same word twice, or `--x` beside `--no-x`: commander's rules for those are its own.
    if (parsed.words.some((word) => table.has(word)) || [...table.values()].some((flag) => flag.key === parsed.flag.key)) return undefined;
    for (const word of parsed.words) table.set(word, parsed.flag);
  }
  return table;
}

/** `<file>`, `[plan]`, `<numbers...>` → key, required, variadic. */
function argumentsOf(definition: AnyCommand) {
  return (definition.arguments ?? []).map(({ syntax }) => ({
    key: optionKey(syntax.slice(1, -1).replace(/\.\.\.$/, '')),
    required: syntax.startsWith('<'),
    variadic: syntax.endsWith('...>') || syntax.endsWith('...]'),
  }));
}

/** Sets `into` from the flags in `words` that `mine` accepts; the other words, in order. Undefined: a flag of a form left to commander. */
function readFlags(words: readonly string[], mine: (flag: Flag) => boolean, flags: ReadonlyMap<string, Flag>, into: Record<string, unknown>): string[] | undefined {
  const others: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const [flagWord = word] = word.startsWith('--') ? word.split('=', 1) : [word];
    const flag = flags.get(flagWord);
    if (!flag || !mine(flag)) {
      others.push(word);
      continue;
    }
    const inline = flagWord.length < word.length ? word.slice(flagWord.length + 1) : undefined;
    if (flag.takesValue) {
      const value = inline ?? words[++i];
      if (value === undefined) return undefined;
      into[flag.key] = value;
    } else {
      if (inline !== undefined) return undefined;
      into[flag.key] = !flag.negated;
    }
  }
  return others;
}

/** `args`: the words after `prep`, the command's word (`name`, or an alias of it) among them. Undefined: ask commander. */
export function parsePlainArgs(definition: AnyCommand, args: readonly string[]): PlainArgs | undefined {
  const flags = flagTable(definition);
  // After `--` every word is an argument, by rules of commander's own.
  if (!flags || definition.isDefault || definition.runsElsewhere || definition.name.includes(' ') || args.includes('--')) return undefined;
  const names = new Set([definition.name, ...(definition.aliases ?? [])]);
  const own: Record<string, unknown> = {};
  const global: Record<string, unknown> = {};
  // Commander gives a negatable option its default, true, until `--no-x` sets it false.
  for (const flag of flags.values()) if (flag.negated) (flag.global ? global : own)[flag.key] = true;
  // Commander's order: the root takes the global options from anywhere (a value too, whatever it
  // looks like), then the command reads what is left.
  const rest = readFlags(args, (flag) => flag.global, flags, global);
  if (rest?.[0] === undefined || !names.has(rest[0])) return undefined;
  const operands = readFlags(rest.slice(1), (flag) => !flag.global, flags, own);
  if (!operands || operands.some((word) => word.length > 1 && word.startsWith('-'))) return undefined;
  const values: Record<string, unknown> = {};
  const declared = argumentsOf(definition);
  let next = 0;
  for (const argument of declared) {
    if (argument.variadic) {
      if (argument.required && next >= operands.length) return undefined;
      values[argument.key] = operands.slice(next);
      next = operands.length;
    } else if (next < operands.length) {
      values[argument.key] = operands[next++];
    } else if (argument.required) {
      return undefined;
    }
  }
  if (next < operands.length) return undefined;
  return { options: { ...own, ...values }, globals: { ...global, ...own } };
}
