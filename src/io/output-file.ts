// Files a command writes with -o: never one of prep's own files, never over a file without --force, and
// atomically, so a reader never sees half of one.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { writeNewFileAtomic } from './atomic.js';
import { errnoOf, writeReasonOf } from './fs-errors.js';

/** The file `-o` names (null for stdout: no -o, or `-o -`), refused before any work is done. */
export function outputPath(options: { output?: string; force?: boolean }, ctx: { cwd: string; store: { logDir: string }; paths: { stateFile: string; configFile: string; logDir: string } }): string | null {
  if (options.output === undefined || options.output === '-') return null;
  const path = resolve(ctx.cwd, options.output);
  const own = [ctx.paths.stateFile, ctx.paths.configFile];
  const inLog = dirname(path) === ctx.store.logDir || dirname(path) === ctx.paths.logDir;
  if (inLog || own.some((file) => path === file || path.startsWith(`${file}.`))) throw new UsageError(`${options.output} is one of prep's own files`, 'Write to another file, outside the study log\'s folder.');
  // Said before any work is done; the write itself refuses too, atomically.
  if (existsSync(path) && !options.force) throw exists(options.output);
  return path;
}

const exists = (shown: string) => new UsageError(`${shown} exists already`, 'Add --force to replace it, or choose another file with -o.');

/** Writes `text` as the new file `path` (shown to the user as `shown`), over an existing one only with `force`. */
export function writeNewFile(path: string, shown: string, text: string, mode: number, force: boolean): void {
  try {
    writeNewFileAtomic(path, Buffer.from(text), mode, force);
  } catch (caught) {
    if (errnoOf(caught) === 'EEXIST') throw exists(shown);
    throw new UsageError(`cannot write ${shown}: ${writeReasonOf(caught)}`, 'Choose another file with -o, or leave out -o to print to stdout.');
  }
}
