// Files a command writes with -o: never prep's own state, never over a file without --force, and
// atomically, so a reader never sees half of one.
import { existsSync, linkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';

/** The file `-o` names (null for stdout: no -o, or `-o -`), refused before any work is done. */
export function outputPath(options: { output?: string; force?: boolean }, ctx: Pick<Context, 'cwd' | 'store' | 'paths'>): string | null {
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

/**
 * Writes `text` to `path` atomically: a temp file beside it, then a rename (with --force) or a hard
 * link, which fails when the name is taken, so a file that appears meanwhile is not clobbered either.
 */
export function writeNewFile(path: string, shown: string, text: string, mode: number, force: boolean): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const cannot = (caught: unknown) => {
    const code = (caught as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'its directory does not exist' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (code ?? (caught as Error).message);
    return new UsageError(`cannot write ${shown}: ${reason}`, 'Choose another file with -o, or leave out -o to print to stdout.');
  };
  try {
    writeFileSync(temp, text, { mode, flag: 'wx' });
  } catch (caught) {
    throw cannot(caught);
  }
  try {
    if (force) {
      renameSync(temp, path);
      return;
    }
    try {
      linkSync(temp, path);
    } catch (caught) {
      const code = (caught as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw exists(shown);
      // A file system without hard links: check, then rename.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw cannot(caught);
      if (existsSync(path)) throw exists(shown);
      renameSync(temp, path);
    }
  } catch (caught) {
    if (caught instanceof UsageError) throw caught;
    throw cannot(caught);
  } finally {
    rmSync(temp, { force: true });
  }
}
