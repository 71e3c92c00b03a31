// The study log as a command uses it: `read()` for the views; `update(decide)` to record, which
// holds the lock, reads the log (only what is new since the snapshot), lets the command decide on
// it what to record, stamps those events after everything read and appends them to this device's
// file, then reads back only the appended bytes. Every file is read once; nothing is rewritten.
import { dirname, join } from 'node:path';
import { withLock } from '../io/locked.js';
import { ensurePrivateDir } from '../state/private-dir.js';
import { appendEvents } from './append.js';
import { stamped, stampOf, type LogEvent, type Payload } from './events.js';
import { deviceFileName } from './files.js';
import { receive, startClock, tick } from './hlc.js';
import { LogReader, type LogRead } from './reader.js';

export interface EventLogOptions {
  /** The log directory: a folder a sync tool keeps, or one of prep's own. */
  dir: string;
  /** This device's id: its file is `<device>.jsonl`, the only one it writes. */
  device: string;
  /**
   * The lock, on this machine only (in the state directory, never the synced folder: a sync tool
   * would carry a lock to other machines, which write files of their own anyway).
   */
  lockTarget: string;
  /** The snapshot, in the cache directory. */
  snapshotFile?: string;
}

// As the state store: a holder not heard of for 5 s (or whose process died) is taken over; a waiter gives up after 10 s.
const LOCK = { staleMs: 5_000, waitMs: 10_000 };

export class EventLog {
  readonly file: string;
  readonly #reader: LogReader;

  /** `reader`: one of the same folder and snapshot a read already used, so what it read is not read again. */
  constructor(
    readonly options: EventLogOptions,
    reader?: LogReader,
  ) {
    this.file = join(options.dir, deviceFileName(options.device));
    this.#reader = reader ?? new LogReader(options.dir, options.snapshotFile === undefined ? {} : { snapshotFile: options.snapshotFile });
  }

  /** The log as it is now; reading never writes it (only the snapshot, in the cache). */
  read(): LogRead {
    const read = this.#reader.read();
    this.#reader.save();
    return read;
  }

  /**
   * Under the lock: reads the log, asks `decide` what to record (false or nothing: nothing is
   * written), stamps it at wall time `now` after every event read, and appends it. A decision may
   * carry events stamped already (a state file's history, a backup's events): they are appended
   * first, as they are. `settle` runs on the log as it is after, still holding the lock (work that
   * must not be seen half-done, such as removing a file the log no longer names). Returns the log
   * as it is after, and the events written.
   */
  async update(decide: (read: LogRead) => Decision | false, now: number, settle?: (after: LogRead) => void): Promise<{ read: LogRead; appended: LogEvent[] }> {
    ensurePrivateDir(dirname(this.options.lockTarget), 'state directory');
    const result = await withLock(this.options.lockTarget, { ...LOCK, what: 'the study log' }, (lock) => {
      const before = this.#reader.read();
      const decision = decide(before);
      const { stamped: given = [], payloads = [] } = decision === false ? {} : isPayloads(decision) ? { payloads: decision } : decision;
      if (given.length === 0 && payloads.length === 0) return { read: before, appended: [] };
      let clock = startClock(this.options.device);
      for (const seen of [before.view.last, ...given.map(stampOf)]) if (seen !== null) clock = receive(clock, seen, now);
      const events = [...given, ...payloads.map((payload) => stamped(payload, (clock = tick(clock, now))))];
      appendEvents(this.file, events, lock);
      const after = this.#reader.read();
      settle?.(after);
      return { read: after, appended: events };
    });
    // A cache, written once the lock is free: a snapshot older than the files is still a true one.
    this.#reader.save();
    return result;
  }
}

/** What a command records: payloads to stamp now, or those and events stamped already. */
export type Decision = readonly Payload[] | { stamped?: readonly LogEvent[]; payloads?: readonly Payload[] };

const isPayloads = (decision: Decision): decision is readonly Payload[] => Array.isArray(decision);
