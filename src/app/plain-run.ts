// A command of a table, from its module; and a plain command line of one run without commander.
import type { AnyCommand, CommandEntry, RendererTable } from './define.js';
import { parsePlainArgs } from './plain-args.js';
import { runCommand } from './run.js';

/** The definition `entry` names, from its module: there must be one, of the same name and aliases. */
export async function definitionOf(entry: CommandEntry): Promise<AnyCommand> {
  const exported = (await entry.load()).default;
  const definition = (Array.isArray(exported) ? exported : [exported]).find((candidate: AnyCommand) => candidate.name === entry.name);
  if (!definition) throw new Error(`the module of prep ${entry.name} defines no command of that name`);
  if ((definition.aliases ?? []).join() !== (entry.aliases ?? []).join()) throw new Error(`prep ${entry.name}: its aliases differ from the table's`);
  return definition;
}

/** Runs `word`'s command of `table` without commander when it has no subcommands and `args` are plain (src/app/plain-args.ts); false: it did not. */
export async function runPlainly(word: string, args: readonly string[], table: readonly CommandEntry[], renderers: RendererTable): Promise<boolean> {
  const entry = table.find((candidate) => candidate.name === word || candidate.aliases?.includes(word));
  if (!entry || table.some((other) => other.name.startsWith(`${entry.name} `))) return false;
  const definition = await definitionOf(entry);
  const plain = parsePlainArgs(definition, args);
  if (!plain || !definition.run) return false;
  await runCommand(definition, plain.options, plain.globals, renderers);
  return true;
}
