// `prep sync init DIR | --git URL [DIR]`, `prep sync`, `prep sync status`: the study log shared
// with other machines, through a folder a sync tool keeps (Syncthing, Dropbox, iCloud Drive, a
// network share) or a git remote. prep reads every device's file in the folder and writes only
// its own; a sync tool's conflict copy of a file is read and merged, its events counted once.
import { join, resolve } from 'node:path';
import { defineCommand } from '../app/define.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { deviceFileName } from '../log/files.js';
import type { LogProblem } from '../log/codec.js';
import type { LogFileInfo } from '../log/reader.js';
import { GitFolder } from '../state/git.js';
import { ensurePrivateDir } from '../state/private-dir.js';
import { syncWithGit, type GitSyncResult } from '../state/git-sync.js';

export type SyncMode = 'local' | 'folder' | 'git';

export interface SyncInitData {
  mode: Exclude<SyncMode, 'local'>;
  dir: string;
  remote: string | null;
  device: string;
  /** This device's events copied into the folder (0 when it had them already). */
  copied: number;
  /** Other devices whose files are in the folder. */
  others: string[];
  /** With --git: the first sync, done at once. */
  sync: GitSyncResult | null;
}

export interface SyncData {
  mode: Exclude<SyncMode, 'local'>;
  dir: string;
  remote: string | null;
  /** With git: what the sync did; a folder a sync tool keeps needs nothing from prep. */
  sync: GitSyncResult | null;
}

export interface SyncStatusData {
  mode: SyncMode;
  dir: string;
  remote: string | null;
  device: string | null;
  /** Every device seen in the log: its events, its last one (a time), and whether it is this one. */
  devices: { device: string; events: number; last: string; thisDevice: boolean }[];
  files: LogFileInfo[];
  /** With git: this device's events the remote did not have when it was last fetched. */
  unpushed: number | null;
  problems: LogProblem[];
}

export async function syncInit(options: { dir?: string; git?: string }, ctx: Context): Promise<SyncInitData> {
  const { store } = ctx;
  if (options.git === undefined && options.dir === undefined) {
    throw new UsageError('which folder? Name the folder your sync tool keeps, or a git remote', 'For example: prep sync init ~/Sync/prep, or prep sync init --git git@example.com:me/prep-log.git');
  }
  const dir = resolve(ctx.cwd, options.dir ?? join(ctx.paths.stateDir, 'sync'));
  if (options.git !== undefined) {
    // A new folder is made private before git clones into it: the other devices' files are checked out there.
    if (!ctx.files.exists(dir)) ensurePrivateDir(dir, 'sync folder');
    await new GitFolder(dir, ctx.exec).prepare(options.git);
  }
  const { events } = await store.moveLog(dir, options.git);
  const device = await store.ensureDevice();
  const sync = options.git === undefined ? null : await syncWithGit(store, new GitFolder(dir, ctx.exec), options.git);
  const state = store.read();
  const others = Object.keys(state?.devices ?? {}).filter((id) => id !== device).sort();
  return { mode: options.git === undefined ? 'folder' : 'git', dir, remote: options.git ?? null, device, copied: events, others, sync };
}

export async function sync(_options: object, ctx: Context): Promise<SyncData> {
  const settings = ctx.store.stored()?.sync;
  if (!settings) throw new UsageError('the log is not shared with another machine yet', 'Share it first: `prep sync init DIR` (a folder a sync tool keeps) or `prep sync init --git URL`.');
  if (settings.git === undefined) return { mode: 'folder', dir: settings.dir, remote: null, sync: null };
  return { mode: 'git', dir: settings.dir, remote: settings.git, sync: await syncWithGit(ctx.store, new GitFolder(settings.dir, ctx.exec), settings.git) };
}

export async function syncStatus(_options: object, ctx: Context): Promise<SyncStatusData> {
  const { store } = ctx;
  const settings = store.stored()?.sync;
  const device = store.stored()?.device ?? null;
  const state = store.read();
  const read = store.events();
  const devices = Object.entries(state?.devices ?? {})
    .map(([id, seen]) => ({ device: id, events: seen.events, last: new Date(seen.last.wall).toISOString(), thisDevice: id === device }))
    .sort((a, b) => (a.device < b.device ? -1 : a.device > b.device ? 1 : 0));
  let unpushed: number | null = null;
  if (settings?.git !== undefined && device !== null) {
    const repo = new GitFolder(settings.dir, ctx.exec);
    const own = read.files.find((file) => file.name === deviceFileName(device));
    unpushed = Math.max(0, (own?.lines ?? 0) - (await repo.remoteLines(await repo.branch(), deviceFileName(device))));
  }
  const mode: SyncMode = settings === undefined ? 'local' : settings.git === undefined ? 'folder' : 'git';
  return { mode, dir: store.logDir, remote: settings?.git ?? null, device, devices, files: read.files, unpushed, problems: read.problems };
}

export default [
  defineCommand({
    name: 'sync',
    summary: 'share the study log between machines: a folder a sync tool keeps, or a git remote; `prep sync` alone commits, fetches, merges and pushes (git)',
    examples: ['prep sync init ~/Sync/prep        # Syncthing, Dropbox, iCloud Drive, a network share', 'prep sync init --git git@example.com:me/prep-log.git', 'prep sync                         # with git: commit, fetch, merge, push', 'prep sync status'],
    run: sync,
    render: 'sync',
  }),
  defineCommand({
    name: 'sync init',
    summary: 'move this machine\'s log into a shared folder (or a clone of a git remote); prep reads every device\'s file there and writes only its own',
    arguments: [{ syntax: '[dir]', description: 'the folder (with --git: where the clone goes; default: sync/ in the state directory)' }],
    options: [{ flags: '--git <url>', description: 'a git remote to share the log through (`prep sync` then commits, fetches, merges and pushes)' }],
    examples: ['prep sync init ~/Dropbox/prep', 'prep sync init --git git@example.com:me/prep-log.git', 'prep sync init --git ~/prep-log.git ~/prep-log'],
    run: syncInit,
    render: 'sync-init',
  }),
  defineCommand({
    name: 'sync status',
    summary: 'the devices seen in the log, each one\'s last event, conflict copies merged, and (git) what is not pushed yet',
    examples: ['prep sync status', 'prep sync status --json'],
    run: syncStatus,
    render: 'sync-status',
  }),
];
