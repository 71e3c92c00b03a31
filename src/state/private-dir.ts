// The directories prep keeps its files in (state, cache) must be the user's alone: in one that another
// user owns or can write to, they could plant a state file, a parsed plan or a V8 code cache for prep
// to read. Only these directories are checked, not their parents: a shared /tmp can hold a private one.
import { mkdirSync, statSync, type Stats } from 'node:fs';
import { StateError } from '../errors.js';
import { reasonOf } from '../io/fs-errors.js';
import type { Paths } from './paths.js';

/** Directories found private in this process: each costs one stat, once. */
const checked = new Set<string>();

const ELSEWHERE = 'set PREP_HOME to a directory of your own (mkdir -m 700 ~/.prep)';

/** A directory that could not be looked at or made (a file in its path, no permission, a read-only disk). */
function unusable(dir: string, what: string, caught: unknown): StateError {
  return new StateError(`cannot create the ${what} ${dir}: ${reasonOf(caught)}`, 'Set PREP_HOME (or XDG_STATE_HOME) to a directory you can write to.');
}

/** Single-quoted for a POSIX shell, unless the path needs no quotes. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * Whether `dir` exists (false when it does not); throws StateError, naming it (as `what`, e.g. "state
 * directory") and the fix, when it is not a directory, belongs to another user, or others can write to it.
 */
export function privateDirExists(dir: string, what = 'directory'): boolean {
  if (checked.has(dir)) return true;
  let info: Stats | undefined;
  try {
    info = statSync(dir, { throwIfNoEntry: false });
  } catch (caught) {
    throw unusable(dir, what, caught);
  }
  if (info === undefined) return false;
  if (!info.isDirectory()) throw new StateError(`the ${what} ${dir} is not a directory`, `Move that file away, or ${ELSEWHERE}.`);
  // No uids on Windows: there a user's profile directories are private already.
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid) {
    throw new StateError(
      `the ${what} ${dir} belongs to another user (uid ${info.uid}): prep keeps your files only in a directory of your own`,
      `If sudo made it, run \`sudo chown -R "$USER" ${shellWord(dir)}\`; else ${ELSEWHERE}.`,
    );
  }
  if (uid !== undefined && (info.mode & 0o022) !== 0) {
    throw new StateError(
      `the ${what} ${dir} can be written to by other users (mode ${(info.mode & 0o7777).toString(8)}): they could plant files that prep reads`,
      `Run \`chmod 700 ${shellWord(dir)}\`, or ${ELSEWHERE}.`,
    );
  }
  checked.add(dir);
  return true;
}

/**
 * Makes `dir` (and missing parents) with mode 0700 when it is missing. Throws StateError, naming the
 * directory (as `what`) and the fix, when it cannot be made, is not a directory, belongs to another
 * user, or others can write to it.
 */
export function ensurePrivateDir(dir: string, what = 'directory'): void {
  if (privateDirExists(dir, what)) return;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (caught) {
    throw unusable(dir, what, caught);
  }
  // Checked again: another user may have made it first, in a parent everyone can write to.
  if (!privateDirExists(dir, what)) throw new StateError(`the ${what} ${dir} vanished as prep made it`, 'Run the command again.');
}

/** Refuses (StateError) a state or cache directory that is not private; makes neither: each is made when first written. */
export function checkPrivatePaths(paths: Pick<Paths, 'stateDir' | 'cacheDir'>): void {
  privateDirExists(paths.stateDir, 'state directory');
  privateDirExists(paths.cacheDir, 'cache directory');
}
