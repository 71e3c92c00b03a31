// The state file of a prep before the study log (v1 or v2): read, never written. Until the first
// write turns it into the log (src/state/study-store.ts), it is what every view shows; the file is
// then kept beside the log under the name of its version, `state.json.v2`.
import { statSync } from 'node:fs';
import { StateError } from '../errors.js';
import { errnoOf, reasonOf } from '../io/fs-errors.js';
import { FileReadError, readBoundedBytes } from '../io/read-file.js';
import { isLocalDate, LAST_DATE } from '../schedule/dates.js';
import { cleanStrings, nestedDeeperThan } from './clean.js';
import { migrate } from './migrations.js';
import { EVENT_KINDS, planMap, STATE_VERSION, type PlanState, type State } from './schema.js';

// Years of daily study are a few MB; far more is not a state prep wrote.
export const MAX_STATE_BYTES = 64 * 1024 * 1024;

/** A state file's bytes: a regular file only (a FIFO there cannot hang prep), at most MAX_STATE_BYTES. */
export const readState = (path: string): Buffer => readBoundedBytes(path, { limit: MAX_STATE_BYTES, what: 'a state file' });

/** A state file as read: the state (upgraded in memory), the version it was written in, and when. */
export interface LegacyState {
  state: State;
  version: number;
  mtimeMs: number;
}

export class StateFile {
  constructor(readonly path: string) {}

  /** The last good copy an older prep kept beside the file. */
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

  /** The backup's state when it holds one prep can read, else undefined. */
  readBackup(): LegacyState | undefined {
    try {
      const bytes = readState(this.backupPath);
      return { state: cleanStrings(parseState(bytes.toString('utf8'))), version: versionOf(bytes), mtimeMs: statSync(this.backupPath).mtimeMs };
    } catch {
      return undefined;
    }
  }

  /** The file's state, or undefined when there is none; a file prep cannot read is a StateError. */
  read(): LegacyState | undefined {
    let bytes: Buffer;
    let mtimeMs: number;
    try {
      bytes = readState(this.path);
      mtimeMs = statSync(this.path).mtimeMs;
    } catch (caught) {
      const code = errnoOf(caught);
      // ENOTDIR: a file where the state directory should be; creating it will say so.
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      if (code === 'EACCES' || code === 'EPERM') {
        throw new StateError(`cannot read the state file ${this.path}: permission denied`, `Nothing was changed. Check who owns it and its mode (\`ls -l ${this.path}\`): prep needs to read it as you.`);
      }
      throw this.#unreadable(caught instanceof FileReadError ? caught.reason : reasonOf(caught));
    }
    return { state: this.parse(bytes.toString('utf8')), version: versionOf(bytes), mtimeMs };
  }
}

/** The version a state file was written in (the current one when it does not say). */
function versionOf(bytes: Buffer): number {
  try {
    const version = (JSON.parse(bytes.toString('utf8')) as { version?: unknown }).version;
    return typeof version === 'number' && Number.isInteger(version) && version > 0 ? version : STATE_VERSION;
  } catch {
    return STATE_VERSION;
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
