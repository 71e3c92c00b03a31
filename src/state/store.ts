// The state store: one JSON file. Reads parse it directly (the prompt path pays for nothing more);
// writes go through conf, imported only then, as one read-modify-write in one place.
import { constants, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import { StateError } from '../errors.js';
import { isLocalDate, LAST_DATE } from '../schedule/dates.js';
import { importConf, importLockfile } from '../vendor.js';
import { migrate } from './migrations.js';
import { emptyState, EVENT_KINDS, planMap, STATE_VERSION, type PlanState, type State } from './schema.js';

// A holder refreshes the lock every few seconds; one left by a killed process goes stale after 5 s,
// and the retries (about 10 s in all) outlast that.
const LOCK = { realpath: false, stale: 5_000, retries: { retries: 60, factor: 1.2, minTimeout: 20, maxTimeout: 250 } };

export class StateStore {
  /** Set once this run has written the state, so the prompt segment can be refreshed after it. */
  changed = false;

  constructor(
    readonly path: string,
    private readonly defaultPlan: string,
  ) {}

  /** The last good state, kept beside the file: a copy made after every write. */
  get backupPath(): string {
    return `${this.path}.bak`;
  }

  #unreadable(reason: string): StateError {
    return new StateError(`cannot read the state file ${this.path}: ${reason}`, 'Nothing was changed. `prep doctor` checks it, and `prep doctor --restore` puts back the last good copy.');
  }

  /** Parses a state file's text, throwing the StateError a user would see. */
  parse(text: string): State {
    try {
      return parseState(text);
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

  /** The saved state, or undefined before the first run. */
  read(): State | undefined {
    if (!existsSync(this.path)) return undefined;
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (caught) {
      throw this.#unreadable((caught as NodeJS.ErrnoException).code ?? (caught as Error).message);
    }
    return this.parse(text);
  }

  /** Before the first write in a newer version, the file as an older prep wrote it: `state.json.v1`. */
  #keepOlderVersion(): void {
    try {
      const version = (JSON.parse(readFileSync(this.path, 'utf8')) as { version?: unknown }).version;
      if (typeof version === 'number' && version < STATE_VERSION) copyFileSync(this.path, `${this.path}.v${version}`);
    } catch {
      // no file yet: nothing older to keep
    }
  }

  #keepBackup(): void {
    const temp = `${this.backupPath}.${process.pid}.tmp`;
    copyFileSync(this.path, temp);
    renameSync(temp, this.backupPath);
  }

  /**
   * Puts the last good copy back, under the lock. The unreadable file is kept beside it, renamed,
   * never deleted. Returns the name it was kept under.
   */
  async restore(stamp: string): Promise<string> {
    return this.#locked(() => {
      const kept = `${this.path}.broken-${stamp}`;
      const backup = this.parse(readFileSync(this.backupPath, 'utf8')); // refuses a damaged backup
      if (existsSync(this.path)) renameSync(this.path, kept);
      const temp = `${this.path}.${process.pid}.tmp`;
      writeFileSync(temp, `${JSON.stringify(backup, null, '\t')}\n`, { mode: 0o600 });
      renameSync(temp, this.path);
      this.changed = true;
      return kept;
    });
  }

  /**
   * Replaces the whole state with `state` (`prep import-state`), under the lock. The file it
   * replaces, readable or not, is first copied to `state.json.<keepAs>` (with `-2`, `-3`… should
   * that name be taken), so nothing is lost. Returns that copy's path, or null when there was no file.
   */
  async replace(state: State, keepAs: string): Promise<string | null> {
    // The store is the only writer: what it writes has passed its own checks, whoever built it.
    const checked = checkState(structuredClone(state));
    try {
      mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    } catch (caught) {
      throw new StateError(`cannot create the state directory ${dirname(this.path)}: ${(caught as NodeJS.ErrnoException).code ?? (caught as Error).message}`, 'Set PREP_HOME (or XDG_STATE_HOME) to a directory you can write to.');
    }
    return this.#locked(() => {
      let kept: string | null = null;
      if (existsSync(this.path)) {
        kept = `${this.path}.${keepAs}`;
        for (let n = 2; existsSync(kept); n++) kept = `${this.path}.${keepAs}-${n}`;
        // A copy, not a rename: the state file never goes missing, even for a moment.
        copyFileSync(this.path, kept, constants.COPYFILE_EXCL);
      }
      const temp = `${this.path}.${process.pid}.tmp`;
      writeFileSync(temp, `${JSON.stringify(checked, null, '\t')}\n`, { mode: 0o600 });
      renameSync(temp, this.path);
      this.#keepBackup();
      this.changed = true;
      return kept;
    });
  }

  /**
   * Runs `work` holding the cross-process lock. Ctrl-C (or SIGTERM) meanwhile is held back until the
   * write is done and the lock released, then ends the process: never a half-done change or a
   * lock left behind.
   */
  async #locked<T>(work: () => T): Promise<T> {
    const { default: lockfile } = await importLockfile();
    let interrupted: NodeJS.Signals | undefined;
    const holdBack = (signal: NodeJS.Signals) => void (interrupted = signal);
    process.on('SIGINT', holdBack).on('SIGTERM', holdBack);
    try {
      let release: () => Promise<void>;
      try {
        release = await lockfile.lock(this.path, LOCK);
      } catch (caught) {
        if ((caught as NodeJS.ErrnoException).code !== 'ELOCKED') throw caught;
        throw new StateError(`the state file ${this.path} stayed locked by another prep for 10 seconds`, 'Try again in a moment; nothing was changed.');
      }
      try {
        return work();
      } finally {
        await release();
      }
    } finally {
      process.off('SIGINT', holdBack).off('SIGTERM', holdBack);
      if (interrupted) process.exit(interrupted === 'SIGINT' ? 130 : 143);
    }
  }

  /**
   * Reads (or starts) the state, applies `change`, writes it atomically and returns what was written,
   * all under a cross-process lock: conf alone would let two writers lose each other's updates.
   */
  async update(change: (state: State) => void): Promise<State> {
    // Private from the start: conf would create the directory with the default mode.
    try {
      mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    } catch (caught) {
      throw new StateError(`cannot create the state directory ${dirname(this.path)}: ${(caught as NodeJS.ErrnoException).code ?? (caught as Error).message}`, 'Set PREP_HOME (or XDG_STATE_HOME) to a directory you can write to.');
    }
    const { default: Conf } = await importConf();
    return this.#locked(() => {
      const state = this.read() ?? emptyState(this.defaultPlan);
      this.#keepOlderVersion();
      change(state);
      // The last line of defence: never write (or keep as the last good copy) a state prep cannot read back.
      try {
        checkState(structuredClone(state));
      } catch (caught) {
        if (!(caught instanceof InvalidState)) throw caught;
        throw new StateError(`refused to write a state that would not read back: ${caught.reason}`, 'Nothing was changed. This is a bug in prep; please report it with the command you ran.');
      }
      const conf = new Conf<Record<string, unknown>>({
        cwd: dirname(this.path),
        configName: basename(this.path, extname(this.path)),
        projectSuffix: '',
        // Never wipe a file that cannot be read: the user's history is in it.
        clearInvalidConfig: false,
        accessPropertiesByDotNotation: false,
        configFileMode: 0o600,
      });
      conf.store = state as unknown as Record<string, unknown>;
      // What was just written, kept as the last good copy should the file be damaged later.
      this.#keepBackup();
      this.changed = true;
      return state;
    });
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

/** Whether objects and arrays in `value` nest deeper than `max`: a walk with its own stack, not recursion. */
function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth > max) return true;
    for (const inner of Object.values(item)) if (typeof inner === 'object' && inner !== null) stack.push([inner, depth + 1]);
  }
  return false;
}

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
