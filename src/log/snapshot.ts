// The derived snapshot of the study log, in the cache directory: the fold (a checkpoint and its
// tail) up to a byte offset of each device file, with what identifies the bytes before it. Keyed by
// the log directory and the build of prep, and each file by its identity (device, inode, size,
// mtime); a file that changed other than by appending (shorter, the same size but modified, or its
// first or last 4 KB before the offset not what they were) makes it worthless, never trusted.
import { BUILD } from '../build.js';
import { readCacheFile, writeCacheFile } from '../cache-file.js';
import { fnv1a } from '../curriculum/cache.js';
import { checkEvent, type LogEvent } from './events.js';
import { deserializeFold, serializeFold, StaleSnapshot, type Checkpoint } from './checkpoint.js';
import type { LogProblem } from './codec.js';

/** Bytes hashed at each end of what was read: the first line or so, and the last ones before the offset. */
export const WINDOW = 4096;

/** What the snapshot knows of one file of the log. */
export interface FileMark {
  name: string;
  /** The file as it was read (fstat): only a longer one may have been appended to. */
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  /** Bytes of whole lines folded: a read goes on from here. */
  offset: number;
  /** Whole lines before the offset, for the line numbers of what follows. */
  lines: number;
  /** Hashes of the first `WINDOW` bytes and of the `WINDOW` bytes before the offset (fewer in a small file). */
  head: string;
  tail: string;
  /** What was wrong with lines before the offset: still reported, as they are still there. */
  problems: LogProblem[];
}

export interface Snapshot {
  dir: string;
  checkpoint: Checkpoint;
  files: Map<string, FileMark>;
}

const FORMAT = 'prep-log-snapshot';

/** A hash of bytes, as a file name is made: 16 hex digits. */
export const hashBytes = (bytes: Buffer): string => fnv1a(bytes.toString('latin1'));

/** The snapshot of the log in `dir`, when `file` holds one of this build for it; else undefined. */
export function loadSnapshot(file: string, dir: string): Snapshot | undefined {
  const text = readCacheFile(file, 'utf8');
  if (text === undefined) return undefined;
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    if (raw.format !== FORMAT || raw.build !== BUILD || raw.dir !== dir || !Array.isArray(raw.files) || !Array.isArray(raw.tail)) return undefined;
    const tail = raw.tail.map((event) => {
      const checked = checkEvent(event);
      if (typeof checked === 'string') throw new StaleSnapshot(checked);
      return checked;
    });
    const files = new Map<string, FileMark>();
    for (const mark of raw.files as FileMark[]) {
      const numbers = [mark.dev, mark.ino, mark.size, mark.mtimeMs, mark.offset, mark.lines].every((n) => typeof n === 'number' && n >= 0);
      if (!numbers || typeof mark.name !== 'string' || typeof mark.head !== 'string' || typeof mark.tail !== 'string' || !Array.isArray(mark.problems)) return undefined;
      files.set(mark.name, mark);
    }
    return { dir, checkpoint: { base: deserializeFold(raw.base), tail }, files };
  } catch {
    return undefined; // damaged, or of another shape: fold the log again
  }
}

/** Writes the snapshot; best effort, as a cache: one that cannot be written costs a full read next time. */
export function saveSnapshot(file: string, snapshot: Snapshot): boolean {
  const data = {
    format: FORMAT,
    build: BUILD,
    dir: snapshot.dir,
    files: [...snapshot.files.values()],
    base: serializeFold(snapshot.checkpoint.base),
    tail: snapshot.checkpoint.tail as LogEvent[],
  };
  return writeCacheFile(file, JSON.stringify(data));
}
