// The state store: one JSON file and its last good copy. Reads parse it directly (the prompt path
// pays for nothing more); every write is one read-modify-write under a cross-process lock, and
// replaces a file only with bytes that are verified on disk.
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { StateError } from '../errors.js';
import { removeLeftoverTemps, syncDirectory, writeVerifiedTemp } from '../io/atomic.js';
import { errnoOf, isDiskProblem, reasonOf, writeFailure } from '../io/fs-errors.js';
import type { HeldLock } from '../io/lock.js';
import { withLock } from '../io/locked.js';
import { FileReadError, readBoundedBytes } from '../io/read-file.js';
import { isLocalDate, LAST_DATE } from '../schedule/dates.js';
import { cleanStrings, nestedDeeperThan } from './clean.js';
import { ensurePrivateDir } from './private-dir.js';
import { migrate } from './migrations.js';
import { emptyState, EVENT_KINDS, planMap, STATE_VERSION, type PlanState, type State } from './schema.js';

// A holder refreshes the lock between the steps of a write; one not refreshed for 5 s (or whose
// process has died) is taken over, and a waiter gives up after 10 s.
const LOCK = { staleMs: 5_000, waitMs: 10_000 };

/** The state file as read under the lock: what a write may replace, and only if it is still there. */
interface Snapshot {
  bytes: Buffer | null;
  ino: number | null;
}

// Years of daily study are a few MB; far more is not a state prep wrote.
export const MAX_STATE_BYTES = 64 * 1024 * 1024;

/** A state file's bytes: a regular file only (a FIFO there cannot hang prep), at most MAX_STATE_BYTES. */
export const readState = (path: string): Buffer => readBoundedBytes(path, { limit: MAX_STATE_BYTES, what: 'a state file' });

const serialize = (state: State) => Buffer.from(`${JSON.stringify(state, null, '\t')}\n`);

export class StateStore {
  /** Set once this run has written the state, so the prompt segment can be refreshed after it. */
  changed = false;

  constructor(
    readonly path: string,
    private readonly defaultPlan: string,
  ) {}

  /** The last good state, kept beside the file: a copy of what every write wrote. */
  get backupPath(): string {
    return `${this.path}.bak`;
  }

  #unreadable(reason: string): StateError {
    return new StateError(`cannot read the state file ${this.path}: ${reason}`, 'Nothing was changed. `prep doctor` checks it, and `prep doctor --restore` puts back the last good copy.');
  }

  /** Parses a state file's text, throwing the StateError a user would see. */
  parse(text: string): State {
    try {
      return cleanStrings(parseState(text));
    } catch (caught) {
      if (!(caught instanceof InvalidState)) throw caught;
      if (caught.newerVersion !== undefined) {
        throw new StateError(
          `the state file ${this.path} was written by a newer prep (state version ${caught.newerVersion}; this prep reads ${STATE_VERSION})`,
          'Upgrade prep; the file was left as it is.',
        );
      }
      throw this.#unreadable(caught.reason);
    }
  }

  /** True when the backup holds a state prep can read. */
  backupIsGood(): boolean {
    try {
      parseState(readState(this.backupPath).toString('utf8'));
      return true;
    } catch {
      return false;
    }
  }

  /** The file's bytes, or null when there is none: then a good backup must not be started over. */
  #readBytes(): Buffer | null {
    try {
      return readState(this.path);
    } catch (caught) {
      const code = errnoOf(caught);
      // ENOTDIR: a file where the state directory should be; creating it will say so.
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        if (this.backupIsGood()) {
          throw new StateError(
            `the state file ${this.path} is missing, but its backup ${this.backupPath} holds your history`,
            'Nothing was changed. `prep doctor --restore` puts the backup back; to start afresh instead, move the backup aside too.',
          );
        }
        return null;
      }
      if (code === 'EACCES' || code === 'EPERM') {
        throw new StateError(`cannot read the state file ${this.path}: permission denied`, `Nothing was changed. Check who owns it and its mode (\`ls -l ${this.path}\`): prep needs to read and write it as you.`);
      }
      throw this.#unreadable(caught instanceof FileReadError ? caught.reason : reasonOf(caught));
    }
  }

  /** The saved state, or undefined before the first run. */
  read(): State | undefined {
    const bytes = this.#readBytes();
    return bytes === null ? undefined : this.parse(bytes.toString('utf8'));
  }

  /**
   * Puts the last good copy back, under the lock. An unreadable file in its place is kept beside
   * it under another name, never deleted. Returns that name, or null when there was no file.
   */
  async restore(stamp: string): Promise<string | null> {
    return this.#locked((lock) => {
      const backup = this.parse(readState(this.backupPath).toString('utf8')); // refuses a damaged backup
      const snapshot = this.#snapshot(false);
      const keep = snapshot.bytes === null ? null : { path: `${this.path}.broken-${stamp}`, bytes: snapshot.bytes };
      this.#commit(serialize(backup), snapshot, lock, { keep, backup: false });
      return keep?.path ?? null;
    });
  }

  /**
   * Replaces the whole state with `state` (`prep import-state`), under the lock. The file it
   * replaces, readable or not, is first kept as `state.json.<keepAs>` (with `-2`, `-3`… should
   * that name be taken), so nothing is lost. Returns that copy's path, or null when there was no file.
   */
  async replace(state: State, keepAs: string): Promise<string | null> {
    // The store is the only writer: what it writes has passed its own checks, whoever built it.
    const checked = checkState(structuredClone(state));
    return this.#locked((lock) => {
      const snapshot = this.#snapshot(false);
      let keep: { path: string; bytes: Buffer } | null = null;
      if (snapshot.bytes !== null) {
        let kept = `${this.path}.${keepAs}`;
        for (let n = 2; existsSync(kept); n++) kept = `${this.path}.${keepAs}-${n}`;
        keep = { path: kept, bytes: snapshot.bytes };
      }
      this.#commit(serialize(checked), snapshot, lock, { keep, backup: true });
      return keep?.path ?? null;
    });
  }

  /**
   * Reads (or starts) the state, applies `change`, writes it and returns what was written, all
   * under the lock, so every rule `change` checks is decided on the state as it is. A change that
   * returns false writes nothing.
   */
  async update(change: (state: State) => void | false): Promise<State> {
    return this.#locked((lock) => {
      const snapshot = this.#snapshot(true);
      const state = snapshot.bytes === null ? emptyState(this.defaultPlan) : this.parse(snapshot.bytes.toString('utf8'));
      if (change(state) === false) return state;
      // The last line of defence: never write (or keep as the last good copy) a state prep cannot read back.
      try {
        checkState(structuredClone(state));
      } catch (caught) {
        if (!(caught instanceof InvalidState)) throw caught;
        throw new StateError(`refused to write a state that would not read back: ${caught.reason}`, 'Nothing was changed. This is a bug in prep; please report it with the command you ran.');
      }
      // Before the first write in a newer version, the file as an older prep wrote it: `state.json.v1`.
      const older = snapshot.bytes === null ? undefined : olderVersion(snapshot.bytes);
      const keep = older === undefined || existsSync(`${this.path}.v${older}`) ? null : { path: `${this.path}.v${older}`, bytes: snapshot.bytes! };
      this.#commit(serialize(state), snapshot, lock, { keep, backup: true });
      return state;
    });
  }

  /** The file as it is now; `mustRead` turns a missing file with a good backup into a refusal. */
  #snapshot(mustRead: boolean): Snapshot {
    const bytes = mustRead ? this.#readBytes() : readOrNull(this.path);
    return { bytes, ino: bytes === null ? null : inoOf(this.path) };
  }

  /**
   * Writes `bytes` as the state (and its backup, and a file to keep), each to a verified temp file
   * first; only when all are on disk, the lock is still ours and the file is still the one read,
   * are they renamed into place. Any failure leaves every file as it was, and no temp file behind.
   */
  #commit(bytes: Buffer, read: Snapshot, lock: HeldLock, extra: { keep: { path: string; bytes: Buffer } | null; backup: boolean }): void {
    const dir = dirname(this.path);
    const moves: Array<[temp: string, target: string]> = [];
    try {
      if (extra.keep) moves.push([writeVerifiedTemp(extra.keep.path, extra.keep.bytes, 0o600), extra.keep.path]);
      lock.refresh();
      moves.push([writeVerifiedTemp(this.path, bytes, 0o600), this.path]);
      lock.refresh();
      if (extra.backup) moves.push([writeVerifiedTemp(this.backupPath, bytes, 0o600), this.backupPath]);
      lock.refresh();
      const now = readOrNull(this.path);
      const unchanged = read.bytes === null ? now === null : now !== null && now.equals(read.bytes) && inoOf(this.path) === read.ino;
      if (!lock.isHeld() || !unchanged) {
        throw new StateError(
          `another prep changed the state file ${this.path} while this one was stalled (it held the lock for longer than ${LOCK.staleMs / 1000} s)`,
          'Nothing was written by this command; the other change is kept. Run the command again.',
        );
      }
      // The kept copy first, then the state, then its backup: each rename is atomic, and a kill
      // between them leaves a readable state and a good backup.
      for (const [temp, target] of moves) renameSync(temp, target);
      moves.length = 0;
      syncDirectory(dir);
      this.changed = true;
    } catch (caught) {
      for (const [temp] of moves) rmSync(temp, { force: true });
      if (caught instanceof StateError || !isDiskProblem(caught)) throw caught;
      throw new StateError(`${writeFailure(caught, dir)}; nothing was written`, `The state file and its backup are as they were. ${errnoOf(caught) === 'ENOSPC' || errnoOf(caught) === 'EDQUOT' ? 'Free some space and run the command again.' : 'Set PREP_HOME (or XDG_STATE_HOME) to a directory you can write to.'}`);
    }
  }

  /** Runs `work` holding the lock, Ctrl-C held back while it is held (src/io/locked.ts). */
  async #locked<T>(work: (lock: HeldLock) => T): Promise<T> {
    // Private from the start, and never one another user could plant a state in.
    ensurePrivateDir(dirname(this.path), 'state directory');
    return withLock(this.path, { ...LOCK, what: `the state file ${this.path}` }, (lock) => {
      removeLeftoverTemps(this.path);
      return work(lock);
    });
  }
}

function readOrNull(path: string): Buffer | null {
  try {
    return readState(path);
  } catch (caught) {
    if (errnoOf(caught) === 'ENOENT' || errnoOf(caught) === 'ENOTDIR') return null;
    throw caught;
  }
}

function inoOf(path: string): number | null {
  try {
    return statSync(path).ino;
  } catch {
    return null;
  }
}

/** The version of a state file older than this prep's, if it is one. */
function olderVersion(bytes: Buffer): number | undefined {
  try {
    const version = (JSON.parse(bytes.toString('utf8')) as { version?: unknown }).version;
    return typeof version === 'number' && Number.isInteger(version) && version > 0 && version < STATE_VERSION ? version : undefined;
  } catch {
    return undefined;
  }
}

/** Why a value is not a state this prep can use; the store turns it into the message a user sees. */
export class InvalidState extends Error {
  constructor(
    readonly reason: string,
    /** Set when the value is a state of a newer prep. */
    readonly newerVersion?: number,
  ) {
    super(reason);
  }
}

/** Parses and checks a state file's text; an older version comes back upgraded (in memory only). */
export function parseState(text: string): State {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new InvalidState(text.trim() === '' ? 'it is empty' : 'it is not valid JSON');
  }
  return checkState(raw);
}

// A state is a few levels deep; far deeper is damage, and would overflow the stack of whatever walks it.
const MAX_DEPTH = 32;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A YYYY-MM-DD date no later than the last date prep counts to. */
const isStateDate = (value: unknown): boolean => typeof value === 'string' && isLocalDate(value) && value <= LAST_DATE;

/** Checks a parsed state file: shape, dates, pauses and log entries. Plans come back keyed without a prototype. */
export function checkState(raw: unknown): State {
  if (!isRecord(raw)) throw new InvalidState('it does not hold a JSON object');
  if (nestedDeeperThan(raw, MAX_DEPTH)) throw new InvalidState(`it nests objects more than ${MAX_DEPTH} levels deep, which prep never writes`);
  const version = raw.version;
  if (typeof version === 'number' && version > STATE_VERSION) throw new InvalidState(`it was written by a newer prep (state version ${version})`, version);
  // An older file is read as this version; the first write saves it so, under the lock.
  const olderShape = typeof version === 'number' && version >= 1 && version < STATE_VERSION && isRecord(raw.plans);
  const record = (olderShape ? migrate(raw, STATE_VERSION) : raw) as Partial<State>;
  const shapeOk = record.version === STATE_VERSION && isRecord(record.plans) && Array.isArray(record.log) && Array.isArray(record.rest) && typeof record.settings === 'object';
  if (!shapeOk) throw new InvalidState('it is not a prep state file (missing version, plans, log, rest or settings)');
  if (record.activePlan !== null && typeof record.activePlan !== 'string') throw new InvalidState(`its active plan ${JSON.stringify(record.activePlan)} is not a plan id`);
  // Dates are compared as strings everywhere: one that is not YYYY-MM-DD would silently mislead.
  for (const [id, plan] of Object.entries(record.plans!)) {
    if (!isRecord(plan)) throw new InvalidState(`plan "${id}" is ${JSON.stringify(plan)}, not a start date and pauses`);
    if (!isStateDate(plan.start)) throw new InvalidState(`plan "${id}" has the start date ${JSON.stringify(plan.start)}, not a YYYY-MM-DD date up to ${LAST_DATE}`);
    const problem = pausesProblem(plan.paused);
    if (problem) throw new InvalidState(`plan "${id}" has ${problem}`);
  }
  // Plans are looked up by ids from files and arguments: no inherited `constructor` or `toString`.
  record.plans = planMap(Object.entries(record.plans as Record<string, PlanState>));
  const badRest = record.rest!.find((date) => !isStateDate(date));
  if (badRest !== undefined) throw new InvalidState(`the rest day ${JSON.stringify(badRest)} is not a YYYY-MM-DD date up to ${LAST_DATE}`);
  const settings = record.settings as Partial<State['settings']> | null;
  if (settings === null || typeof settings !== 'object' || !Number.isInteger(settings.dayStart) || settings.dayStart! < 0 || settings.dayStart! >= 24 * 60 || typeof settings.defaultPlan !== 'string' || (settings.promptFormat !== undefined && typeof settings.promptFormat !== 'string')) {
    throw new InvalidState('its settings are damaged (day-start must be minutes 0–1439, default-plan a plan id)');
  }
  const badEvent = record.log!.findIndex(
    (event) =>
      typeof event !== 'object' ||
      event === null ||
      !isStateDate(event.date) ||
      typeof event.id !== 'string' ||
      typeof event.plan !== 'string' ||
      !EVENT_KINDS.includes(event.kind) ||
      (event.text !== undefined && typeof event.text !== 'string') ||
      (event.day !== undefined && !(Number.isInteger(event.day) && event.day > 0)),
  );
  if (badEvent >= 0) throw new InvalidState(`entry ${badEvent + 1} of its log is damaged (it needs a YYYY-MM-DD date, a plan, an id and a kind; a text and a day number if any)`);
  return record as State;
}

/** What is wrong with a plan's pauses, if anything: dates, order, and at most the last one open. */
function pausesProblem(paused: unknown): string | undefined {
  if (!Array.isArray(paused)) return 'no list of pauses';
  let previous: string | undefined;
  for (const [index, pause] of paused.entries()) {
    const { from, resume } = (isRecord(pause) ? pause : {}) as { from?: unknown; resume?: unknown };
    const open = resume === undefined;
    if (!isStateDate(from) || (!open && !isStateDate(resume))) return `a pause without YYYY-MM-DD dates up to ${LAST_DATE} (${JSON.stringify(pause)})`;
    if ((!open && String(resume) <= String(from)) || (previous !== undefined && String(from) < previous)) return `pauses that overlap or run backwards (${JSON.stringify(pause)})`;
    if (open && index !== paused.length - 1) return 'an open pause that is not the last one';
    previous = open ? '9999-12-31' : String(resume);
  }
  return undefined;
}
