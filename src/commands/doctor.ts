// `prep doctor [--restore]`: checks the state file and its last good copy; restores it when asked.
import { existsSync, readFileSync } from 'node:fs';
import type { Context } from '../context.js';
import { StateError } from '../errors.js';

export interface DoctorData {
  stateFile: string;
  state: 'ok' | 'missing' | 'broken';
  problem: string | null;
  backup: 'ok' | 'missing' | 'broken';
  /** Where the unreadable file was kept when --restore put the backup back. */
  restored: { keptAs: string } | null;
}

function check(ctx: Context, path: string): { status: 'ok' | 'missing' | 'broken'; problem: string | null } {
  if (!existsSync(path)) return { status: 'missing', problem: null };
  try {
    ctx.store.parse(readFileSync(path, 'utf8'));
    return { status: 'ok', problem: null };
  } catch (caught) {
    return { status: 'broken', problem: (caught as Error).message };
  }
}

export async function doctor(options: { restore?: boolean }, ctx: Context): Promise<DoctorData> {
  const state = check(ctx, ctx.store.path);
  const backup = check(ctx, ctx.store.backupPath).status;
  const data: DoctorData = { stateFile: ctx.store.path, state: state.status, problem: state.problem, backup, restored: null };
  if (state.status !== 'broken') return data;
  if (!options.restore) {
    const how = backup === 'ok' ? '`prep doctor --restore` puts back the last good copy and keeps the broken file beside it.' : 'There is no good backup to restore: fix the file by hand, or move it aside to start afresh.';
    throw new StateError(state.problem ?? `the state file ${ctx.store.path} is broken`, how);
  }
  if (backup !== 'ok') throw new StateError(`the state file is broken and its backup ${ctx.store.backupPath} is ${backup}`, 'Fix the file by hand, or move it aside to start afresh.');
  const stamp = ctx.now.toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  return { ...data, state: 'ok', restored: { keptAs: await ctx.store.restore(stamp) } };
}
