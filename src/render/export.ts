import type { ExportData } from '../commands/export.js';

/** stdout: the document itself, or nothing when it went to a file (the note on stderr says so). */
export function renderExport(data: ExportData): string {
  return data.document ?? '';
}
