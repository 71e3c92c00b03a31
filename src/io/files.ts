// The disk as commands reach it, through the context (ctx.files): a command imports no node:fs.
// Every write here is atomic and verified; every read is bounded, of a regular file only.
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { writeFileAtomic } from './atomic.js';
import { outputPath, writeNewFile } from './output-file.js';
import { readBoundedFile, type FileText, type ReadLimit } from './read-file.js';

export interface Files {
  exists(path: string): boolean;
  /** The text of a regular file, at most `bounds.limit` bytes; a FileReadError says why not. */
  read(path: string, bounds: ReadLimit): FileText;
  /** Replaces `path` with `text` once it is whole on disk (temp file, every byte checked, fsync, rename). */
  replace(path: string, text: string, mode: number): void;
  /** The file `-o` names, checked before any work: null for stdout. */
  outputPath(options: { output?: string; force?: boolean }): string | null;
  /** Writes the file `-o` named (`shown` as typed), never over one without `force`: a UsageError says why not. */
  writeNew(path: string, shown: string, text: string, mode: number, force: boolean): void;
  /** Makes a directory of the user's alone (0700), and its parents. */
  makeDirectory(path: string): void;
  remove(path: string): void;
  /** When the file was last changed, in ms since 1970. */
  modifiedAt(path: string): number;
}

export function diskFiles(where: Parameters<typeof outputPath>[1]): Files {
  return {
    exists: (path) => existsSync(path),
    read: (path, bounds) => readBoundedFile(path, bounds),
    replace: (path, text, mode) => writeFileAtomic(path, Buffer.from(text), mode),
    outputPath: (options) => outputPath(options, where),
    writeNew: writeNewFile,
    makeDirectory: (path) => void mkdirSync(path, { recursive: true, mode: 0o700 }),
    remove: (path) => rmSync(path, { force: true }),
    modifiedAt: (path) => statSync(path).mtimeMs,
  };
}
