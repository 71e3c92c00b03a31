// Reading the study log's directory: every device's file and every sync tool's copy of one, each
// opened once, regular files only, each never past its limit; their events unioned and folded.
// With a snapshot, only the bytes after its offset in each file are read and parsed, and the fold
// goes on from its checkpoint: a read costs what was written since, not the years before. It falls
// back to reading and folding everything when the snapshot cannot be trusted (a file gone, shorter,
// or not beginning and ending as it did) or when a new event sorts before its checkpoint (a device
// that synced late), and says why.
import { closeSync, readdirSync, readSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { cleanText } from '../curriculum/text.js';
import { StateError } from '../errors.js';
import { errnoOf, reasonOf } from '../io/fs-errors.js';
import { FileReadError, openRegularFile, readOpenedBytes } from '../io/read-file.js';
import { MAX_LOG_FILE_BYTES } from './append.js';
import { checkpointOf, extend, settle, TAIL, type Checkpoint, type TailPolicy } from './checkpoint.js';
import { decodeLines, type LogProblem } from './codec.js';
import { stampOf, type LogEvent } from './events.js';
import { compareStamps } from './hlc.js';
import { classifyLogFile, type CopyTool } from './files.js';
import { emptyFold, sortUnique, viewOf, type LogView } from './fold.js';
import { checkpointIn, hashBytes, loadSnapshot, saveSnapshot, snapshotOf, WINDOW, withNewer, type FileMark, type Snapshot } from './snapshot.js';

export interface LogFileInfo {
  /** The file's name, cleaned for showing. */
  name: string;
  device: string | null;
  /** Whose copy it is, for a sync tool's conflict copy; null for a device's own file. */
  copy: CopyTool | null;
  /** Whole lines, and whether a partial last line follows them. */
  lines: number;
  partial: boolean;
}

export interface LogRead {
  view: LogView;
  files: LogFileInfo[];
  /** Damaged lines, partial last lines and unreadable files, by file (and line). */
  problems: LogProblem[];
  /** `incremental`: the snapshot's fold, and what was new; `full`: every file read and folded, for `reason`. */
  mode: 'incremental' | 'full';
  reason: string | null;
  /** Bytes read from the log's files. */
  bytesRead: number;
}

export interface ReaderOptions {
  /** Where the snapshot is kept (in the cache directory); none: every read is full. */
  snapshotFile?: string;
  policy?: TailPolicy;
  /** New events a read folds before the snapshot is written again (1: after every one). */
  saveEvery?: number;
}

/**
 * Writing the snapshot (a head and its checkpoint, two files replaced) cost a write about 1.5 ms; a
 * read folds a few new events past it in a fraction of that: it is written after this many.
 */
export const SAVE_EVERY = 16;

/** One file of the log, opened. */
interface Opened {
  name: string;
  path: string;
  fd: number;
  stats: Stats;
  device: string | null;
  copy: CopyTool | null;
}

/** `length` bytes of an open file from `position` (fewer where it ends). */
function readRange(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buffer, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return buffer.subarray(0, got);
}

/** Reads the log in `dir`; keeps what it learned for the next read (and, with a snapshot file, the next run). */
export class LogReader {
  #snapshot: Snapshot | undefined;
  #loaded = false;
  #changed = false;
  /** Events folded since the snapshot on disk, which it lacks. */
  #unsaved = 0;

  constructor(
    readonly dir: string,
    readonly options: ReaderOptions = {},
  ) {}

  /** The log as it is on disk now: its views, its files, what is wrong with them. */
  read(): LogRead {
    if (!this.#loaded && this.options.snapshotFile) this.#snapshot = loadSnapshot(this.options.snapshotFile, this.dir);
    this.#loaded = true;
    const problems: LogProblem[] = [];
    const opened = this.#open(problems);
    try {
      const known = this.#snapshot;
      const stale = known === undefined ? 'no snapshot' : this.#staleness(known, opened);
      // What the incremental pass read, so that falling back reads only the bytes before it.
      const read = new Map<string, { from: number; bytes: Buffer }>();
      const result = stale === null ? this.#incremental(known!, opened, problems, read) : undefined;
      return result ?? this.#full(opened, problems, stale ?? 'a new event sorts before the snapshot, or a file changed other than by appending', read);
    } finally {
      for (const file of opened) closeSync(file.fd);
    }
  }

  /**
   * Every event in every file, as read (the snapshot neither used nor changed): for a backup, an
   * import that skips what is there already, or a fold together with events from elsewhere.
   */
  events(): { events: LogEvent[]; files: LogFileInfo[]; problems: LogProblem[] } {
    const problems: LogProblem[] = [];
    const opened = this.#open(problems);
    try {
      const events: LogEvent[] = [];
      const files = opened.map((file) => {
        const decoded = decodeLines(this.#bytes(file, 0, problems) ?? Buffer.alloc(0), cleanText(file.name));
        events.push(...decoded.events);
        problems.push(...decoded.problems);
        return this.#info(file, decoded.lines, decoded.problems.some((p) => p.partial));
      });
      return { events, files, problems };
    } finally {
      for (const file of opened) closeSync(file.fd);
    }
  }

  /** Writes the snapshot if this reader learned anything since it was loaded; best effort. */
  save(): void {
    if (!this.#changed || !this.#snapshot || !this.options.snapshotFile) return;
    // The tail grows with each new event, as text; past the policy's count, older ones join the base.
    const policy = this.options.policy ?? TAIL;
    if (this.#snapshot.tailCount > policy.max) {
      try {
        this.#snapshot = snapshotOf(this.dir, this.#snapshot.files, settle(checkpointIn(this.#snapshot), policy));
      } catch {
        return; // a damaged checkpoint is not saved: the next run folds everything
      }
    }
    const saved = saveSnapshot(this.options.snapshotFile, this.#snapshot);
    if (saved) {
      this.#snapshot = saved;
      this.#changed = false;
      this.#unsaved = 0;
    }
  }

  /** Every log file in the directory, opened; one that cannot be read is a problem, not a failure. */
  #open(problems: LogProblem[]): Opened[] {
    let names: string[];
    try {
      names = readdirSync(this.dir).sort();
    } catch (caught) {
      if (errnoOf(caught) === 'ENOENT') return [];
      throw new StateError(`cannot read the study log ${this.dir}: ${reasonOf(caught)}`, 'Nothing was changed. Check that the directory is yours and readable (`ls -ld DIR`).');
    }
    const opened: Opened[] = [];
    for (const name of names) {
      const kind = classifyLogFile(name);
      if (!kind) continue;
      const path = join(this.dir, name);
      try {
        const { fd, stats } = openRegularFile(path);
        opened.push({ name, path, fd, stats, device: kind.device, copy: kind.copy });
      } catch (caught) {
        problems.push({ file: cleanText(name), reason: `cannot be read: ${caught instanceof FileReadError ? caught.reason : reasonOf(caught)}; its events are left out` });
      }
    }
    return opened;
  }

  /** Why the snapshot cannot be trusted for these files, or null when it can. */
  #staleness(snapshot: Snapshot, opened: readonly Opened[]): string | null {
    const present = new Set(opened.map((file) => file.name));
    for (const name of snapshot.files.keys()) if (!present.has(name)) return `${cleanText(name)} is gone`;
    for (const file of opened) {
      const mark = snapshot.files.get(file.name);
      if (!mark) continue;
      if (file.stats.size < mark.offset) return `${cleanText(file.name)} is shorter than it was`;
      // Appending makes a file longer: one as long as it was, but modified, was written over.
      const replaced = file.stats.ino !== mark.ino || file.stats.dev !== mark.dev;
      if (!replaced && file.stats.size === mark.size && file.stats.mtimeMs !== mark.mtimeMs) return `${cleanText(file.name)} changed other than by appending`;
      // A file replaced (a sync tool writes a new one each time): it must still begin as it did.
      if (replaced && mark.offset > WINDOW && hashBytes(readRange(file.fd, 0, WINDOW)) !== mark.head) return `${cleanText(file.name)} was rewritten`;
    }
    return null;
  }

  /** The snapshot's fold and the bytes after each offset, or undefined when those must be folded from scratch. */
  #incremental(snapshot: Snapshot, opened: readonly Opened[], problems: LogProblem[], read: Map<string, { from: number; bytes: Buffer }>): LogRead | undefined {
    const files = new Map<string, FileMark>();
    const fresh: LogEvent[] = [];
    const infos: LogFileInfo[] = [];
    const newProblems: LogProblem[] = [];
    let bytesRead = 0;
    for (const file of opened) {
      const mark = snapshot.files.get(file.name);
      const offset = mark?.offset ?? 0;
      // Not changed since it was read (its inode, size and mtime): only a partial last line is read again.
      const unchanged = mark !== undefined && file.stats.ino === mark.ino && file.stats.dev === mark.dev && file.stats.size === mark.size && file.stats.mtimeMs === mark.mtimeMs;
      const from = unchanged ? offset : Math.max(0, offset - WINDOW);
      const bytes = this.#bytes(file, from, newProblems);
      // Unreadable now: its events in the snapshot must go, as a full read leaves them out.
      if (bytes === undefined) return undefined;
      read.set(file.name, { from, bytes });
      bytesRead += bytes.length;
      // The bytes before the offset must be the ones folded: else the file changed other than by appending.
      if (mark && !unchanged && hashBytes(bytes.subarray(0, offset - from)) !== mark.tail) return undefined;
      const decoded = decodeLines(bytes.subarray(offset - from), cleanText(file.name), (mark?.lines ?? 0) + 1);
      fresh.push(...decoded.events);
      const kept = (mark?.problems ?? []).concat(decoded.problems.filter((p) => !p.partial));
      newProblems.push(...kept, ...decoded.problems.filter((p) => p.partial));
      files.set(file.name, unchanged && decoded.whole === 0 ? mark : this.#mark(file, bytes, from, offset + decoded.whole, (mark?.lines ?? 0) + decoded.lines, kept, mark));
      infos.push(this.#info(file, (mark?.lines ?? 0) + decoded.lines, decoded.problems.some((p) => p.partial)));
    }
    const next = this.#folded(snapshot, files, fresh);
    if (next === undefined) return undefined;
    // A file new or gone is written at once; new events once there are enough of them.
    this.#unsaved += fresh.length;
    if (this.#unsaved >= (this.options.saveEvery ?? SAVE_EVERY) || files.size !== snapshot.files.size || [...files.keys()].some((name) => !snapshot.files.has(name))) this.#changed = true;
    this.#snapshot = next;
    problems.push(...newProblems);
    return { view: viewOf(next.head), files: infos, problems, mode: 'incremental', reason: null, bytesRead };
  }

  /**
   * The snapshot with `fresh` folded in: onto its head when all sort after it (the usual case: new
   * lines are new events), else onto its checkpoint; undefined when one sorts before even that.
   */
  #folded(snapshot: Snapshot, files: Map<string, FileMark>, fresh: readonly LogEvent[]): Snapshot | undefined {
    if (fresh.length === 0) return { ...snapshot, files };
    const last = snapshot.head.last;
    const sorted = sortUnique(fresh);
    if (last === null || compareStamps(stampOf(sorted[0]!), last) > 0) return withNewer(snapshot, files, sorted);
    let checkpoint: Checkpoint;
    try {
      checkpoint = checkpointIn(snapshot);
    } catch {
      return undefined; // its checkpoint is damaged: fold everything
    }
    const extended = extend(checkpoint, sorted);
    // Folded again from its checkpoint: worth keeping, whatever the count.
    if (extended) this.#changed = true;
    return extended && snapshotOf(this.dir, files, extended);
  }

  /** Every file read from its start and folded. */
  #full(opened: readonly Opened[], problems: LogProblem[], reason: string, read: ReadonlyMap<string, { from: number; bytes: Buffer }>): LogRead {
    const files = new Map<string, FileMark>();
    const events: LogEvent[] = [];
    const infos: LogFileInfo[] = [];
    let bytesRead = 0;
    for (const file of opened) {
      const before = read.get(file.name);
      const bytes = before ? Buffer.concat([readRange(file.fd, 0, before.from), before.bytes]) : (this.#bytes(file, 0, problems) ?? Buffer.alloc(0));
      bytesRead += before ? before.from : bytes.length;
      const decoded = decodeLines(bytes, cleanText(file.name));
      events.push(...decoded.events);
      problems.push(...decoded.problems);
      files.set(file.name, this.#mark(file, bytes, 0, decoded.whole, decoded.lines, decoded.problems.filter((p) => !p.partial)));
      infos.push(this.#info(file, decoded.lines, decoded.problems.some((p) => p.partial)));
    }
    const checkpoint: Checkpoint = events.length === 0 ? { base: emptyFold(), tail: [] } : checkpointOf(sortUnique(events), this.options.policy ?? TAIL);
    this.#snapshot = snapshotOf(this.dir, files, checkpoint);
    this.#changed = true;
    return { view: viewOf(this.#snapshot.head), files: infos, problems, mode: 'full', reason, bytesRead };
  }

  /** The file's bytes from `from` on, or undefined (a problem said) when it cannot be read. */
  #bytes(file: Opened, from: number, problems: LogProblem[]): Buffer | undefined {
    try {
      return readOpenedBytes(file.path, file.fd, file.stats, { limit: MAX_LOG_FILE_BYTES, what: 'a study log file' }, from);
    } catch (caught) {
      if (!(caught instanceof FileReadError)) throw caught;
      problems.push({ file: cleanText(file.name), reason: `cannot be read: ${caught.reason}; its events are left out` });
      return undefined;
    }
  }

  /** What to remember of a file read: `bytes` are its bytes from `from`, whole lines up to `offset`. */
  #mark(file: Opened, bytes: Buffer, from: number, offset: number, lines: number, problems: LogProblem[], previous?: FileMark): FileMark {
    // The head is in `bytes`, or was whole already, or (rarely) is read again.
    const head = from === 0 ? hashBytes(bytes.subarray(0, Math.min(WINDOW, offset))) : previous && previous.offset >= WINDOW ? previous.head : hashBytes(readRange(file.fd, 0, Math.min(WINDOW, offset)));
    const tailFrom = Math.max(0, offset - WINDOW);
    const tail = tailFrom >= from ? bytes.subarray(tailFrom - from, offset - from) : readRange(file.fd, tailFrom, offset - tailFrom);
    return { name: file.name, dev: file.stats.dev, ino: file.stats.ino, size: file.stats.size, mtimeMs: file.stats.mtimeMs, offset, lines, head, tail: hashBytes(tail), problems };
  }

  #info(file: Opened, lines: number, partial: boolean): LogFileInfo {
    return { name: cleanText(file.name), device: file.device, copy: file.copy, lines, partial };
  }
}
