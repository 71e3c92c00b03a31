// `prep import-state FILE [--yes]`: puts a backup (`prep export --json`) or a copied state file back
// as the whole state. It is checked as strictly as the state file itself before anything is
// touched; the state it replaces is kept beside it.
import { completeFiles } from '../completion/completers.js';
import { defineCommand } from '../app/define.js';
import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { cleanText, hasControlChars } from '../curriculum/text.js';
import { addDays, studyDate } from '../schedule/dates.js';
import { catalog } from '../curriculum/read.js';
import { StateError, UsageError } from '../errors.js';
import { FileReadError } from '../io/read-file.js';
import { confirmed } from '../session/session.js';
import { STATE_VERSION, type State } from '../state/schema.js';
import { cleanStrings } from '../state/clean.js';
import { checkState, InvalidState } from '../state/store.js';

export interface ImportStateData {
  file: string;
  /** False when the confirmation was declined: nothing changed. */
  imported: boolean;
  /** A backup made by `prep export --json`, or a state file copied as it is (state.json, .bak, .v1). */
  kind: 'backup' | 'state-file';
  exportedAt: string | null;
  /** The state version the file was written in; an older one is upgraded on import. */
  fromVersion: number;
  migrated: boolean;
  activePlan: string | null;
  plans: string[];
  logEntries: number;
  /** Plans the imported state names that this prep does not have (a user plan not added here yet). */
  unknownPlans: string[];
  /** Where the replaced state file was kept; null when there was none, or nothing was imported. */
  keptAs: string | null;
}

interface Backup {
  kind: ImportStateData['kind'];
  exportedAt: string | null;
  fromVersion: number;
  state: State;
}

// Years of daily study log are a few megabytes; far more is not a backup prep wrote.
const MAX_BACKUP_BYTES = 64 * 1024 * 1024;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The state in a backup's text, checked and upgraded; a UsageError naming `file` and the problem otherwise. */
export function readBackup(text: string, file: string): Backup {
  const damaged = (reason: string) => new UsageError(`cannot import ${file}: ${reason}`, 'Your state was not changed. Import a file written by `prep export --json`, or a copy of a state file.');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw damaged(text.trim() === '' ? 'it is empty' : 'it is not valid JSON (is it cut short?)');
  }
  let kind: Backup['kind'] = 'state-file';
  let exportedAt: string | null = null;
  let stateRaw = raw;
  if (isObject(raw) && 'format' in raw) {
    if (raw.format !== 'prep-state') throw damaged(`its format is ${JSON.stringify(raw.format)}, not "prep-state"`);
    if (!isObject(raw.state)) throw damaged('it holds no state');
    if (raw.version !== raw.state.version) throw damaged(`its version (${JSON.stringify(raw.version)}) and its state's (${JSON.stringify(raw.state.version)}) differ`);
    if (raw.exportedAt !== undefined && (typeof raw.exportedAt !== 'string' || Number.isNaN(Date.parse(raw.exportedAt)))) throw damaged(`its exportedAt ${JSON.stringify(raw.exportedAt)} is not a time`);
    kind = 'backup';
    exportedAt = (raw.exportedAt as string | undefined) ?? null;
    stateRaw = raw.state;
  }
  const version = isObject(stateRaw) ? stateRaw.version : undefined;
  if (typeof version === 'number' && version > STATE_VERSION) {
    throw new UsageError(`cannot import ${file}: it was written by a newer prep (state version ${version}; this prep reads ${STATE_VERSION})`, 'Upgrade prep to import it; your state was not changed.');
  }
  let state: State;
  try {
    // The store's own checks, and an older version migrated as the store would.
    state = checkState(stateRaw);
  } catch (caught) {
    if (caught instanceof InvalidState || caught instanceof StateError) throw damaged(caught instanceof InvalidState ? caught.reason : caught.message);
    throw caught;
  }
  // Every text in it reaches the terminal one day: a state prep wrote never holds control characters.
  // A bidi override an older prep took from a curriculum is only dropped, so its backups still import.
  let controls = false;
  cleanStrings(state, (text) => {
    controls ||= hasControlChars(text);
    return cleanText(text);
  });
  if (controls) throw damaged('it holds control characters or terminal escape sequences, which prep never writes');
  return { kind, exportedAt, fromVersion: typeof version === 'number' ? version : STATE_VERSION, state };
}

/** `20260302T083000`: the stamp of the kept copy's name. */
const stampOf = (now: Date) => now.toISOString().replace(/[-:]/g, '').replace(/\..*/, '');

export async function importState(options: { file: string; yes?: boolean }, ctx: Context): Promise<ImportStateData> {
  const path = resolve(ctx.cwd, options.file);
  let text: string;
  try {
    text = ctx.files.read(path, { limit: MAX_BACKUP_BYTES, what: 'a backup' }).text;
  } catch (caught) {
    if (!(caught instanceof FileReadError)) throw caught;
    throw new UsageError(`cannot import ${options.file}: ${caught.reason}`, 'Give the path of a file written by `prep export --json`.');
  }
  const backup = readBackup(text, options.file);
  const { state } = backup;
  // Nothing is recorded in the future; a day's grace for a backup made in another time zone.
  const latest = addDays(studyDate(ctx.now, state.settings.dayStart), 1);
  const future = [...state.log.map((e) => e.date), ...Object.values(state.plans).flatMap((p) => p.paused.flatMap((x) => [x.from, x.resume ?? x.from]))].find((date) => date > latest);
  if (future) throw new UsageError(`cannot import ${options.file}: it has activity or a pause on ${future}, after today`, 'Only a backup made by `prep export --json` can be imported; your state was not changed.');
  const known = new Set((await catalog(ctx.curriculaDirs)).map((entry) => entry.id));
  const data: ImportStateData = {
    // A file name is shown, in the report and in the question below: cleaned like any other text from outside.
    file: cleanText(path),
    imported: false,
    kind: backup.kind,
    exportedAt: backup.exportedAt,
    fromVersion: backup.fromVersion,
    migrated: backup.fromVersion < STATE_VERSION,
    activePlan: state.activePlan,
    plans: Object.keys(state.plans),
    logEntries: state.log.length,
    unknownPlans: Object.keys(state.plans).filter((id) => !known.has(id)),
    keptAs: null,
  };

  const refusal = new UsageError(`import-state replaces your whole state with ${options.file}; confirm with --yes`, `Run \`prep import-state ${options.file} --yes\`; the state it replaces is kept beside it.`);
  if (!(await confirmed(ctx, options.yes, `Replace your state with ${cleanText(options.file)} (${outline(data)})? The current one is kept beside it.`, refusal))) return data;
  const keptAs = await ctx.store.replace(state, `before-import-${stampOf(ctx.now)}`);
  return { ...data, imported: true, keptAs };
}

function outline(data: ImportStateData): string {
  const when = data.exportedAt ? `made ${data.exportedAt.slice(0, 16).replace('T', ' ')} UTC, ` : '';
  return `${when}active plan ${data.activePlan ?? 'none'}, ${data.logEntries} log ${data.logEntries === 1 ? 'entry' : 'entries'}`;
}

export default defineCommand({
  name: 'import-state',
  summary: 'replace your whole state with a backup from `prep export --json` (checked first; the state it replaces is kept beside it)',
  arguments: [{ syntax: '<file>', description: 'a backup from `prep export --json`, or a copy of a state file', complete: completeFiles }],
  options: [{ flags: '-y, --yes', description: 'do not ask first (needed without a terminal)' }],
  examples: ['prep import-state backup.json', 'prep import-state backup.json --yes', 'prep import-state ~/old/state.json.bak --yes'],
  run: importState,
  render: 'import-state',
});
