// The commands by name, each module loaded only when its command runs: a run declares only that
// command to commander, not the other thirty; help, typos and Tab completion get them all.
// A new command is a module in src/commands/ (src/app/define.ts) and one line here.
import type { Command } from 'commander';
import type { AnyCommand, CommandModule } from './app/define.js';
import { parsePlainArgs } from './app/plain-args.js';
import { runCommand } from './app/run.js';

export interface CommandEntry {
  /** The words that run it; a subcommand comes after its parent. */
  name: string;
  /** Other words for it, which its definition gives too. */
  aliases?: readonly string[];
  load: () => Promise<CommandModule>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'today', load: () => import('./commands/today.js') },
  { name: 'done', load: () => import('./commands/done.js') },
  { name: 'undo', load: () => import('./commands/done.js') },
  { name: 'open', load: () => import('./commands/open.js') },
  { name: 'plan', load: () => import('./commands/plan.js') },
  { name: 'plan list', load: () => import('./commands/plan-list.js') },
  { name: 'plan show', load: () => import('./commands/plan-show.js') },
  { name: 'plan switch', load: () => import('./commands/plan-switch.js') },
  { name: 'plan catch-up', load: () => import('./commands/catch-up.js') },
  { name: 'plan rebalance', load: () => import('./commands/rebalance.js') },
  { name: 'plan add', load: () => import('./commands/plan-add-remove.js') },
  { name: 'plan remove', load: () => import('./commands/plan-add-remove.js') },
  { name: 'plan import', load: () => import('./commands/plan-import.js') },
  { name: 'plan validate', load: () => import('./commands/plan-validate.js') },
  { name: 'stats', aliases: ['streak'], load: () => import('./commands/stats.js') },
  { name: 'week', load: () => import('./commands/week.js') },
  { name: 'checklist', load: () => import('./commands/checklist.js') },
  { name: 'check', load: () => import('./commands/checklist.js') },
  { name: 'uncheck', load: () => import('./commands/checklist.js') },
  { name: 'deadline', load: () => import('./commands/deadline.js') },
  { name: 'note', load: () => import('./commands/note.js') },
  { name: 'notes', load: () => import('./commands/notes.js') },
  { name: 'review', load: () => import('./commands/review.js') },
  { name: 'review grade', load: () => import('./commands/review-cards.js') },
  { name: 'review add', load: () => import('./commands/review-cards.js') },
  { name: 'review export', load: () => import('./commands/review-cards.js') },
  { name: 'rest', load: () => import('./commands/rest.js') },
  { name: 'pause', load: () => import('./commands/pause.js') },
  { name: 'resume', load: () => import('./commands/pause.js') },
  { name: 'doctor', load: () => import('./commands/doctor.js') },
  { name: 'export', load: () => import('./commands/export.js') },
  { name: 'import-state', load: () => import('./commands/import-state.js') },
  { name: 'sync', load: () => import('./commands/sync.js') },
  { name: 'sync init', load: () => import('./commands/sync.js') },
  { name: 'sync status', load: () => import('./commands/sync.js') },
  { name: 'config', load: () => import('./commands/config.js') },
  { name: 'config path', load: () => import('./commands/config.js') },
  { name: 'config get', load: () => import('./commands/config.js') },
  { name: 'config set', load: () => import('./commands/config.js') },
  { name: 'prompt', load: () => import('./commands/prompt.js') },
  { name: 'prompt init', load: () => import('./commands/prompt.js') },
  { name: 'completion', load: () => import('./commands/completion.js') },
];

/** The definition `entry` names, from its module: there must be one, of the same name and aliases. */
export async function definitionOf(entry: CommandEntry): Promise<AnyCommand> {
  const exported = (await entry.load()).default;
  const definition = (Array.isArray(exported) ? exported : [exported]).find((candidate: AnyCommand) => candidate.name === entry.name);
  if (!definition) throw new Error(`the module of prep ${entry.name} defines no command of that name`);
  if ((definition.aliases ?? []).join() !== (entry.aliases ?? []).join()) throw new Error(`prep ${entry.name}: its aliases differ from the table's`);
  return definition;
}

/** The CLI, with every command of `table` or only those of `only` (the command word of this run) and its subcommands. */
export async function buildProgram(only?: string, table: readonly CommandEntry[] = COMMANDS): Promise<Command> {
  // Loaded here, not on start: a plain run (runPlainly) needs no commander.
  const { declare, rootCommand } = await import('./app/declare.js');
  const program = rootCommand();
  const selected = table.filter((entry) => only === undefined || entry.name.split(' ')[0] === only || entry.aliases?.includes(only));
  const definitions = await Promise.all(selected.map(definitionOf));
  for (const definition of definitions) declare(program, definition);
  return program;
}

/** Runs `word`'s command without commander when it has no subcommands and `args` are plain (src/app/plain-args.ts); false: it did not. */
export async function runPlainly(word: string, args: readonly string[], table: readonly CommandEntry[] = COMMANDS): Promise<boolean> {
  const entry = table.find((candidate) => candidate.name === word || candidate.aliases?.includes(word));
  if (!entry || table.some((other) => other.name.startsWith(`${entry.name} `))) return false;
  const definition = await definitionOf(entry);
  const plain = parsePlainArgs(definition, args);
  if (!plain || !definition.run) return false;
  await runCommand(definition, plain.options, plain.globals);
  return true;
}
