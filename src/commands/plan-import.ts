// `prep plan import RAW [-o FILE]`: a freeform study plan in, a curriculum that validates out.
import { completeFiles } from '../completion/completers.js';
import { defineCommand } from '../app/define.js';
import { basename, resolve } from 'node:path';
import type { Context } from '../context.js';
import type { Files } from '../io/files.js';
import { formatProblem } from '../curriculum/problem.js';
import { cleanText } from '../curriculum/text.js';
import { UsageError } from '../errors.js';
import { FileReadError } from '../io/read-file.js';
import { MAX_CURRICULUM_BYTES } from '../curriculum/read.js';
import { importPlan, type Unsure } from '../import/import.js';
import { parseWithCache } from '../startup/parser.js';

export interface PlanImportOptions {
  file: string;
  output?: string;
  id?: string;
  title?: string;
  startDay?: string;
  force?: boolean;
}

export interface PlanImportData {
  id: string;
  title: string;
  days: number;
  tasks: number;
  checklist: number;
  source: string;
  /** The file written, or null when the curriculum went to stdout (then `markdown` holds it). */
  output: string | null;
  rest: number[];
  unsure: Unsure[];
  markdown?: string;
}

function readInput(file: string, path: string, files: Files): string {
  let text: string;
  try {
    // The same ceiling as for curricula: a study plan is a human document.
    text = files.read(path, { limit: MAX_CURRICULUM_BYTES, what: 'a study plan' }).text;
  } catch (caught) {
    if (!(caught instanceof FileReadError)) throw caught;
    const hint = caught.code === 'EFBIG' ? 'Split the plan, or move reference material out of it.' : 'Pass the path of the study plan to import, a Markdown or text file.';
    throw new UsageError(`cannot read ${file}: ${caught.reason}`, hint);
  }
  if (text.includes('\u0000')) throw new UsageError(`${file} is not a text file`, 'Pass the study plan as Markdown or plain text.');
  return text;
}

export async function planImport(options: PlanImportOptions, ctx: Context): Promise<PlanImportData> {
  let startDay: number | undefined;
  if (options.startDay !== undefined) {
    if (!/^\d+$/.test(options.startDay) || Number(options.startDay) < 1 || Number(options.startDay) > 365) throw new UsageError(`--start-day must be a day number from 1 to 365; got "${options.startDay}"`, 'Leave it out to number the first day found 1.');
    startDay = Number(options.startDay);
  }
  if (options.title !== undefined && options.title.trim() === '') throw new UsageError('--title is empty', 'Give the plan a title, or leave --title out to take the first heading.');
  const source = resolve(ctx.cwd, options.file);
  const target = ctx.files.outputPath(options);
  const text = readInput(options.file, source, ctx.files);

  // The importer uses the Markdown parser's rules, and the result is checked with the parser itself.
  const { markdown, report } = importPlan(text, {
    sourceName: cleanText(basename(source)),
    ...(options.id === undefined ? {} : { id: options.id }),
    ...(options.title === undefined ? {} : { title: options.title }),
    ...(startDay === undefined ? {} : { startDay }),
  });
  const errors = (await parseWithCache(markdown, ctx.paths.cacheDir)).problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    // The importer promises a file that validates: anything else is a bug, never a file to write.
    throw new Error(`the curriculum imported from ${options.file} does not validate:\n${errors.slice(0, 5).map((p) => `  ${formatProblem('import', p)}`).join('\n')}`);
  }

  if (target !== null) ctx.files.writeNew(target, options.output!, markdown, 0o644, options.force === true);
  const data: PlanImportData = {
    id: report.id,
    title: report.title,
    days: report.days,
    tasks: report.tasks,
    checklist: report.checklist,
    source: cleanText(options.file),
    output: target === null ? null : options.output!, // as the user wrote it, so the report names what they typed
    rest: report.rest,
    unsure: report.unsure,
  };
  if (target === null) data.markdown = markdown;
  return data;
}

export default defineCommand({
  name: 'plan import',
  summary: 'turn a freeform study plan (Markdown or plain text) into a curriculum file that validates',
  arguments: [{ syntax: '<file>', description: 'the study plan to read', complete: completeFiles }],
  options: [
    { flags: '-o, --output <file>', description: 'write the curriculum to this file (atomically) instead of stdout' },
    { flags: '--id <id>', description: 'the plan id (default: from the file name)' },
    { flags: '--title <title>', description: 'the plan title (default: its first heading or line)' },
    { flags: '--start-day <n>', description: 'number the first day found N (default 1)' },
    { flags: '--force', description: 'replace the -o file if it exists' },
  ],
  examples: [
    'prep plan import six-weeks.txt -o six-weeks.md && prep plan add six-weeks.md',
    'prep plan import notes.md > my-plan.md          # curriculum on stdout, report on stderr',
    'prep plan import notes.md --id interview-prep --title "Interview prep"',
    'prep plan import fragment.md --start-day 1      # a plan counting from Day 0 or Day 15 starts at 1',
    'prep plan import notes.md --json',
  ],
  details: `
    It finds "Day N", "Days N-M", "Day N (Feb 2)" and "Day N — Title" in headings, bold list
    items or plain lines; "Week N" sections (with days, or week-level tasks of their own); weekday
    blocks (Monday … Sunday are consecutive days); tables with a Day column; Morning/Evening and
    5:00–7:00 labels as sections; rest days; and a checklist under a heading or line naming a
    checklist, "before the interview" or a final review. Prose and resources it cannot place go to
    the intro, a notes section or the nearest day; the report on stderr lists the lines it guessed
    about. --start-day N renumbers the days so the first one found is day N; with N > 1 the days
    before it are rest days. Exit 2 when the file holds no schedule.`,
  run: planImport,
  render: 'plan-import',
  report: 'plan-import-report',
});
