// Files a command writes with -o: never prep's own state, never over a file without --force, and
// atomically, so a reader never sees half of one.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { writeNewFileAtomic } from './atomic.js';
import { errnoOf, writeReasonOf } from './fs-errors.js';

/** The file `-o` names (null for stdout: no -o, or `-o -`), refused before any work is done. */
export function outputPath(options: { output?: string; force?: boolean }, ctx: { cwd: string; store: { path: string } }): string | null {
  if (options.output === undefined || options.output === '-') return null;
  const path = resolve(ctx.cwd, options.output);
  if (path === ctx.store.path || path.startsWith(`${ctx.store.path}.`)) throw new UsageError(`${options.output} is prep's own state file`, 'Write to another file.');
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
