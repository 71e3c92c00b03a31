import type { ExportData } from '../commands/export.js';
import { plural } from './style.js';

/** stdout: the document itself, or nothing when it went to a file (the note on stderr says so). */
export function renderExport(data: ExportData): string {
  return data.document ?? '';
}

/** The stderr note for a written file: `Wrote 42 days of 6-week to plan.ics`. */
export function exportNote(data: ExportData, shown: string): string {
  if (data.format === 'ics') return `Wrote ${plural(data.events ?? 0, 'day')} of ${data.plan?.id ?? 'the plan'} to ${shown}`;
  return `Wrote a backup of your state (${plural(data.plans ?? 0, 'plan')}, ${plural(data.logEntries ?? 0, 'log entry', 'log entries')}) to ${shown}, readable by you only. \`prep import-state ${shown}\` restores it.`;
}
