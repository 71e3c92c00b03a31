// `prep doctor [--restore]`: checks the state file and its last good copy; restores it when asked.
import { defineCommand } from '../app/define.js';
import type { Context } from '../context.js';
import { StateError } from '../errors.js';
import { errnoOf } from '../io/fs-errors.js';
import { FileReadError } from '../io/read-file.js';
import { readState } from '../state/store.js';

export interface DoctorData {
  stateFile: string;
  state: 'ok' | 'missing' | 'broken';
  problem: string | null;
  backup: 'ok' | 'missing' | 'broken';
  /** Set when --restore put the backup back: where the file it replaced was kept (null: there was none). */
  restored: { keptAs: string | null } | null;
}

function check(ctx: Context, path: string): { status: 'ok' | 'missing' | 'broken'; problem: string | null } {
  let text: string;
  try {
    text = readState(path).toString('utf8');
  } catch (caught) {
    if (errnoOf(caught) === 'ENOENT') return { status: 'missing', problem: null };
    return { status: 'broken', problem: caught instanceof FileReadError ? caught.message : `cannot read ${path}: ${(caught as Error).message}` };
  }
  try {
    ctx.store.parse(text);
    return { status: 'ok', problem: null };
  } catch (caught) {
    return { status: 'broken', problem: (caught as Error).message };
  }
}

export async function doctor(options: { restore?: boolean }, ctx: Context): Promise<DoctorData> {
  const state = check(ctx, ctx.store.path);
  const backup = check(ctx, ctx.store.backupPath).status;
  const data: DoctorData = { stateFile: ctx.store.path, state: state.status, problem: state.problem, backup, restored: null };
  // A missing state with a good backup is history gone missing, not a first run.
  if (state.status === 'ok' || (state.status === 'missing' && backup !== 'ok')) return data;
  const problem = state.problem ?? `the state file ${ctx.store.path} is missing, but its backup ${ctx.store.backupPath} holds your history`;
  if (!options.restore) {
    const how = backup === 'ok' ? '`prep doctor --restore` puts back the last good copy and keeps the broken file beside it.' : 'There is no good backup to restore: fix the file by hand, or move it aside to start afresh.';
    throw new StateError(problem, how);
  }
  if (backup !== 'ok') throw new StateError(`the state file is broken and its backup ${ctx.store.backupPath} is ${backup}`, 'Fix the file by hand, or move it aside to start afresh.');
  const stamp = ctx.now.toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  return { ...data, state: 'ok', problem: null, restored: { keptAs: await ctx.store.restore(stamp) } };
}

export default defineCommand({
  name: 'doctor',
  summary: 'check the state file and its last good copy; --restore puts the copy back',
  options: [{ flags: '--restore', description: 'replace a broken state file with the last good copy (the broken one is kept beside it)' }],
  examples: ['prep doctor', 'prep doctor --restore'],
  run: doctor,
  render: 'doctor',
});
