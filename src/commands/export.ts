// `prep export --ics|--json [-o FILE]`: the active plan as an iCalendar file, or a full backup of the
// state (which `prep import-state` reads back). Without -o the document is all of stdout.
import { defineCommand } from '../app/define.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { planCalendar } from '../export/ics.js';
import { notesByPlanDay } from '../review/notes.js';
import type { LogEvent } from '../log/events.js';
import { sortUnique } from '../log/fold.js';
import { STATE_VERSION, type State } from '../state/schema.js';
import type { StudyState } from '../state/study-store.js';
import { doneIn } from '../schedule/progress.js';
import { coachOf } from '../session/coach.js';
import { openSession } from '../session/session.js';
import { plural } from '../render/style.js';

export type ExportFormat = 'ics' | 'json';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['ics', 'json'];

/** What `prep export --json` writes and `prep import-state` reads. */
export interface StateBackup {
  format: 'prep-state';
  /** The state schema version of `state` (equal to `state.version`): a reader knows it before reading on. */
  version: number;
  /** When the backup was made (ISO instant). */
  exportedAt: string;
  /** What the log folds to, as a state file says it: what an older prep imports. */
  state: State;
  /** Every event of the log, as written: what `import-state` merges, each counted once. */
  events?: LogEvent[];
}

/** The fold as a version 2 state file holds it (settings included). */
export function asStateFile(state: StudyState): State {
  return { version: STATE_VERSION, activePlan: state.activePlan, plans: state.plans, rest: state.rest, settings: state.settings, log: state.log };
}

export interface ExportData {
  format: ExportFormat;
  /** The file written; null when the document went to stdout. */
  path: string | null;
  /** The plan in the calendar (ics). */
  plan: { id: string; title: string } | null;
  /** Events in the calendar: one per plan day (ics). */
  events: number | null;
  /** What the backup holds (json). */
  plans: number | null;
  logEntries: number | null;
  bytes: number;
  /** The document, when it goes to stdout: printed as it is, and never part of the --json report. */
  document?: string;
}

export interface ExportOptions {
  format?: string;
  ics?: boolean;
  /** The global --json: "only JSON on stdout"; with no other format named, it names the JSON backup. */
  json?: boolean;
  output?: string;
  force?: boolean;
}

/**
 * The format asked for. `--json` keeps its global meaning, only JSON on stdout, so it names the
 * JSON backup when no other format is named, and it cannot go with a calendar printed on stdout.
 */
export function exportFormat(options: ExportOptions): ExportFormat {
  const named = options.format?.toLowerCase();
  if (named !== undefined && !(EXPORT_FORMATS as readonly string[]).includes(named)) {
    throw new UsageError(`--format "${options.format}" is not a format prep exports`, 'Use --format ics (the active plan as a calendar) or --format json (a backup of your state).');
  }
  if (options.ics && named !== undefined && named !== 'ics') throw new UsageError(`--ics and --format ${named} ask for different formats`, 'Give one of them.');
  const format = (named ?? (options.ics ? 'ics' : options.json ? 'json' : undefined)) as ExportFormat | undefined;
  if (format === undefined) {
    throw new UsageError('say what to export: --ics or --json', '`prep export --ics -o plan.ics` writes the active plan as a calendar; `prep export --json -o backup.json` backs up your state.');
  }
  if (format === 'ics' && options.json && options.output === undefined || options.output === '-') {
    throw new UsageError('--json keeps stdout for JSON, but the calendar is iCalendar text', 'Write the calendar to a file with -o FILE (--json then prints a JSON report of it), or leave out --json.');
  }
  return format;
}


/** The stderr note for a written file: `Wrote 42 days of 6-week to plan.ics`. */
export function exportNote(data: ExportData, shown: string): string {
  if (data.format === 'ics') return `Wrote ${plural(data.events ?? 0, 'day')} of ${data.plan?.id ?? 'the plan'} to ${shown}`;
  return `Wrote a backup of your state (${plural(data.plans ?? 0, 'plan')}, ${plural(data.logEntries ?? 0, 'log entry', 'log entries')}) to ${shown}, readable by you only. \`prep import-state ${shown}\` restores it.`;
}

export async function exportPlan(options: ExportOptions, ctx: Context): Promise<ExportData> {
  const format = exportFormat(options);
  const path = ctx.files.outputPath(options);
  const state = ctx.store.read();

  let document: string;
  let data: Omit<ExportData, 'bytes' | 'path'>;
  if (format === 'ics') {
    // A read, not a first run: exporting never starts a plan.
    if (!state?.activePlan) throw new UsageError('there is no active plan to export', 'Start one with `prep today` (the default plan) or `prep plan switch ID`, then export it.');
    const session = await openSession(ctx);
    const { plan, days, position } = session;
    const coach = coachOf(plan, days, doneIn(session.state.log, plan.id, days), position, session.state);
    document = planCalendar(plan, days, session.clock, session.today, ctx.now, notesByPlanDay(session.state.review.notes, plan.id), { ...(coach.view ? { schedule: coach.view } : {}), ...(coach.deadline ? { deadline: coach.deadline } : {}) });
    data = { format, plan: { id: plan.id, title: plan.title }, events: days.length, plans: null, logEntries: null };
  } else {
    if (!state) throw new UsageError(`there is nothing to back up yet (no events in ${ctx.store.logDir})`, '`prep today` starts the default plan; back up once there is progress to keep.');
    // A state file not yet turned into the log holds history the log's files do not: it comes as the state.
    const events = ctx.store.stateFile.read() === undefined ? sortUnique(ctx.store.events().events) : undefined;
    const backup: StateBackup = { format: 'prep-state', version: STATE_VERSION, exportedAt: ctx.now.toISOString(), state: asStateFile(state), ...(events ? { events } : {}) };
    document = `${JSON.stringify(backup, null, 2)}\n`;
    data = { format, plan: null, events: null, plans: Object.keys(state.plans).length, logEntries: state.log.length };
  }

  const bytes = Buffer.byteLength(document, 'utf8');
  if (path === null) return { ...data, path, bytes, document };
  // The backup holds your whole history: readable by you only, like the state file.
  ctx.files.writeNew(path, options.output!, document, format === 'json' ? 0o600 : 0o644, options.force === true);
  const written: ExportData = { ...data, path, bytes };
  ctx.notify(exportNote(written, options.output!));
  return written;
}

export default defineCommand({
  name: 'export',
  summary: 'the active plan as a calendar file (--ics), or a backup of your whole state (--json); to stdout, or to a file with -o',
  options: [
    { flags: '--format <format>', description: 'what to export: ics or json (--ics and --json say the same)' },
    { flags: '--ics', description: 'the active plan as an iCalendar file: one all-day event per plan day, on its date' },
    { flags: '-o, --output <file>', description: 'write to this file (atomically) instead of stdout' },
    { flags: '--force', description: 'replace the file if it exists' },
  ],
  examples: [
    'prep export --ics -o plan.ics          # import into your calendar; re-importing updates the events',
    'prep export --json -o backup.json      # a backup of your state, readable by you only',
    'prep export --ics > plan.ics',
    'prep import-state backup.json          # put a backup back',
  ],
  details: `
    --json is the global option (only JSON on stdout): alone it names the backup (with -o FILE, only the
    file is written); with --ics -o FILE it prints a JSON report of what was written. A note of a
    written file goes to stderr.`,
  run: (options: Omit<ExportOptions, 'json'>, ctx) => exportPlan({ ...options, ...(ctx.json ? { json: true } : {}) }, ctx),
  render: 'export',
  // `--json -o FILE` names the backup: the file is all there is to print, and its note is on stderr.
  document: (data, options, ctx) => data.document ?? (ctx.json && !options.ics && options.format === undefined ? '' : undefined),
});
