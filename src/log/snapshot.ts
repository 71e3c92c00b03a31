// The derived snapshot of the study log, in the cache directory: the fold up to a byte offset of
// each device file, with what identifies the bytes before it. Keyed by the log directory and the
// build of prep, and each file by its identity (device, inode, size, mtime); a file that changed
// other than by appending (shorter, the same size but modified, or its first or last 4 KB before
// the offset not what they were) makes it worthless, never trusted.
//
// It holds the fold of every event (the head), which a read uses as it is and new events fold
// onto; and the checkpoint it came from (a base and the tail of events after it), kept as text
// and parsed only when a new event sorts before the head's last one.
import { BUILD } from '../startup/build.js';
import { readCacheFile, writeCacheFile } from '../io/cache-file.js';
import { fnv1a } from '../curriculum/cache.js';
import { checkEvent, type LogEvent } from './events.js';
import { cloneFold, deserializeFold, serializeFold, StaleSnapshot, type Checkpoint } from './checkpoint.js';
import { foldInto, type FoldState } from './fold.js';
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
  files: Map<string, FileMark>;
  /** Every event folded. */
  head: FoldState;
  /** The checkpoint's base, as JSON text. */
  base: string;
  /** The events after the base, one JSON line each, in order. */
  tail: string;
  tailCount: number;
}

const FORMAT = 'prep-log-snapshot';

/** A hash of bytes, as a file name is made: 16 hex digits. */
export const hashBytes = (bytes: Buffer): string => fnv1a(bytes.toString('latin1'));

const eventLines = (events: readonly LogEvent[]) => events.map((event) => `${JSON.stringify(event)}\n`).join('');

/** The snapshot of a checkpoint: its head folded, its base and tail as text. */
export function snapshotOf(dir: string, files: Map<string, FileMark>, checkpoint: Checkpoint): Snapshot {
  return { dir, files, head: foldInto(cloneFold(checkpoint.base), checkpoint.tail), base: JSON.stringify(serializeFold(checkpoint.base)), tail: eventLines(checkpoint.tail), tailCount: checkpoint.tail.length };
}

/** `snapshot` with `fresh` events, sorted, each once and all after its head's last, folded on. */
export function withNewer(snapshot: Snapshot, files: Map<string, FileMark>, fresh: readonly LogEvent[]): Snapshot {
  return { ...snapshot, files, head: foldInto(cloneFold(snapshot.head), fresh), tail: snapshot.tail + eventLines(fresh), tailCount: snapshot.tailCount + fresh.length };
}

/** The checkpoint a snapshot keeps as text; throws StaleSnapshot should it not parse. */
export function checkpointIn(snapshot: Snapshot): Checkpoint {
  try {
    const tail = snapshot.tail === '' ? [] : snapshot.tail.slice(0, -1).split('\n').map((line) => {
      const checked = checkEvent(JSON.parse(line));
      if (typeof checked === 'string') throw new StaleSnapshot(checked);
      return checked;
    });
    return { base: deserializeFold(JSON.parse(snapshot.base)), tail };
  } catch (caught) {
    throw caught instanceof StaleSnapshot ? caught : new StaleSnapshot(String(caught));
  }
}

/** The snapshot of the log in `dir`, when `file` holds one of this build for it; else undefined. */
export function loadSnapshot(file: string, dir: string): Snapshot | undefined {
  const text = readCacheFile(file, 'utf8');
  if (text === undefined) return undefined;
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    if (raw.format !== FORMAT || raw.build !== BUILD || raw.dir !== dir || !Array.isArray(raw.files)) return undefined;
    if (typeof raw.base !== 'string' || typeof raw.tail !== 'string' || typeof raw.tailCount !== 'number') return undefined;
    const files = new Map<string, FileMark>();
    for (const mark of raw.files as FileMark[]) {
      const numbers = [mark.dev, mark.ino, mark.size, mark.mtimeMs, mark.offset, mark.lines].every((n) => typeof n === 'number' && n >= 0);
      if (!numbers || typeof mark.name !== 'string' || typeof mark.head !== 'string' || typeof mark.tail !== 'string' || !Array.isArray(mark.problems)) return undefined;
      files.set(mark.name, mark);
    }
    return { dir, files, head: deserializeFold(raw.head), base: raw.base, tail: raw.tail, tailCount: raw.tailCount };
  } catch {
    return undefined; // damaged, or of another shape: fold the log again
  }
}

/** Writes the snapshot; best effort, as a cache: one that cannot be written costs a full read next time. */
export function saveSnapshot(file: string, snapshot: Snapshot): boolean {
  const data = { format: FORMAT, build: BUILD, dir: snapshot.dir, files: [...snapshot.files.values()], head: serializeFold(snapshot.head), base: snapshot.base, tail: snapshot.tail, tailCount: snapshot.tailCount };
  return writeCacheFile(file, JSON.stringify(data));
}
