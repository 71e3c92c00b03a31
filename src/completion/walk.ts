// Tab completion's core: what may come next on a `prep` command line, read from the commander tree
// (commands, their options, global options, each argument's own completer), so it never drifts from the CLI.
import type { Command, Option } from 'commander';
import { completerOf, NOTHING, type Completion, type Sources } from './completers.js';

export type { Completion, Sources } from './completers.js';

function ancestry(command: Command): Command[] {
  const chain: Command[] = [];
  for (let at: Command | null = command; at; at = at.parent) chain.push(at);
  return chain;
}

/** The option a word names, on the command or an ancestor (commander takes global options anywhere). */
function findOption(command: Command, word: string): Option | undefined {
  const flag = word.split('=')[0] ?? word;
  for (const at of ancestry(command)) {
    const option = at.options.find((o) => o.long === flag || o.short === flag);
    if (option) return option;
  }
  return undefined;
}

function findCommand(command: Command, word: string): Command | undefined {
  return command.commands.find((sub) => sub.name() === word || sub.aliases().includes(word));
}

/** Long flags where there are (`--all`, not `-a`): the visible ones of the command, its ancestors' and help. */
function optionFlags(command: Command): string[] {
  const help = command.createHelp();
  help.showGlobalOptions = true;
  const flags = [...help.visibleOptions(command), ...help.visibleGlobalOptions(command)].map((o) => o.long ?? o.short ?? '');
  return [...new Set(flags)].filter((flag) => flag !== '');
}

/**
 * `words` are the words after `prep`, the last being the one under the cursor (maybe empty).
 * Walks the completed words down the tree as commander would, then offers what fits the last one.
 */
export async function completeWords(program: Command, words: readonly string[], sources: Sources): Promise<Completion> {
  const current = words.at(-1) ?? '';
  let command = program;
  let given: string[] = [];
  let optionsEnded = false;
  let valueOf: Option | undefined;
  // The options' values typed so far, by attribute name (`--day 5` → day: '5').
  const values: Record<string, string> = {};
  for (const word of words.slice(0, -1)) {
    if (valueOf) {
      values[valueOf.attributeName()] = word;
      valueOf = undefined;
    } else if (!optionsEnded && word === '--') {
      optionsEnded = true;
    } else if (!optionsEnded && word.startsWith('-') && word !== '-') {
      // `--date 2026-03-02`: the next word is the option's value, not a command or an argument.
      const option = findOption(command, word);
      const equals = word.indexOf('=');
      if (option?.required && equals >= 0) values[option.attributeName()] = word.slice(equals + 1);
      else if (option?.required) valueOf = option;
    } else {
      const sub = given.length === 0 && !optionsEnded ? findCommand(command, word) : undefined;
      if (sub) command = sub;
      else given = [...given, word];
    }
  }

  let completion: Completion;
  if (valueOf) completion = NOTHING; // an option's value (a date, a format): nothing to offer
  else if (!optionsEnded && current.startsWith('-')) completion = { words: optionFlags(command), files: false };
  else {
    const subcommands = given.length === 0 ? command.createHelp().visibleCommands(command).map((sub) => sub.name()) : [];
    if (subcommands.length > 0) completion = { words: subcommands, files: false };
    else {
      const args = command.registeredArguments;
      const last = args.at(-1);
      const argument = args[given.length] ?? (last?.variadic ? last : undefined);
      const completer = argument ? completerOf(argument) : undefined;
      completion = completer ? await completer(sources, { given, values }) : NOTHING;
    }
  }
  return { words: completion.words.filter((word) => word.startsWith(current)), files: completion.files };
}
