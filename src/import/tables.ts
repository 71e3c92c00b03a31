// Tables with a Day column: a row per day, its Topic the title, its other cells (split at <br>) tasks.
import { cleanLine } from '../curriculum/text.js';
import { matchEntry, plainText, type Entry, type Line } from './lines.js';

/** The cells of a `| a | b |` row, an escaped `\|` kept inside its cell. */
export function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

/** The column that numbers the days, or -1. */
export function dayColumn(header: string[]): number {
  return header.findIndex((h) => /^(?:days?|date|#|day\s*(?:#|no\.?|number))$/i.test(plainText(h)));
}

export interface DayRow {
  /** The day the row names, its title from the Topic column. */
  entry: Entry;
  tasks: string[];
  /** The row's other cells in one line: a title for a row without tasks or topic. */
  summary: string;
}

/** Each body row of a day table (its header and rule first): the day it schedules, or undefined for a row that names none. */
export function readDayTable(rows: Line[]): { row: Line; day: DayRow | undefined }[] {
  const header = cells(rows[0]!.raw).map((c) => plainText(c));
  const dayCol = dayColumn(header);
  const titleCol = header.findIndex((h, i) => i !== dayCol && /\b(?:topic|title|focus|theme|subject|module|area)s?\b/i.test(h));
  return rows.slice(2).map((row) => {
    const values = cells(row.raw);
    const dayCell = plainText(values[dayCol] ?? '');
    const entry = matchEntry(/^\d/.test(dayCell) ? `Day ${dayCell}` : dayCell);
    if (!entry || entry.kind === 'week') return { row, day: undefined };
    const tasks: string[] = [];
    values.forEach((value, col) => {
      if (col === dayCol || col === titleCol) return;
      for (const part of value.split(/<br\s*\/?>/i).map((p) => cleanLine(p)).filter(Boolean)) {
        const name = header[col] ?? '';
        tasks.push(!name || /^(?:tasks?|activities|to-?dos?|what to do|plan|work)$/i.test(name) ? part : `${name}: ${part}`);
      }
    });
    const summary = values.map((v) => plainText(v)).filter((v, col) => col !== dayCol && v).join(' ');
    return { row, day: { entry: { ...entry, rest: titleCol >= 0 ? plainText(values[titleCol] ?? '') : '' }, tasks, summary } };
  });
}
