// What Tab offers for an argument: each argument names its own completer when it is declared
// (src/app/define.ts), so renaming an argument never changes what completes there.
import type { Argument } from 'commander';

/** Candidates that come from outside the tree: read by the caller, so that completing stays pure. */
export interface Sources {
  /** Plan ids, shipped and the user's own. */
  plans: readonly string[];
  shells: readonly string[];
  /** `prep config` keys. */
  settings: readonly string[];
  /** The numbers of the day's tasks that have a link: read only when asked, given the --day and --date typed. */
  linkedTasks(options: Readonly<Record<string, string>>): Promise<readonly string[]>;
}

export interface Completion {
  /** The candidates (the walker keeps those that start with the word being completed). */
  words: string[];
  /** The position takes a file path: the shell may complete file names when no word matched. */
  files: boolean;
}

/** What has been typed before the word being completed: the command's arguments so far, and the options' values by attribute name. */
export interface Typed {
  given: readonly string[];
  values: Readonly<Record<string, string>>;
}

export type Completer = (sources: Sources, typed: Typed) => Completion | Promise<Completion>;

export const NOTHING: Completion = { words: [], files: false };
const words = (list: readonly string[]): Completion => ({ words: [...list], files: false });

export const completePlans: Completer = (sources) => words(sources.plans);
export const completeShells: Completer = (sources) => words(sources.shells);
export const completeSettings: Completer = (sources) => words(sources.settings);
export const completeFiles: Completer = () => ({ words: [], files: true });
export const completeLinkedTasks: Completer = async (sources, typed) => words(await sources.linkedTasks(typed.values));
/** A setting's value: plan ids for `default-plan`, else nothing to offer. */
export const completeSettingValue: Completer = (sources, typed) => (typed.given[0] === 'default-plan' ? words(sources.plans) : NOTHING);

// Kept beside commander's own Argument objects, which have no room for it.
const completers = new WeakMap<Argument, Completer>();

/** `argument`, completed by `completer`: how src/app/declare.ts (or a test's own tree) attaches one. */
export function withCompleter(argument: Argument, completer: Completer | undefined): Argument {
  if (completer) completers.set(argument, completer);
  return argument;
}

export function completerOf(argument: Argument): Completer | undefined {
  return completers.get(argument);
}
