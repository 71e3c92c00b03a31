// The commands by name, each module loaded only when its command runs: a run declares only that
// command to commander, not the other thirty; help, typos and Tab completion get them all.
// A new command is a module in src/commands/ (src/app/define.ts) and one line here.
import type { Command } from 'commander';
import type { CommandEntry } from './app/define.js';
import { definitionOf } from './app/plain-run.js';
import { DAILY_COMMANDS } from './daily.js';

export const COMMANDS: readonly CommandEntry[] = [
  // today, done, undo: their own bundle runs them (src/daily.ts).
  ...DAILY_COMMANDS,
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
