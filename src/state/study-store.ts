// What commands record: this device's events appended to the study log under the lock, after a
// decision made on the log as it is then (src/state/study-read.ts reads it). The first write on a
// machine makes its device id and, where an older prep left a state file, turns that file into
// events, the file kept beside the log as `state.json.v2` (v1 for a version 1 file).
import { existsSync, readdirSync, renameSync } from 'node:fs';
import { hostName } from '../io/os.js';
import { basename, join, resolve } from 'node:path';
import { readCurriculumText } from '../curriculum/read.js';
import { StateError } from '../errors.js';
import { syncDirectory, writeFileAtomic } from '../io/atomic.js';
import { isDiskProblem, writeFailure } from '../io/fs-errors.js';
import type { HeldLock } from '../io/lock.js';
import { withLock } from '../io/locked.js';
import { readBoundedBytes } from '../io/read-file.js';
import { appendEvents, MAX_LOG_FILE_BYTES } from '../log/append.js';
import { decodeLines } from '../log/codec.js';
import { EventLog, type Decision } from '../log/event-log.js';
import type { LogEvent, Payload } from '../log/events.js';
import { deviceFileName, newDeviceId } from '../log/files.js';
import { fold, type LogView } from '../log/fold.js';
import type { Config } from './config.js';
import { ensurePrivateDir } from './private-dir.js';
import type { Settings } from './schema.js';
import type { LegacyState } from './store.js';
import { NOT_YET, StudyReader, type ReadOptions, type StudyState } from './study-read.js';

export type { StudyState } from './study-read.js';

export interface Recorded {
  /** The state after the write (before it, when nothing was written). */
  state: StudyState;
  appended: LogEvent[];
}

/** What a command decides to record, on the state as it is under the lock: false or nothing writes nothing. */
export type Decide = (state: StudyState) => Decision | false;

export interface StoreOptions extends ReadOptions {
  /** Called once something was recorded or a setting changed (the prompt segment is refreshed). */
  onChange?: (state: StudyState | undefined) => Promise<void>;
}

// As everywhere: a holder not heard of for 5 s (or whose process died) is taken over; a waiter gives up after 10 s.
const LOCK = { staleMs: 5_000, waitMs: 10_000, what: 'the study log' };

export class StudyStore extends StudyReader {
  #log: EventLog | undefined;

  constructor(override readonly options: StoreOptions) {
    super(options);
  }

  get lockTarget(): string {
    return join(this.options.paths.stateDir, 'log');
  }

  /** The log as this machine reads and writes it. */
  get log(): EventLog {
    const device = this.stored()?.device ?? NOT_YET;
    if (this.#log?.options.device !== device || this.#log.options.dir !== this.logDir) {
      this.#log = new EventLog({ dir: this.logDir, device, lockTarget: this.lockTarget, snapshotFile: this.snapshotFile }, this.reader());
    }
    return this.#log;
  }

  /**
   * Under the lock: reads the state, asks `decide` what to record, stamps and appends it; `then`
   * runs on the state after, still holding the lock. Returns the state after and what was written.
   */
  async update(decide: Decide, options: { then?: (state: StudyState) => void } = {}): Promise<Recorded> {
    const device = await this.#ensureDevice();
    this.checkFolder();
    let legacy: LegacyState | undefined;
    const { read, appended } = await this.log.update(
      (before) => {
        legacy = this.legacy(true);
        const state = this.stateOf(legacy ? this.withLegacy(legacy, device) : this.checked(before.view));
        const decision = decide(state);
        if (decision === false) return false;
        if (!legacy) return decision;
        // The first write: the state file's history goes first, and its settings to the config file.
        const migration = this.migration(legacy, device, ownCurricula(this.options.paths.userCurricula));
        if (this.current().settings === undefined) this.#writeConfig({ ...this.current(), settings: legacy.state.settings });
        const own = Array.isArray(decision) ? { payloads: decision as readonly Payload[] } : (decision as Exclude<Decision, readonly Payload[]>);
        return (own.stamped?.length ?? 0) + (own.payloads?.length ?? 0) === 0 ? false : { stamped: [...migration, ...(own.stamped ?? [])], payloads: own.payloads ?? [] };
      },
      this.options.now().getTime(),
      (after) => {
        if (legacy) this.#keepLegacy(legacy);
        options.then?.(this.stateOf(after.view));
      },
    );
    this.found(read.problems);
    const state = appended.length > 0 || legacy === undefined ? this.stateOf(read.view) : this.stateOf(this.withLegacy(legacy, device));
    this.state = state;
    if (appended.length > 0) await this.options.onChange?.(state);
    return { state, appended };
  }

  /**
   * `prep doctor --restore` for a state file that is broken or gone while its last good copy is
   * not: the copy's history goes into the log, and the broken file is kept as `state.json.<keepAs>`.
   */
  async adoptBackup(keepAs: string): Promise<{ keptAs: string | null; events: number }> {
    const device = await this.#ensureDevice();
    const backup = this.stateFile.readBackup();
    if (!backup) throw new StateError(`the backup ${this.stateFile.backupPath} cannot be read`, 'Nothing was changed.');
    let keptAs: string | null = null;
    const { appended } = await this.log.update(
      () => {
        if (this.current().settings === undefined) this.#writeConfig({ ...this.current(), settings: backup.state.settings });
        return { stamped: this.migration(backup, device, ownCurricula(this.options.paths.userCurricula)) };
      },
      this.options.now().getTime(),
      () => {
        if (!existsSync(this.stateFile.path)) return;
        keptAs = uniqueName(`${this.stateFile.path}.${keepAs}`);
        renameSync(this.stateFile.path, keptAs);
        syncDirectory(this.options.paths.stateDir);
      },
    );
    this.state = null;
    this.legacyRead = undefined;
    return { keptAs, events: appended.length };
  }

  /**
   * `prep doctor --restore` for damaged lines in this device's own file (a write cut short, an
   * edit by hand): they are moved to a file in the state directory, the file rewritten without
   * them. Other devices' files are theirs to repair. Null when there was nothing to move.
   */
  async repairOwnFile(stamp: string): Promise<{ keptAs: string; lines: number } | null> {
    const name = this.ownFileName;
    if (name === null) return null;
    const file = join(this.logDir, name);
    return this.locked(() => {
      const moved = damagedLines(file, name);
      if (moved === null) return null;
      const keptAs = uniqueName(join(this.options.paths.stateDir, `${basename(name, '.jsonl')}-damaged-${stamp}.txt`));
      try {
        writeFileAtomic(keptAs, Buffer.from(moved.damaged), 0o600);
        writeFileAtomic(file, Buffer.from(moved.good), 0o600);
      } catch (caught) {
        if (!isDiskProblem(caught)) throw caught;
        throw new StateError(`${writeFailure(caught, this.logDir)}; nothing was moved`, 'The log is as it was; its damaged lines are still skipped when it is read.');
      }
      return { keptAs, lines: moved.count };
    });
  }

  /** Changes settings under the lock; the config file is replaced whole. Returns the settings now. */
  async updateSettings(change: Partial<Settings>): Promise<Settings> {
    const settings = await this.locked(() => {
      const legacy = this.legacy(true);
      if (!legacy) this.checked(existsSync(this.logDir) ? this.log.read().view : emptyView());
      const current = this.current();
      const next = { ...(current.settings ?? legacy?.state.settings ?? this.settings), ...change };
      this.#writeConfig({ ...current, settings: next });
      return next;
    });
    this.state = null;
    await this.options.onChange?.(this.read());
    return settings;
  }

  /**
   * `prep sync init`: the log's folder becomes `dir` (with `git`, a clone of that remote). Under
   * the lock, an older state file is turned into the log first (so its history travels too), then
   * this device's events are copied into its file there (what it has already is not copied
   * again), and the config file names the folder. Nothing is removed: the old folder keeps its
   * copy. Returns how many events were copied.
   */
  async moveLog(dir: string, git?: string): Promise<{ events: number }> {
    this.checkFolder(); // this device's events in a folder that is not there now could not be copied
    const device = await this.#ensureDevice();
    const result = await this.locked((lock) => {
      const from = this.logDir;
      const name = deviceFileName(device);
      const legacy = this.legacy(true);
      if (legacy) {
        if (this.current().settings === undefined) this.#writeConfig({ ...this.current(), settings: legacy.state.settings });
        appendEvents(join(from, name), this.migration(legacy, device, ownCurricula(this.options.paths.userCurricula)), lock);
        this.#keepLegacy(legacy);
      }
      ensurePrivateDir(dir, 'sync folder');
      let events = 0;
      if (resolve(from) !== resolve(dir)) {
        const mine = eventsOf(join(from, name));
        const there = new Set(eventsOf(join(dir, name)).map(eventKey));
        const missing = mine.filter((event) => !there.has(eventKey(event)));
        if (missing.length > 0) appendEvents(join(dir, name), missing, lock);
        events = missing.length;
      }
      const { sync: _sync, ...config } = this.current();
      this.#writeConfig({ ...config, sync: git === undefined ? { dir } : { dir, git } });
      return { events };
    });
    this.state = null;
    return result;
  }

  /** Changes the config file (sync settings, say) under the lock the caller holds. */
  writeConfig(change: (config: Config) => Config): void {
    this.#writeConfig(change(this.current()));
  }

  #writeConfig(config: Config): void {
    this.config.write(config);
    this.storedConfig = config;
  }

  /** Runs `work` holding the study log's lock, the state directory made (private) first. */
  locked<T>(work: (lock: HeldLock) => T | Promise<T>): Promise<T> {
    ensurePrivateDir(this.options.paths.stateDir, 'state directory');
    return withLock(this.lockTarget, LOCK, work);
  }

  /** This machine's device id, made and kept in the config file on the first write. */
  ensureDevice(): Promise<string> {
    return this.#ensureDevice();
  }

  async #ensureDevice(): Promise<string> {
    const known = this.stored()?.device;
    if (known) return known;
    return this.locked(() => {
      const config = this.current();
      if (config.device) return config.device;
      const device = newDeviceId(hostName());
      this.#writeConfig({ ...config, device });
      return device;
    });
  }

  /** Sets the state file aside once its history is in the log: `state.json.v2` (v1…), never over another file. */
  #keepLegacy(legacy: LegacyState): void {
    const path = this.stateFile.path;
    try {
      renameSync(path, uniqueName(`${path}.v${legacy.version}`));
      syncDirectory(this.options.paths.stateDir);
    } catch {
      // Left where it is: the next write finds its events in the log already, and sets it aside then.
    }
    this.legacyRead = false;
  }

}

/** `path`, or `path-2`, `path-3`… when that is taken. */
function uniqueName(path: string): string {
  let name = path;
  for (let n = 2; existsSync(name); n++) name = `${path}-${n}`;
  return name;
}

/** A log file's lines that are not events (and a partial last one), apart from the rest; null when there are none. */
function damagedLines(file: string, name: string): { good: string; damaged: string; count: number } | null {
  const bytes = readBoundedBytes(file, { limit: MAX_LOG_FILE_BYTES, what: 'a study log file' });
  const decoded = decodeLines(bytes, name);
  if (decoded.problems.length === 0) return null;
  const bad = new Set(decoded.problems.map((p) => p.line));
  const lines = bytes.toString('utf8').split('\n');
  // The text after the last newline is the partial line, if any: it is one of the bad ones.
  if (lines.at(-1) === '') lines.pop();
  const good: string[] = [];
  const damaged: string[] = [];
  lines.forEach((line, index) => (bad.has(index + 1) ? damaged : good).push(line));
  return { good: good.map((line) => `${line}\n`).join(''), damaged: damaged.map((line) => `${line}\n`).join(''), count: damaged.length };
}

/** The events of one log file (none when there is none); its damaged lines stay where they are. */
function eventsOf(file: string): LogEvent[] {
  if (!existsSync(file)) return [];
  return decodeLines(readBoundedBytes(file, { limit: MAX_LOG_FILE_BYTES, what: 'a study log file' }), basename(file)).events;
}

/** What makes an event the same event: its id and its stamp. */
const eventKey = (event: LogEvent) => `${event.id} ${event.dev} ${event.hlc[0]} ${event.hlc[1]}`;

/** A fold of nothing. */
export function emptyView(): LogView {
  return fold([]);
}

/** The user's own curricula, id and text, to travel with the log; one that cannot be read stays behind. */
function ownCurricula(dir: string): { id: string; text: string }[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.md')).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    try {
      return [{ id: basename(name, '.md'), text: readCurriculumText(join(dir, name)) }];
    } catch {
      return [];
    }
  });
}
