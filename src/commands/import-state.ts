// `prep import-state FILE [--yes] [--replace]`: merges a backup (`prep export --json`) or a copied
// state file into the study log: its events are added (each once, however often it is imported),
// nothing is dropped. With --replace, everything before it is set aside instead (the events stay in
// the files). It is checked as strictly as the log itself before anything is touched.
import { basename, resolve } from 'node:path';
import { completeFiles } from '../completion/completers.js';
import { defineCommand } from '../app/define.js';
import type { Context } from '../context.js';
import { cleanText, hasControlChars } from '../curriculum/text.js';
import { addDays, studyDate } from '../schedule/dates.js';
import { catalog } from '../curriculum/read.js';
import { StateError, UsageError } from '../errors.js';
import { FileReadError } from '../io/read-file.js';
import { checkEvent, stampOf, type LogEvent, type Payload } from '../log/events.js';
import { formatStamp } from '../log/hlc.js';
import { fold, sortUnique } from '../log/fold.js';
import { stateToEvents } from '../log/migrate.js';
import { confirmed, dates } from '../session/session.js';
import { STATE_VERSION, type State } from '../state/schema.js';
import { cleanStrings } from '../state/clean.js';
import { checkState, InvalidState } from '../state/store.js';

export interface ImportStateData {
  file: string;
  /** False when the confirmation was declined: nothing changed. */
  imported: boolean;
  /** `merge`: its events added to the log's; `replace`: the log before it set aside (--replace). */
  mode: 'merge' | 'replace';
  /** A backup made by `prep export --json`, or a state file copied as it is (state.json, .bak, .v1). */
  kind: 'backup' | 'state-file';
  exportedAt: string | null;
  /** The state version the file was written in; an older one is upgraded on import. */
  fromVersion: number;
  migrated: boolean;
  activePlan: string | null;
  plans: string[];
  logEntries: number;
  /** Events the file holds, and how many of them were new to the log (0 when it was imported before). */
  events: number;
  added: number;
  /** Plans the imported state names that this prep does not have (a user plan not added here yet). */
  unknownPlans: string[];
}

interface Backup {
  kind: ImportStateData['kind'];
  exportedAt: string | null;
  fromVersion: number;
  state: State;
  /** The log's own events, when the backup has them (one made since the log). */
  events: LogEvent[] | null;
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
  const clean = <T>(value: T) =>
    cleanStrings(value, (text) => {
      controls ||= hasControlChars(text);
      return cleanText(text);
    });
  clean(state);
  let events: LogEvent[] | null = null;
  if (isObject(raw) && raw.events !== undefined) {
    if (!Array.isArray(raw.events)) throw damaged('its events are not a list');
    events = raw.events.map((entry, index) => {
      const event = checkEvent(clean(entry));
      if (typeof event === 'string') throw damaged(`event ${index + 1} is damaged: ${event}`);
      return event;
    });
  }
  if (controls) throw damaged('it holds control characters or terminal escape sequences, which prep never writes');
  return { kind, exportedAt, fromVersion: typeof version === 'number' ? version : STATE_VERSION, state, events };
}

/** An event as a payload to stamp again (--replace), its time kept where the fold reads it. */
function restamped(event: LogEvent): Payload {
  const { id: _id, dev: _dev, hlc, ...payload } = event as LogEvent & { at?: unknown };
  const ticked = ['done', 'undo', 'check', 'uncheck'].includes(event.kind) && payload.at === undefined;
  return (ticked ? { ...payload, at: new Date(hlc[0]).toISOString() } : payload) as Payload;
}

export async function importState(options: { file: string; yes?: boolean; replace?: boolean }, ctx: Context): Promise<ImportStateData> {
  const path = resolve(ctx.cwd, options.file);
  let text: string;
  let mtimeMs: number;
  try {
    text = ctx.files.read(path, { limit: MAX_BACKUP_BYTES, what: 'a backup' }).text;
    mtimeMs = ctx.files.modifiedAt(path);
  } catch (caught) {
    if (!(caught instanceof FileReadError)) throw caught;
    throw new UsageError(`cannot import ${options.file}: ${caught.reason}`, 'Give the path of a file written by `prep export --json`.');
  }
  const backup = readBackup(text, options.file);
  const { state } = backup;
  // Nothing is recorded in the future; a day's grace for a backup made in another time zone.
  const latest = addDays(studyDate(ctx.now, state.settings.dayStart), 1);
  const eventDates = (backup.events ?? []).flatMap((event) => (typeof event.date === 'string' ? [event.date] : []));
  const future = [...state.log.map((e) => e.date), ...eventDates, ...Object.values(state.plans).flatMap((p) => p.paused.flatMap((x) => [x.from, x.resume ?? x.from]))].find((date) => date > latest);
  if (future) throw new UsageError(`cannot import ${options.file}: it has activity or a pause on ${future}, after today`, 'Only a backup made by `prep export --json` can be imported; your state was not changed.');
  const view = backup.events ? fold(backup.events) : undefined;
  const known = new Set([...(await catalog(ctx.curriculaDirs)).map((entry) => entry.id), ...Object.keys(view?.curricula ?? {})]);
  const mode = options.replace ? 'replace' : 'merge';
  const data: ImportStateData = {
    // A file name is shown, in the report and in the question below: cleaned like any other text from outside.
    file: cleanText(path),
    imported: false,
    mode,
    kind: backup.kind,
    exportedAt: backup.exportedAt,
    fromVersion: backup.fromVersion,
    migrated: backup.fromVersion < STATE_VERSION,
    activePlan: view?.activePlan ?? state.activePlan,
    plans: Object.keys(view?.plans ?? state.plans),
    logEntries: (view ?? state).log.length,
    events: 0,
    added: 0,
    unknownPlans: Object.keys(view?.plans ?? state.plans).filter((id) => !known.has(id)),
  };

  const refusal = options.replace
    ? new UsageError(`import-state --replace sets your whole state aside for ${options.file}; confirm with --yes`, `Run \`prep import-state ${options.file} --replace --yes\`; what it sets aside stays in the log's files.`)
    : new UsageError(`import-state merges ${options.file} into your log; confirm with --yes`, `Run \`prep import-state ${options.file} --yes\`; nothing in your log is dropped.`);
  const question = options.replace
    ? `Replace your state with ${cleanText(options.file)} (${outline(data)})? What it replaces stays in the log's files.`
    : `Merge ${cleanText(options.file)} (${outline(data)}) into your log? Nothing in it is dropped.`;
  if (!(await confirmed(ctx, options.yes, question, refusal))) return data;
  const { realToday } = dates(ctx, ctx.store.read());
  const source = cleanText(basename(path));
  let events = 0;
  const { appended } = await ctx.store.update((current) => {
    const device = ctx.store.stored()?.device ?? 'this-device';
    // A state file's history, stamped as of the backup (or the file): it sorts before what was done since.
    const wall = Math.floor(backup.exportedAt ? Date.parse(backup.exportedAt) : mtimeMs);
    const incoming = sortUnique(backup.events ?? stateToEvents(state, { device, wall, date: studyDate(new Date(wall), state.settings.dayStart) }));
    events = incoming.length;
    if (options.replace) {
      // The backup's settings too, as the whole state it was.
      ctx.store.writeConfig((config) => ({ ...config, settings: state.settings }));
      return [{ kind: 'import', date: realToday, source, events, replace: true }, ...incoming.map(restamped)];
    }
    const present = current.events === 0 ? new Set<string>() : new Set(ctx.store.events().events.map((event) => `${event.id} ${formatStamp(stampOf(event))}`));
    const fresh = incoming.filter((event) => !present.has(`${event.id} ${formatStamp(stampOf(event))}`));
    return fresh.length === 0 ? false : { stamped: fresh, payloads: [{ kind: 'import', date: realToday, source, events: fresh.length }] };
  });
  const added = options.replace ? events : Math.max(0, appended.length - 1);
  return { ...data, imported: true, events, added };
}

function outline(data: ImportStateData): string {
  const when = data.exportedAt ? `made ${data.exportedAt.slice(0, 16).replace('T', ' ')} UTC, ` : '';
  return `${when}active plan ${data.activePlan ?? 'none'}, ${data.logEntries} log ${data.logEntries === 1 ? 'entry' : 'entries'}`;
}

export default defineCommand({
  name: 'import-state',
  summary: 'merge a backup from `prep export --json` into your log (checked first; nothing is dropped, each event counted once); --replace sets your state aside for it',
  arguments: [{ syntax: '<file>', description: 'a backup from `prep export --json`, or a copy of a state file', complete: completeFiles }],
  options: [
    { flags: '-y, --yes', description: 'do not ask first (needed without a terminal)' },
    { flags: '--replace', description: 'instead of merging, set everything before it aside (its events stay in the log\'s files)' },
  ],
  examples: ['prep import-state backup.json', 'prep import-state backup.json --yes', 'prep import-state ~/old/state.json.bak --yes', 'prep import-state backup.json --replace --yes'],
  run: importState,
  render: 'import-state',
});
