// Curriculum files on disk: the shipped catalog and single files named on the command line.
// Synchronous reads: a few small files, and node:fs/promises would be one more module to load.
import { closeSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CurriculumError, UsageError } from '../errors.js';
import { FileReadError, openRegularFile, readBoundedFile, readOpenedFile } from '../io/read-file.js';
import { packageRoot } from '../startup/package-root.js';
import { cleanText, nearest } from './text.js';
import { readCached, readPrebuilt, writeCached } from './cache.js';
import { parseWithCache } from '../startup/parser.js';
import type { ParseResult } from './parse.js';
import { formatProblem } from './problem.js';
import type { Plan } from './types.js';

/** The curricula that ship with prep. */
export const SHIPPED_CURRICULA = join(packageRoot(), 'curricula');
export const DEFAULT_PLAN_ID = '6-week';

// Plans are for humans: anything this large is a mistake or an attack, not a study plan.
export const MAX_CURRICULUM_BYTES = 2 * 1024 * 1024;

export interface CatalogEntry {
  id: string;
  path: string;
}

function unreadable(path: string, caught: unknown): unknown {
  if (!(caught instanceof FileReadError)) return caught;
  const hint = caught.code === 'EFBIG' ? 'Split the plan, or move reference material out of it.' : caught.code === 'ENOENT' ? 'Check the path, or run `prep plan list` to see the plans there are.' : 'Pass the path of a Markdown (.md) file you can read.';
  return new CurriculumError(`cannot read curriculum ${path}: ${caught.reason}`, hint);
}

/** The text of a curriculum file, within the size limit; a CurriculumError naming the file otherwise. */
export function readCurriculumText(path: string): string {
  try {
    return readBoundedFile(path, { limit: MAX_CURRICULUM_BYTES, what: 'a curriculum' }).text;
  } catch (caught) {
    throw unreadable(path, caught);
  }
}

/**
 * Reads and parses one file, or takes its parse from `cacheDir` when the file has not changed.
 * Unreadable files become a CurriculumError naming the file.
 */
export async function readCurriculumFile(path: string, cacheDir?: string): Promise<ParseResult> {
  let text: string;
  let opened: ReturnType<typeof openRegularFile> | undefined;
  try {
    opened = openRegularFile(path);
    const cached = cacheDir === undefined ? undefined : readCached(cacheDir, path, opened.stats);
    if (cached) return cached;
    text = readOpenedFile(path, opened.fd, opened.stats, { limit: MAX_CURRICULUM_BYTES, what: 'a curriculum' });
  } catch (caught) {
    throw unreadable(path, caught);
  } finally {
    if (opened) closeSync(opened.fd);
  }
  const info = opened.stats;
  const prebuilt = dirname(path) === SHIPPED_CURRICULA ? readPrebuilt(join(packageRoot(), 'dist', 'plans'), path, text) : undefined;
  // The Markdown parser is loaded only here, on a cache miss.
  const result = prebuilt ?? (await parseWithCache(text, cacheDir));
  if (cacheDir !== undefined) writeCached(cacheDir, path, info, result);
  return result;
}

/** A plan that parsed without errors, or a CurriculumError listing the first problems. */
export async function loadCurriculumFile(path: string, cacheDir?: string): Promise<Plan> {
  return planOf(path, await readCurriculumFile(path, cacheDir));
}

/** The plan in `text` (the contents of `path`, already read), as loadCurriculumFile would give it. */
export async function loadCurriculumText(path: string, text: string, cacheDir?: string): Promise<Plan> {
  return planOf(path, await parseWithCache(text, cacheDir));
}

function planOf(path: string, { plan, problems }: ParseResult): Plan {
  const errors = problems.filter((p) => p.severity === 'error');
  if (!plan || errors.length > 0) {
    const shown = errors.slice(0, 5).map((p) => `  ${formatProblem(path, p)}`).join('\n');
    const more = errors.length > 5 ? `\n  … and ${errors.length - 5} more` : '';
    throw new CurriculumError(`curriculum ${path} has ${errors.length} error${errors.length === 1 ? '' : 's'}:\n${shown}${more}`, `Fix the file; \`prep plan validate ${path}\` lists every problem.`);
  }
  return plan;
}

/** Every curriculum in the catalog directories, by file name (`<id>.md`); earlier directories win. */
export async function catalog(dirs: readonly string[]): Promise<CatalogEntry[]> {
  const entries = new Map<string, CatalogEntry>();
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue; // a user directory that does not exist yet holds no plans
    }
    for (const name of names.sort()) {
      if (!name.endsWith('.md')) continue;
      const id = cleanText(basename(name, '.md')); // a plan id is shown: the file name is outside text
      if (!entries.has(id)) entries.set(id, { id, path: join(dir, name) });
    }
  }
  return [...entries.values()];
}

/** Exact id, else a unique prefix (`prep plan show 90`), else a usage error with a suggestion. */
export function resolvePlanId(input: string, ids: readonly string[]): string {
  if (ids.includes(input)) return input;
  const matches = ids.filter((id) => id.startsWith(input));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new UsageError(`plan "${input}" is ambiguous: it could be ${matches.join(', ')}`, 'Type more of the id.');
  const guess = nearest(input, ids);
  throw new UsageError(`no plan "${input}"${guess ? `; did you mean "${guess}"?` : ''}`, `Plans: ${ids.join(', ')}. \`prep plan list\` shows them.`);
}

/** Loads a plan of the catalog and checks that its front matter id matches its file name. */
export async function loadCatalogPlan(entry: CatalogEntry, cacheDir?: string): Promise<Plan> {
  const plan = await loadCurriculumFile(entry.path, cacheDir);
  if (plan.id !== entry.id) {
    throw new CurriculumError(`${entry.path} declares id "${plan.id}", but its file name says "${entry.id}"`, `Rename the file to ${plan.id}.md, or change its \`id:\`.`);
  }
  return plan;
}
