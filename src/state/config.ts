// The settings and this machine's identity: a small JSON file in the state directory. It is
// replaced whole (a verified temp file, then a rename) under the study log's lock, never written
// in place, and one prep cannot read is left as it is with a message, never reset.
import { dirname, isAbsolute } from 'node:path';
import { StateError } from '../errors.js';
import { removeLeftoverTemps, writeFileAtomic } from '../io/atomic.js';
import { errnoOf, isDiskProblem, reasonOf, writeFailure } from '../io/fs-errors.js';
import { FileReadError, readBoundedBytes } from '../io/read-file.js';
import { DEVICE_ID } from '../log/events.js';
import { parseCapacity } from '../schedule/capacity.js';
import { cleanStrings } from './clean.js';
import { ensurePrivateDir } from './private-dir.js';
import type { Settings } from './schema.js';

export const CONFIG_VERSION = 1;

/** Where the log is shared with other machines: a folder a sync tool keeps, or a git work tree with its remote. */
export interface SyncSettings {
  dir: string;
  /** The git remote's URL, when the folder is a git work tree that `prep sync` commits, fetches and pushes. */
  git?: string;
}

export interface Config {
  version: typeof CONFIG_VERSION;
  /** Absent until a setting is changed or an older state file's settings are moved here. */
  settings?: Settings;
  /** This machine's id in the log: its file is `<device>.jsonl`. Made on the first write. */
  device?: string;
  sync?: SyncSettings;
}

// A few hundred bytes; far more is not a file prep wrote.
const MAX_CONFIG_BYTES = 64 * 1024;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function readsAsCapacity(text: string): boolean {
  try {
    parseCapacity(text);
    return true;
  } catch {
    return false;
  }
}

/** Why `raw` is not settings prep wrote, or undefined when it is. */
export function settingsProblem(raw: unknown): string | undefined {
  if (!isRecord(raw)) return 'its settings are not an object';
  const { dayStart, defaultPlan, promptFormat, reviewRetention, reviewLimit, capacity } = raw;
  if (typeof dayStart !== 'number' || !Number.isInteger(dayStart) || dayStart < 0 || dayStart >= 24 * 60) return 'its day-start is not minutes 0–1439';
  if (typeof defaultPlan !== 'string' || defaultPlan === '') return 'its default-plan is not a plan id';
  if (promptFormat !== undefined && typeof promptFormat !== 'string') return 'its prompt-format is not text';
  if (reviewRetention !== undefined && (typeof reviewRetention !== 'number' || !(reviewRetention >= 0.7 && reviewRetention <= 0.99))) return 'its review-retention is not a share from 0.7 to 0.99';
  if (reviewLimit !== undefined && (typeof reviewLimit !== 'number' || !Number.isSafeInteger(reviewLimit) || reviewLimit < 0)) return 'its review-limit is not a count';
  if (capacity !== undefined && (typeof capacity !== 'string' || !readsAsCapacity(capacity))) return 'its capacity is not hours per weekday, such as "mon-fri 3h, sat 8h, sun 6h"';
  return undefined;
}

/** Why `raw` is not a config file's contents, or undefined when it is. Unknown keys (a newer prep's) are allowed. */
function configProblem(raw: unknown): string | undefined {
  if (!isRecord(raw)) return 'it does not hold a JSON object';
  if (typeof raw.version !== 'number') return 'it has no version';
  if (raw.version > CONFIG_VERSION) return `it was written by a newer prep (config version ${raw.version})`;
  if (raw.settings !== undefined) {
    const problem = settingsProblem(raw.settings);
    if (problem) return problem;
  }
  if (raw.device !== undefined && (typeof raw.device !== 'string' || !DEVICE_ID.test(raw.device))) return 'its device is not a device id (lowercase letters, digits and dashes)';
  if (raw.sync !== undefined) {
    const sync = raw.sync;
    if (!isRecord(sync) || typeof sync.dir !== 'string' || !isAbsolute(sync.dir)) return 'its sync folder is not an absolute path';
    if (sync.git !== undefined && (typeof sync.git !== 'string' || sync.git === '')) return 'its git remote is not a URL';
  }
  return undefined;
}

/** The config file at `path`: read once, written whole. */
export class ConfigFile {
  constructor(readonly path: string) {}

  /** What the file holds, or undefined when there is none; a file prep cannot read is a StateError. */
  read(): Config | undefined {
    let bytes: Buffer;
    try {
      bytes = readBoundedBytes(this.path, { limit: MAX_CONFIG_BYTES, what: 'a config file' });
    } catch (caught) {
      if (errnoOf(caught) === 'ENOENT' || errnoOf(caught) === 'ENOTDIR') return undefined;
      throw this.#unreadable(caught instanceof FileReadError ? caught.reason : reasonOf(caught));
    }
    let raw: unknown;
    try {
      raw = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw this.#unreadable(bytes.toString('utf8').trim() === '' ? 'it is empty' : 'it is not valid JSON');
    }
    const problem = configProblem(raw);
    if (problem) throw this.#unreadable(problem);
    // Edited by hand or copied from elsewhere: its text reaches the terminal, so it is cleaned on the way in.
    return cleanStrings(raw) as unknown as Config;
  }

  /** Replaces the file with `config`; the caller holds the study log's lock. Nothing is changed on failure. */
  write(config: Config): void {
    const problem = configProblem(config);
    if (problem) throw new StateError(`refused to write a config file that would not read back: ${problem}`, 'Nothing was changed. This is a bug in prep; please report it with the command you ran.');
    const dir = dirname(this.path);
    ensurePrivateDir(dir, 'state directory');
    removeLeftoverTemps(this.path); // a killed writer's, left behind: only the lock's holder writes here
    try {
      writeFileAtomic(this.path, Buffer.from(`${JSON.stringify(config, null, '\t')}\n`), 0o600);
    } catch (caught) {
      if (!isDiskProblem(caught)) throw caught;
      const full = errnoOf(caught) === 'ENOSPC' || errnoOf(caught) === 'EDQUOT';
      throw new StateError(`${writeFailure(caught, dir)}; nothing was written`, `The config file is as it was. ${full ? 'Free some space and run the command again.' : 'Set PREP_HOME (or XDG_STATE_HOME) to a directory you can write to.'}`);
    }
  }

  #unreadable(reason: string): StateError {
    return new StateError(`cannot read the config file ${this.path}: ${reason}`, 'Nothing was changed. Fix it by hand (it is JSON: settings, device, sync), or move it aside to start from the default settings.');
  }
}
