// The derived snapshot of the study log, in the cache directory: the fold up to a byte offset of
// each device file, with what identifies the bytes before it. Keyed by the log directory and the
// build of prep, and each file by its identity (device, inode, size, mtime); a file that changed
// other than by appending (shorter, the same size but modified, or its first or last 4 KB before
// the offset not what they were) makes it worthless, never trusted.
//
// It holds the fold of every event (the head), which a read uses as it is and new events fold
// onto; and the checkpoint it came from (a base and the tail of events after it), kept as text in
// a file of its own beside it: read only to add new events to it, parsed only when a new event
// sorts before the head's last one. Most reads (nothing new) read the head alone.
import { BUILD } from '../startup/build.js';
import { asciiJson, readAsciiJson, readCacheFile, writeCacheFile } from '../io/cache-file.js';
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
  /** The checkpoint the head came from, as text. */
  checkpoint: CheckpointText;
  tailCount: number;
}

/**
 * A checkpoint as text: its base (JSON) and the events after it (a JSON line each). Made here, or
 * read from its file when first needed: that file carries a token the head names, so a checkpoint
 * another run wrote in between is never taken for this head's.
 */
export class CheckpointText {
  #text: { base: string; tail: string } | undefined;
  readonly #file: string | undefined;

  constructor(
    readonly token: string,
    source: { base: string; tail: string } | { file: string },
    /** Event lines added since it was made or read. */
    readonly added = '',
    /** Whether its file has to be written: made here, or added to. */
    readonly dirty = added !== '' || !('file' in source),
  ) {
    if ('file' in source) this.#file = source.file;
    else this.#text = source;
  }

  /** Its base and tail (what was added too); throws StaleSnapshot when its file is not this head's. */
  text(): { base: string; tail: string } {
    this.#text ??= readCheckpoint(this.#file!, this.token);
    return { base: this.#text.base, tail: this.#text.tail + this.added };
  }

  /** The same checkpoint with `lines` added to its tail. */
  with(lines: string): CheckpointText {
    const next = new CheckpointText(this.token, this.#text ?? { file: this.#file! }, this.added + lines, true);
    return next;
  }
}

const CHECKPOINT = 'prep-log-checkpoint';

/** The checkpoint's file, beside the snapshot's. */
export const checkpointFileOf = (snapshotFile: string) => snapshotFile.replace(/(\.json)?$/, '.checkpoint');

/** A checkpoint file's base and tail, when it is the one `token` names; else StaleSnapshot. */
function readCheckpoint(file: string, token: string): { base: string; tail: string } {
  const text = readCacheFile(file, 'utf8');
  const header = `${CHECKPOINT} ${BUILD} ${token}\n`;
  if (text === undefined || !text.startsWith(header)) throw new StaleSnapshot('the checkpoint is not the snapshot\'s');
  const baseEnd = text.indexOf('\n', header.length);
  if (baseEnd < 0) throw new StaleSnapshot('a checkpoint cut short');
  return { base: text.slice(header.length, baseEnd), tail: text.slice(baseEnd + 1) };
}

const newToken = () => Math.random().toString(36).slice(2, 12);

const FORMAT = 'prep-log-snapshot';

/**
 * A hash of bytes (16 hex digits): FNV-1a's steps over 32-bit words, the bytes read as they are.
 * A 4 KB window hashed as a latin1 string, a character at a time, took milliseconds of every write.
 */
export function hashBytes(bytes: Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ bytes.length;
  const whole = bytes.length - (bytes.length % 4);
  for (let i = 0; i < bytes.length; i += 4) {
    const word = i < whole ? bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24) : bytes[i]! | ((bytes[i + 1] ?? 0) << 8) | ((bytes[i + 2] ?? 0) << 16);
    a = Math.imul(a ^ word, 0x01000193);
    b = Math.imul(b ^ word ^ (a >>> 7), 0x01000193);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

const eventLines = (events: readonly LogEvent[]) => events.map((event) => `${JSON.stringify(event)}\n`).join('');

/** The snapshot of a checkpoint: its head folded, its base and tail as text. */
export function snapshotOf(dir: string, files: Map<string, FileMark>, checkpoint: Checkpoint): Snapshot {
  const text = { base: JSON.stringify(serializeFold(checkpoint.base)), tail: eventLines(checkpoint.tail) };
  return { dir, files, head: foldInto(cloneFold(checkpoint.base), checkpoint.tail), checkpoint: new CheckpointText(newToken(), text), tailCount: checkpoint.tail.length };
}

/** `snapshot` with `fresh` events, sorted, each once and all after its head's last, folded on. */
export function withNewer(snapshot: Snapshot, files: Map<string, FileMark>, fresh: readonly LogEvent[]): Snapshot {
  return { ...snapshot, files, head: foldInto(cloneFold(snapshot.head), fresh), checkpoint: snapshot.checkpoint.with(eventLines(fresh)), tailCount: snapshot.tailCount + fresh.length };
}

/** The checkpoint a snapshot keeps as text; throws StaleSnapshot should it not parse. */
export function checkpointIn(snapshot: Snapshot): Checkpoint {
  try {
    const { base, tail: lines } = snapshot.checkpoint.text();
    const tail = lines === '' ? [] : lines.slice(0, -1).split('\n').map((line) => {
      const checked = checkEvent(JSON.parse(line));
      if (typeof checked === 'string') throw new StaleSnapshot(checked);
      return checked;
    });
    return { base: deserializeFold(JSON.parse(base)), tail };
  } catch (caught) {
    throw caught instanceof StaleSnapshot ? caught : new StaleSnapshot(String(caught));
  }
}

/** The snapshot of the log in `dir`, when `file` holds one of this build for it; else undefined. */
export function loadSnapshot(file: string, dir: string): Snapshot | undefined {
  // ASCII (task texts escaped), read as latin1: the bytes copied, not decoded into a string twice the size.
  const text = readAsciiJson(file);
  if (text === undefined) return undefined;
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    if (raw.format !== FORMAT || raw.build !== BUILD || raw.dir !== dir || !Array.isArray(raw.files)) return undefined;
    if (typeof raw.checkpoint !== 'string' || typeof raw.tailCount !== 'number') return undefined;
    const files = new Map<string, FileMark>();
    for (const mark of raw.files as FileMark[]) {
      const numbers = [mark.dev, mark.ino, mark.size, mark.mtimeMs, mark.offset, mark.lines].every((n) => typeof n === 'number' && n >= 0);
      if (!numbers || typeof mark.name !== 'string' || typeof mark.head !== 'string' || typeof mark.tail !== 'string' || !Array.isArray(mark.problems)) return undefined;
      files.set(mark.name, mark);
    }
    return { dir, files, head: deserializeFold(raw.head), checkpoint: new CheckpointText(raw.checkpoint, { file: checkpointFileOf(file) }), tailCount: raw.tailCount };
  } catch {
    return undefined; // damaged, or of another shape: fold the log again
  }
}

/**
 * Writes the snapshot; best effort, as a cache: one that cannot be written costs a full read next
 * time. Its checkpoint goes first, when it changed, under a new token, then the head naming it.
 * Returns the snapshot as saved (its checkpoint now its file's), or undefined when it was not.
 */
export function saveSnapshot(file: string, snapshot: Snapshot): Snapshot | undefined {
  let checkpoint = snapshot.checkpoint;
  if (checkpoint.dirty) {
    let text: { base: string; tail: string };
    try {
      text = checkpoint.text();
    } catch {
      return undefined; // its file was another run's: not saved, and the next read folds anew from the head on disk
    }
    const token = newToken();
    if (!writeCacheFile(checkpointFileOf(file), `${CHECKPOINT} ${BUILD} ${token}\n${text.base}\n${text.tail}`)) return undefined;
    checkpoint = new CheckpointText(token, text, '', false);
  }
  const data = { format: FORMAT, build: BUILD, dir: snapshot.dir, files: [...snapshot.files.values()], head: serializeFold(snapshot.head), checkpoint: checkpoint.token, tailCount: snapshot.tailCount };
  return writeCacheFile(file, asciiJson(data)) ? { ...snapshot, checkpoint } : undefined;
}
