// `prep doctor [--restore]`: checks the study log (every file, every line), the config file and an
// older prep's state file with its last good copy; --restore brings a history back where it can.
import { defineCommand } from '../app/define.js';
import type { Context } from '../context.js';
import { StateError } from '../errors.js';
import { errnoOf } from '../io/fs-errors.js';
import { FileReadError } from '../io/read-file.js';
import type { LogProblem } from '../log/codec.js';
import { fold } from '../log/fold.js';
import type { LogFileInfo } from '../log/reader.js';
import { readState, StateFile } from '../state/store.js';

type FileStatus = 'ok' | 'missing' | 'broken';

export interface DoctorData {
  /** No damaged line and nothing unreadable (a partial last line is only not whole yet). */
  ok: boolean;
  log: { dir: string; device: string | null; files: LogFileInfo[]; events: number; problems: LogProblem[] };
  config: { file: string; status: FileStatus; problem: string | null };
  /** The state file of a prep before the log: there until the first write turns it into the log. */
  stateFile: string;
  /** Whether there is a history prep can read: `missing` before anything was recorded. */
  state: FileStatus;
  problem: string | null;
  /** The state file's last good copy, kept by an older prep. */
  backup: FileStatus;
  /** Set when --restore brought the backup's history into the log: where the file it replaced was kept (null: there was none). */
  restored: { keptAs: string | null; events: number } | null;
  /** Set when --restore moved this device's damaged lines out of its file: where they are kept. */
  repaired: { keptAs: string; lines: number } | null;
}

function check(file: StateFile, path: string): { status: FileStatus; problem: string | null } {
  let text: string;
  try {
    text = readState(path).toString('utf8');
  } catch (caught) {
    if (errnoOf(caught) === 'ENOENT') return { status: 'missing', problem: null };
    return { status: 'broken', problem: caught instanceof FileReadError ? caught.message : `cannot read ${path}: ${(caught as Error).message}` };
  }
  try {
    file.parse(text);
    return { status: 'ok', problem: null };
  } catch (caught) {
    return { status: 'broken', problem: (caught as Error).message };
  }
}

/** `20260302T083000`: the stamp of a kept copy's name. */
const stampOf = (now: Date) => now.toISOString().replace(/[-:]/g, '').replace(/\..*/, '');

export async function doctor(options: { restore?: boolean }, ctx: Context): Promise<DoctorData> {
  const { store } = ctx;
  const config = (() => {
    try {
      return { file: ctx.paths.configFile, status: (store.stored() === undefined ? 'missing' : 'ok') as FileStatus, problem: null };
    } catch (caught) {
      if (!(caught instanceof StateError)) throw caught;
      return { file: ctx.paths.configFile, status: 'broken' as FileStatus, problem: caught.message };
    }
  })();
  // A config file that cannot be read hides where the log is: nothing more can be said.
  if (config.status === 'broken') throw new StateError(config.problem!, 'Fix it by hand (it is JSON: settings, device, sync), or move it aside to start from the default settings; the log is not touched.');
  const read = store.events();
  const events = fold(read.events).events;
  const log = { dir: store.logDir, device: store.stored()?.device ?? null, files: read.files, events, problems: read.problems };
  const legacy = check(store.stateFile, store.stateFile.path);
  const backup = check(store.stateFile, store.stateFile.backupPath).status;
  const damaged = read.problems.filter((p) => !p.partial);
  let data: DoctorData = {
    ok: damaged.length === 0,
    log,
    config,
    stateFile: store.stateFile.path,
    state: legacy.status === 'broken' ? 'broken' : legacy.status === 'ok' || events > 0 ? 'ok' : 'missing',
    problem: legacy.problem,
    backup,
    restored: null,
    repaired: null,
  };
  if (options.restore && damaged.some((p) => p.file === store.ownFileName)) {
    const repaired = await store.repairOwnFile(stampOf(ctx.now));
    if (repaired) data = { ...data, repaired, ok: damaged.every((p) => p.file === store.ownFileName) };
  }
  // A missing state file with a good backup and nothing in the log is history gone missing, not a first run.
  const lost = legacy.status === 'missing' && events === 0 && backup === 'ok';
  if (legacy.status !== 'broken' && !lost) return data;
  const problem = legacy.problem ?? `the state file ${store.stateFile.path} is missing, but its backup ${store.stateFile.backupPath} holds your history`;
  if (!options.restore) {
    const how = backup === 'ok' ? '`prep doctor --restore` brings back the last good copy and keeps the broken file beside it.' : 'There is no good backup to restore: fix the file by hand, or move it aside to start afresh.';
    throw new StateError(problem, how);
  }
  if (backup !== 'ok') throw new StateError(`the state file is broken and its backup ${store.stateFile.backupPath} is ${backup}`, 'Fix the file by hand, or move it aside to start afresh.');
  const restored = await store.adoptBackup(`broken-${stampOf(ctx.now)}`);
  return { ...data, state: 'ok', problem: null, restored, log: { ...log, events: events + restored.events } };
}

export default defineCommand({
  name: 'doctor',
  summary: 'check the study log (every file and line) and the config file; exit 1 for damaged lines; --restore repairs what it can',
  options: [{ flags: '--restore', description: 'move damaged lines out of this device\'s log file (kept aside); bring an older state file\'s last good copy into the log when the file is broken' }],
  examples: ['prep doctor', 'prep doctor --restore', 'prep doctor --json | jq .log.problems'],
  run: doctor,
  render: 'doctor',
  exitCode: (data) => (data.ok ? 0 : 1),
});
