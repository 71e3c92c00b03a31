// The one way prep reads a file a user names (a curriculum, a plan to import, a backup, the state):
// regular files only, and never more than a limit, whatever `stat` said or the file became since.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { reasonOf } from './fs-errors.js';

/** Why a file could not be read: `reason` is plain words for a message, `code` the errno (or EFBIG). */
export class FileReadError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
    readonly reason: string,
  ) {
    super(`cannot read ${path}: ${reason}`);
  }
}

export interface FileText {
  text: string;
  /** Of the file as opened (fstat), so a cache keyed on it describes the bytes read. */
  stats: Stats;
}

export interface ReadLimit {
  /** At most this many bytes are read; a larger file is refused (code EFBIG). */
  limit: number;
  /** What the file is, for the message about its size: `a curriculum` → "a curriculum may be at most 2 MB". */
  what?: string;
}


const megabytes = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
// A limit of whole megabytes reads "2 MB", not "2.0 MB".
const limitText = (bytes: number) => (Number.isInteger(bytes / 1048576) ? `${bytes / 1048576} MB` : megabytes(bytes));

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'it is a directory';
  if (stats.isFIFO()) return 'it is a named pipe (FIFO), not a regular file';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'it is a device, not a regular file';
  if (stats.isSocket()) return 'it is a socket, not a regular file';
  return 'it is not a regular file';
}

function failure(path: string, caught: unknown): FileReadError {
  if (caught instanceof FileReadError) return caught;
  const code = (caught as NodeJS.ErrnoException).code ?? 'EIO';
  return new FileReadError(path, code, reasonOf(caught));
}

function tooLarge(path: string, size: string, { limit, what }: ReadLimit): FileReadError {
  return new FileReadError(path, 'EFBIG', `it is ${size}; ${what ?? 'a file read here'} may be at most ${limitText(limit)}`);
}

/**
 * Opens `path` and checks the opened file (not the name: it could be swapped in between) is a
 * regular one. O_NONBLOCK so a FIFO cannot hold up the open itself. The caller closes `fd`.
 */
export function openRegularFile(path: string): { fd: number; stats: Stats } {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new FileReadError(path, stats.isDirectory() ? 'EISDIR' : 'ENOTREG', kindOf(stats));
    return { fd, stats };
  } catch (caught) {
    if (fd !== undefined) closeSync(fd);
    throw failure(path, caught);
  }
}

/**
 * Reads an opened regular file's bytes, at most `limit`: one more byte read means it is too large.
 * From byte `from` on, when given (the study log reads only what was appended since).
 */
export function readOpenedBytes(path: string, fd: number, stats: Stats, bounds: ReadLimit, from = 0): Buffer {
  const size = Math.max(0, stats.size - from);
  if (size > bounds.limit) throw tooLarge(path, megabytes(size), bounds);
  // Sized by what stat said, and grown only should the file turn out longer: never the whole limit up front.
  let buffer = Buffer.allocUnsafe(Math.min(bounds.limit + 1, size + 4096));
  let length = 0;
  try {
    while (length <= bounds.limit) {
      if (length === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(Math.min(bounds.limit + 1, buffer.length * 2) - buffer.length)], Math.min(bounds.limit + 1, buffer.length * 2));
      const got = readSync(fd, buffer, length, buffer.length - length, from === 0 ? null : from + length);
      if (got === 0) break;
      length += got;
    }
  } catch (caught) {
    throw failure(path, caught);
  }
  // It grew after the fstat (or stat lied, as /proc files do): refused at the limit, not read on.
  if (length > bounds.limit) throw tooLarge(path, `over ${limitText(bounds.limit)}`, bounds);
  return buffer.subarray(0, length);
}

/** Reads an opened regular file as UTF-8, at most `limit` bytes. */
export function readOpenedFile(path: string, fd: number, stats: Stats, bounds: ReadLimit): string {
  return readOpenedBytes(path, fd, stats, bounds).toString('utf8');
}

/** The bytes of the regular file at `path`, reading at most `limit`; throws a FileReadError as readBoundedFile does. */
export function readBoundedBytes(path: string, bounds: ReadLimit): Buffer {
  const { fd, stats } = openRegularFile(path);
  try {
    return readOpenedBytes(path, fd, stats, bounds);
  } finally {
    closeSync(fd);
  }
}

/**
 * The text of the regular file at `path`, and its stats, reading at most `limit` bytes.
 * Throws a FileReadError (no such file, permission denied, a directory, a FIFO or device, too large…).
 */
export function readBoundedFile(path: string, bounds: ReadLimit): FileText {
  const { fd, stats } = openRegularFile(path);
  try {
    return { text: readOpenedFile(path, fd, stats, bounds), stats };
  } finally {
    closeSync(fd);
  }
}
