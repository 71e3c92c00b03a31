// Command definitions → commander commands: the root with the global options, then each command
// under its parent (`plan switch` under `plan`), each action running its command through runCommand.
import { Argument, Command, Option } from 'commander';
import { withCompleter } from '../completion/completers.js';
import type { GlobalOptions } from '../context.js';
import { cleanText } from '../curriculum/text.js';
import { writeOut } from '../output.js';
import { GLOBAL_OPTIONS } from '../startup/argv.js';
import { version } from '../startup/version.js';
import { optionKey, type AnyCommand } from './define.js';
import { RENDERERS } from './renderers.js';
import { runCommand } from './run.js';

/** Help leads with examples: most people read the first lines and try one. */
export const examples = (lines: readonly string[]) => `Examples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;

/** The root command: name, version, global options, help and error output; no commands yet. */
export function rootCommand(): Command {
  const program = new Command('prep')
    .description('A study coach for the terminal: today\'s tasks, streaks and progress from a Markdown study plan.')
    .version(version(), '-V, --version');
  for (const option of GLOBAL_OPTIONS) program.addOption(new Option(option.flags, option.description));
  program
    .showSuggestionAfterError()
    .exitOverride()
    // Help and commander's messages go out like everything else: a closed pipe ends the run quietly;
    // its errors quote the words typed, cleaned.
    .configureOutput({ writeOut: (text) => writeOut(text), writeErr: (text) => writeOut(cleanText(text), 2) });
  program.configureHelp({ showGlobalOptions: true });
  program.addHelpText('before', examples(['prep                        # today\'s page', 'prep done 1 3', 'prep done --date yesterday 2', 'prep stats', 'prep plan switch 90', 'prep pause                  # travelling: the plan waits']));
  return program;
}

/** `[plan]` → `plan`, `<files...>` → `files`: the key an argument's value has in the options run gets. */
const argumentKey = (argument: Argument) => optionKey(argument.name());

/** Adds `definition` under its parent in `program` (declared before it). */
export function declare(program: Command, definition: AnyCommand): void {
  const words = definition.name.split(' ');
  let parent = program;
  for (const word of words.slice(0, -1)) {
    const found = parent.commands.find((sub) => sub.name() === word);
    if (!found) throw new Error(`prep ${definition.name} is declared before prep ${word}`);
    parent = found;
  }
  const command = parent.command(words.at(-1)!, definition.isDefault ? { isDefault: true } : {}).description(definition.summary);
  // A default subcommand (`prep plan` is `prep plan list`) takes no words: a mistyped subcommand is a typo to name.
  if (definition.isDefault) {
    parent.hook('preSubcommand', (self, sub) => {
      const word = self.args[0];
      if (word !== undefined && !word.startsWith('-') && word !== sub.name() && !sub.aliases().includes(word)) (self as unknown as { unknownCommand(): never }).unknownCommand();
    });
  }
  for (const alias of definition.aliases ?? []) command.alias(alias);
  for (const { syntax, description, complete } of definition.arguments ?? []) command.addArgument(withCompleter(new Argument(syntax, description), complete));
  for (const { flags, description, hidden } of definition.options ?? []) command.addOption(hidden ? new Option(flags, description).hideHelp() : new Option(flags, description));
  command.addHelpText('before', examples(definition.examples));
  if (definition.details) command.addHelpText('after', definition.details);
  if (definition.runsElsewhere) {
    const where = definition.runsElsewhere;
    command.action(() => {
      throw new Error(`prep ${definition.name} reached commander: it runs in ${where}`);
    });
  } else if (definition.run) {
    command.action(async (...args: unknown[]) => {
      const self = args.at(-1) as Command;
      const options: Record<string, unknown> = { ...self.opts() };
      self.registeredArguments.forEach((argument, index) => {
        if (args[index] !== undefined) options[argumentKey(argument)] = args[index];
      });
      await runCommand(definition, options, self.optsWithGlobals<GlobalOptions>(), RENDERERS);
    });
  }
}
