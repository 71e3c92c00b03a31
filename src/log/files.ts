// The study log's directory: one file per device, `<device>.jsonl`, written only by that device,
// and the copies sync tools make when two machines changed a file at once. Every copy is read and
// merged (its events are counted once, being copies), so none is lost or counted twice.
import { slugify } from '../curriculum/text.js';
import { DEVICE_ID } from './events.js';

export const LOG_EXTENSION = '.jsonl';

/** Who made a file that is not a device's own: Syncthing, Dropbox, or another tool (iCloud's `name 2`, Drive's `name (1)`). */
export type CopyTool = 'syncthing' | 'dropbox' | 'other';

export interface LogFileName {
  name: string;
  /** The device whose file this is (or is a copy of), when its name says. */
  device: string | null;
  /** null for a device's own file. */
  copy: CopyTool | null;
}

const SYNCTHING = /^(.+)\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}\.jsonl$/;
const DROPBOX = /^(.+?) \(.*conflicted copy.*\)\.jsonl$/i;

export function deviceFileName(device: string): string {
  return `${device}${LOG_EXTENSION}`;
}

/**
 * What a name in the log directory is: a device's file, a sync tool's copy of one, or (undefined)
 * not part of the log: a hidden or temporary file (a sync tool's transfer in progress), another extension.
 */
export function classifyLogFile(name: string): LogFileName | undefined {
  if (name.startsWith('.') || name.startsWith('~') || !name.endsWith(LOG_EXTENSION)) return undefined;
  const base = name.slice(0, -LOG_EXTENSION.length);
  if (DEVICE_ID.test(base)) return { name, device: base, copy: null };
  const syncthing = SYNCTHING.exec(name);
  if (syncthing) return { name, device: deviceIn(syncthing[1]!), copy: 'syncthing' };
  const dropbox = DROPBOX.exec(name);
  if (dropbox) return { name, device: deviceIn(dropbox[1]!), copy: 'dropbox' };
  return { name, device: deviceIn(base), copy: 'other' };
}

/** The device id a copy's name begins with, if any: `laptop-x1 2` → `laptop-x1`. */
function deviceIn(base: string): string | null {
  const prefix = /^[a-z0-9][a-z0-9-]*/.exec(base)?.[0].replace(/-+$/, '').slice(0, 64);
  return prefix && DEVICE_ID.test(prefix) ? prefix : null;
}

/**
 * A new device id: the host's name, made a file name any disk keeps apart (lowercase, dashes), and
 * six random letters, so two machines called `laptop` are two devices.
 */
export function newDeviceId(hostname: string, random: () => number = Math.random): string {
  const name = slugify(hostname, 40) || 'device';
  let suffix = '';
  while (suffix.length < 6) suffix += Math.floor(random() * 36).toString(36);
  return `${name}-${suffix}`;
}
