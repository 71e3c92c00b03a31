// Verified writes: a file replaces another only once every byte of it is on disk and reads back
// as written. A short write (a full disk), a failed flush or a mismatch leaves the target untouched.
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A temp name beside `target`, unique to this process and call. */
export function tempPathFor(target: string): string {
  return `${target}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
}

const fail = (code: string, message: string) => Object.assign(new Error(message), { code });

/** How sure a write must be: `durable` (the default) flushes to disk and reads back; a cache, which costs only time when lost, need not. */
export interface WriteCare {
  durable?: boolean;
}

/**
 * Writes `bytes` to a new temp file beside `target` (never an existing one), every byte counted,
 * and (durable) flushes it to disk and reads it back. Returns the temp file's path; on any failure
 * the temp file is removed and the error (with its errno code) thrown.
 */
export function writeVerifiedTemp(target: string, bytes: Uint8Array, mode: number, { durable = true }: WriteCare = {}): string {
  const temp = tempPathFor(target);
  try {
    const fd = openSync(temp, 'wx', mode);
    try {
      // writeSync may write less than asked: on a nearly full disk it does, without an error.
      for (let offset = 0; offset < bytes.length; ) {
        const written = writeSync(fd, bytes, offset, bytes.length - offset);
        if (written <= 0) throw fail('ENOSPC', `no room to write ${temp}`);
        offset += written;
      }
      if (durable) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (durable && !Buffer.from(bytes).equals(readFileSync(temp))) throw fail('EIO', `${temp} did not read back as written`);
    return temp;
  } catch (caught) {
    rmSync(temp, { force: true });
    throw caught;
  }
}

/** Flushes a directory's entries (the renames in it) to disk; some file systems cannot, and that is fine. */
export function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // EISDIR/EINVAL/EPERM on file systems that do not sync directories
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Replaces `target` with `bytes` atomically after a verified write; nothing is left behind on failure. */
export function writeFileAtomic(target: string, bytes: Uint8Array, mode: number, care: WriteCare = {}): void {
  const temp = writeVerifiedTemp(target, bytes, mode, care);
  try {
    renameSync(temp, target);
  } catch (caught) {
    rmSync(temp, { force: true });
    throw caught;
  }
  if (care.durable !== false) syncDirectory(dirname(target));
}

/**
 * Writes `bytes` as the new file `target` after a verified write: with `replace`, over any file of
 * that name; without, a hard link puts it in place, which fails when the name is taken, so a file
 * that appears meanwhile is never clobbered (EEXIST). Nothing is left behind on failure.
 */
export function writeNewFileAtomic(target: string, bytes: Uint8Array, mode: number, replace: boolean): void {
  const temp = writeVerifiedTemp(target, bytes, mode);
  try {
    if (replace) renameSync(temp, target);
    else {
      try {
        linkSync(temp, target);
      } catch (caught) {
        // A file system without hard links: check, then rename.
        if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes((caught as NodeJS.ErrnoException).code ?? '')) throw caught;
        if (existsSync(target)) throw fail('EEXIST', `${target} exists`);
        renameSync(temp, target);
      }
    }
  } finally {
    rmSync(temp, { force: true });
  }
  syncDirectory(dirname(target));
}

/**
 * Removes temp files that writers of `target` (and of files named after it, such as its backup)
 * left behind when they were killed: today's `.tmp-PID-X` names and the older `.PID.tmp` ones.
 * Only to be called by the one process allowed to write them: the holder of the lock.
 */
export function removeLeftoverTemps(target: string): void {
  const name = basename(target);
  const dir = dirname(target);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of names) {
    if (!entry.startsWith(`${name}.`)) continue;
    if (/\.tmp-\d+-[a-z0-9]+$/.test(entry) || /\.\d+\.tmp$/.test(entry)) rmSync(join(dir, entry), { force: true });
  }
}
