// A write to the study log appends whole lines to this device's own file, holding the lock, and
// rewrites nothing: the bytes are flushed to disk and read back before it returns. A write that
// fails (a full disk, a read-only one, no permission) is undone, the file cut back to the length it
// had and that checked, so the file is as it was; a writer killed midway leaves at most a partial
// last line, which readers skip and the next append closes off (as a damaged line, reported).
import { closeSync, constants, fstatSync, fchmodSync, fsyncSync, ftruncateSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { StateError } from '../errors.js';
import { syncDirectory } from '../io/atomic.js';
import { errnoOf, isDiskProblem, writeFailure } from '../io/fs-errors.js';
import type { HeldLock } from '../io/lock.js';
import { ensurePrivateDir } from '../state/private-dir.js';
import { encodeEvent } from './codec.js';
import type { LogEvent } from './events.js';

/** Decades of daily study are a few MB; a device file is never read past this. */
export const MAX_LOG_FILE_BYTES = 64 * 1024 * 1024;

export interface Appended {
  /** The file's length before, and after, the append. */
  from: number;
  to: number;
}

const fail = (code: string, message: string) => Object.assign(new Error(message), { code });

/** The byte at `position` of an open file. */
function byteAt(fd: number, position: number): number {
  const one = Buffer.alloc(1);
  return readSync(fd, one, 0, 1, position) === 1 ? one[0]! : -1;
}

/** Opens the device's file for appending, made 0600 if it is new; says whether it was. */
function openForAppend(file: string): { fd: number; created: boolean } {
  const flags = constants.O_RDWR | constants.O_APPEND | constants.O_NOCTTY | constants.O_NONBLOCK;
  try {
    return { fd: openSync(file, flags | constants.O_CREAT | constants.O_EXCL, 0o600), created: true };
  } catch (caught) {
    if (errnoOf(caught) !== 'EEXIST') throw caught;
  }
  return { fd: openSync(file, flags), created: false };
}

/** Writes all of `bytes` at the end of `fd`; a write that makes no progress is a full disk. */
function writeAll(fd: number, bytes: Buffer, file: string): void {
  for (let offset = 0; offset < bytes.length; ) {
    const written = writeSync(fd, bytes, offset, bytes.length - offset);
    if (written <= 0) throw fail('ENOSPC', `no room to write ${file}`);
    offset += written;
  }
}

/** The bytes `from`..`from + length` of an open file, for checking what was written. */
function readBack(fd: number, from: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buffer, got, length - got, from + got);
    if (n === 0) break;
    got += n;
  }
  return buffer.subarray(0, got);
}

/**
 * Appends `events` to `file`, this device's own; the caller holds `lock`. Throws InvalidEvent
 * (before touching the disk) for an event that would not read back, and a StateError saying what
 * to do when the disk refuses the write, the file as it was.
 */
export function appendEvents(file: string, events: readonly LogEvent[], lock: HeldLock): Appended {
  const lines = Buffer.from(events.map(encodeEvent).join(''), 'utf8');
  const dir = dirname(file);
  ensurePrivateDir(dir, 'log directory');
  let opened: { fd: number; created: boolean };
  try {
    opened = openForAppend(file);
  } catch (caught) {
    // ENXIO: a named pipe where the file should be, which nothing reads.
    if (errnoOf(caught) === 'ENXIO') throw notRegular(file);
    if (!isDiskProblem(caught)) throw caught;
    throw refusal(caught, dir);
  }
  const { fd, created } = opened;
  let from = -1;
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw notRegular(file);
    from = stats.size;
    // Made by a sync tool or an older prep with a wider mode: the log is the user's alone.
    if ((stats.mode & 0o077) !== 0) fchmodSync(fd, 0o600);
    // A last line a killed writer left half-written is closed off, so it cannot swallow this one.
    const bytes = from > 0 && byteAt(fd, from - 1) !== 0x0a ? Buffer.concat([Buffer.from('\n'), lines]) : lines;
    if (from + bytes.length > MAX_LOG_FILE_BYTES) throw new StateError(`the log file ${file} would grow past ${MAX_LOG_FILE_BYTES / 1048576} MB`, 'Nothing was written. This is far more than years of study write; `prep doctor` looks at it.');
    lock.refresh();
    if (!lock.isHeld()) throw new StateError(`another prep took over the lock on the study log while this one was stalled`, 'Nothing was written by this command. Run it again.');
    writeAll(fd, bytes, file);
    fsyncSync(fd);
    if (fstatSync(fd).size !== from + bytes.length || !readBack(fd, from, bytes.length).equals(bytes)) throw fail('EIO', `${file} did not read back as written`);
    closeSync(fd);
    if (created) syncDirectory(dir);
    return { from, to: from + bytes.length };
  } catch (caught) {
    const restored = from < 0 || undo(fd, from);
    closeSync(fd);
    if (created && restored) {
      try {
        rmSync(file, { force: true });
      } catch {
        // an empty file is left: it reads as no events
      }
    }
    if (caught instanceof StateError) throw caught;
    if (!isDiskProblem(caught)) throw caught;
    if (!restored) {
      throw new StateError(`${writeFailure(caught, dir)}; the log file ${file} may end with part of a line`, 'That part is skipped when the log is read, and `prep doctor` reports it. Free some space (or make the disk writable) and run the command again.');
    }
    throw refusal(caught, dir);
  }
}

/** Cuts the file back to `length` (what a failed write added), and checks it is that long. */
function undo(fd: number, length: number): boolean {
  try {
    ftruncateSync(fd, length);
    fsyncSync(fd);
    return fstatSync(fd).size === length;
  } catch {
    return false;
  }
}

const notRegular = (file: string) => new StateError(`the log file ${file} is not a regular file`, 'Nothing was written. Move it away; prep makes a new one.');

function refusal(caught: unknown, dir: string): StateError {
  const full = errnoOf(caught) === 'ENOSPC' || errnoOf(caught) === 'EDQUOT';
  return new StateError(`${writeFailure(caught, dir)}; nothing was written`, `The study log is as it was. ${full ? 'Free some space and run the command again.' : 'Set PREP_HOME (or XDG_STATE_HOME) to a directory you can write to.'}`);
}
