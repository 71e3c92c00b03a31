// A command as one value: its declaration (name, arguments, options, help examples), what it does
// (run: options and the context in, data out) and the renderer that draws that data, by name.
// src/app/declare.ts makes a commander command of it; src/app/run.ts runs it and prints its data.
import type { Completer } from '../completion/completers.js';
import type { Context } from '../context.js';
import type { RenderOptions } from '../render/style.js';

/** A pure string function of a command's data, the render options and the command's options. */
export type Render = (data: never, options: RenderOptions, commandOptions: never) => string;

export interface ArgumentDefinition {
  /** commander's syntax: `<file>` required, `[plan]` optional, `<files...>` any number. */
  syntax: string;
  description?: string;
  /** What Tab offers here (src/completion/completers.ts); none: nothing. */
  complete?: Completer;
}

export interface OptionDefinition {
  /** commander's syntax: `-a, --all`, `--day <n>`. */
  flags: string;
  description: string;
  /** Left out of --help: an option prep passes itself. */
  hidden?: boolean;
}

export interface CommandDefinition<Options extends object = object, Data = unknown> {
  /** The words that run it: `today`, `plan switch`. The table in src/cli.ts says the same, and declare checks that it does. */
  name: string;
  /** Other words for it (`streak` for `stats`), in the table too: it loads the module by them. */
  aliases?: readonly string[];
  summary: string;
  arguments?: readonly ArgumentDefinition[];
  options?: readonly OptionDefinition[];
  /** Command lines for the help's first lines: most people read those and try one. */
  examples: readonly string[];
  /** More help, after the options. */
  details?: string;
  /** The subcommand its parent runs when none is named (`prep plan` is `prep plan list`). */
  isDefault?: boolean;
  /** Declared for help and Tab completion only: another entry runs it, and src/startup/argv.ts sends it there. */
  runsElsewhere?: string;
  /** Its arguments (by name) and options in, the data to print out. A command without one only holds subcommands. */
  run?(options: Options, ctx: Context): Data | Promise<Data>;
  /**
   * The renderer of its data: a name in src/app/renderers.ts (`text` prints the data, a string, as
   * it is), or a loader of one that imports nothing from this module.
   */
  render?: string | (() => Promise<Render>);
  /** A renderer for stderr, not with --json: for a command whose stdout carries the data itself. */
  report?: string | (() => Promise<Render>);
  /** The exit code its data calls for (a failed validation is 1); 0 without. */
  exitCode?(data: Data): number;
  /** A document to print as it is instead of the data (`prep export` without -o). */
  document?(data: Data, options: Options, ctx: Context): string | undefined;
}

/** `dry-run` → `dryRun`: the key an option's or an argument's value has in the options run gets, as commander names it. */
export const optionKey = (name: string) => name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());

/** A definition, its options' and data's types checked against its run and hooks. */
export function defineCommand<Options extends object, Data>(definition: CommandDefinition<Options, Data>): CommandDefinition<Options, Data> {
  return definition;
}

// Methods, not function-typed properties: a definition of any options and data is then an AnyCommand.
export type AnyCommand = CommandDefinition<any, any>;

/** What a module in src/commands/ exports as its default: its command, or the few it holds. */
export interface CommandModule {
  default: AnyCommand | readonly AnyCommand[];
}

/** A line of a command table (src/cli.ts, src/daily.ts): the words of a command and how its module is loaded. */
export interface CommandEntry {
  /** The words that run it; a subcommand comes after its parent. */
  name: string;
  /** Other words for it, which its definition gives too. */
  aliases?: readonly string[];
  load: () => Promise<CommandModule>;
}

/** Renderers by the name a command gives (`render: 'today'`), each loaded when its command prints. */
export type RendererTable = Readonly<Record<string, () => Promise<Render>>>;
