// Freeform study plan (Markdown or plain text) → curriculum Markdown. Pure: text in, text out.
// A line scanner, not remark: plain-text plans nest tasks by indentation, which Markdown would read
// as code. The work is a pipeline of small stages, each passing a plain draft plan to the next:
// classify the lines → scan for the schedule → read the checklist and notes → settle the days,
// their overlaps and gaps → name the plan → the weekday of day 1, for a weekday plan → write the curriculum.
import { overLimit, PLAN_ID } from '../curriculum/limits.js';
import { cleanText, normalizeNewlines, repairMojibake } from '../curriculum/text.js';
import { UsageError } from '../errors.js';
import { readDocument } from './document.js';
import type { Unsure } from './draft.js';
import { namePlan } from './name.js';
import { readNotes } from './notes.js';
import { numberDays, settleOverlaps } from './overlaps.js';
import { scanSchedule } from './scan.js';
import { settleDays } from './settle.js';
import { weekdayOfDayOne } from './weekdays.js';
import { writeCurriculum } from './write.js';

export type { Unsure } from './draft.js';

export interface ImportOptions {
  id?: string;
  title?: string;
  /** The number the first day found becomes (default 1). */
  startDay?: number;
  /** The input's file name: the default id, and `source:` in the front matter. */
  sourceName?: string;
}

export interface ImportReport {
  id: string;
  title: string;
  days: number;
  tasks: number;
  checklist: number;
  /** Day numbers with nothing scheduled, listed as rest days in the front matter. */
  rest: number[];
  unsure: Unsure[];
}

export interface ImportResult {
  markdown: string;
  report: ImportReport;
}

/** Reads a freeform plan and writes it as a curriculum; throws UsageError when it finds no schedule. */
export function importPlan(text: string, options: ImportOptions = {}): ImportResult {
  if (options.id !== undefined && !PLAN_ID.test(options.id)) {
    throw new UsageError(`--id "${options.id}" is not a plan id`, 'Use lowercase letters, digits and dashes, such as `my-plan`.');
  }
  if (options.startDay !== undefined && (!Number.isInteger(options.startDay) || options.startDay < 1)) {
    throw new UsageError(`--start-day must be a whole number from 1; got ${options.startDay}`, 'Leave it out to number the first day 1.');
  }
  const source = options.sourceName ?? 'the input';
  const startDay = options.startDay ?? 1;
  // Cleaned after the repair, which reads the C1 characters a double decoding leaves; Markdown lines are kept as written.
  const scanned = scanSchedule(readDocument(cleanText(repairMojibake(normalizeNewlines(text)))));
  numberDays(scanned.spans, startDay, source); // no schedule, or too many days: said before any more work
  const scheduled = settleOverlaps(settleDays(readNotes(scanned)), startDay, source);
  const { id, title, intro } = namePlan(scheduled, options);
  const markdown = writeCurriculum({ ...scheduled, id, title, intro, sourceName: options.sourceName, startsOn: weekdayOfDayOne(scheduled.spans) });
  const excess = overLimit(markdown);
  if (excess) throw new UsageError(`${source} would make a plan with ${excess.message.replace(/:.*/, '')}`, 'Split it into several plans, or check that its lists are tasks and not notes.');
  const tasks = scheduled.spans.reduce((n, s) => n + s.tasks.length, 0);
  const unsure = [...scheduled.unsure].sort((a, b) => a.line - b.line);
  return { markdown, report: { id, title, days: scheduled.days, tasks, checklist: scheduled.checklist.items.length, rest: scheduled.rest, unsure } };
}
