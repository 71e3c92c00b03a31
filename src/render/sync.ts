import type { SyncData, SyncInitData, SyncStatusData } from '../commands/sync.js';
import type { GitSyncResult } from '../state/git-sync.js';
import { message } from './layout.js';
import { plural, type RenderOptions } from './style.js';

/** `2026-03-02 08:15 UTC`: an instant, in a few characters. */
const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function gitLines(sync: GitSyncResult, remote: string): string[] {
  const lines = [sync.committed ? `Committed this device's new events; pushed to ${remote} (${sync.branch}).` : `Nothing new from this device; ${remote} (${sync.branch}) is up to date with it.`];
  lines.push(sync.received > 0 ? `${plural(sync.received, 'event')} came from other devices.` : 'Nothing new from other devices.');
  return lines;
}

export function renderSyncInit(data: SyncInitData, { style, wrapAt }: RenderOptions): string {
  const lines = [style.green(`✔ The study log is in ${data.dir} now${data.remote ? `, a clone of ${data.remote}` : ''}; this device (${data.device}) writes only its own file there.`)];
  lines.push(data.copied > 0 ? `${plural(data.copied, 'event')} of this device copied into it; the old folder keeps its copy.` : 'This device had nothing to copy into it.');
  if (data.others.length > 0) lines.push(`Other devices there: ${data.others.join(', ')}.`);
  if (data.sync && data.remote) lines.push(...gitLines(data.sync, data.remote), '`prep sync` commits, fetches, merges and pushes again; run it on each machine (a cron job or a shell hook will do).');
  else lines.push('Point the same folder on your other machines at it with `prep sync init DIR` there; your sync tool does the rest.');
  return message(lines, wrapAt);
}

export function renderSync(data: SyncData, { wrapAt }: RenderOptions): string {
  if (data.sync && data.remote) return message(gitLines(data.sync, data.remote), wrapAt);
  return message([`The study log is in ${data.dir}, which your sync tool keeps in sync: nothing for prep to do.`], wrapAt);
}

export function renderSyncStatus(data: SyncStatusData, { style, wrapAt }: RenderOptions): string {
  const where = data.mode === 'local' ? `${data.dir} (on this machine only; \`prep sync init DIR\` shares it)` : data.mode === 'git' ? `${data.dir}, a clone of ${data.remote}` : `${data.dir}, kept in sync by your sync tool`;
  const lines = [`study log: ${where}`];
  if (data.devices.length === 0) lines.push('no events yet');
  for (const device of data.devices) lines.push(`  ${device.thisDevice ? '*' : ' '} ${device.device}: ${plural(device.events, 'event')}, the last ${when(device.last)}`);
  const copies = data.files.filter((file) => file.copy !== null);
  if (copies.length > 0) lines.push(`sync conflict copies, read and merged: ${copies.map((file) => file.name).join(', ')}`);
  const partial = data.files.filter((file) => file.partial);
  if (partial.length > 0) lines.push(`still arriving (a last line not whole yet): ${partial.map((file) => file.name).join(', ')}`);
  if (data.unpushed !== null) lines.push(data.unpushed === 0 ? style.green('✔ every event of this device is pushed') : style.yellow(`${plural(data.unpushed, 'event')} of this device not pushed yet: \`prep sync\` pushes them`));
  const damaged = data.problems.filter((problem) => !problem.partial);
  if (damaged.length > 0) lines.push(style.yellow(`${plural(damaged.length, 'damaged line')} skipped: \`prep doctor\` lists them`));
  return message(lines, wrapAt);
}
