// The files the prompt's last answer was made from, by size, times and inode: while none changed
// (prep appends to a log file, or replaces a file whole: either shows), the answer stands.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { PromptResult } from './answer.js';

/** A file's size, times and inode: it changed when these did. */
export type FileStamp = [size: number, mtimeMs: number, ctimeMs: number, inode: number];

/** The prompt's last answer, and the files (by their stamps), date and build it was made from. */
export interface Memo {
  build: string;
  /** The config file, an older state file (null: none) and each file of the log's folder. */
  config: FileStamp | null;
  legacy: FileStamp | null;
  logDir: string;
  log: [name: string, ...stamp: FileStamp][];
  plan: { path: string; stamp: FileStamp };
  date: string;
  result: PromptResult;
}

export const fileStampOf = (path: string): FileStamp => {
  const info = statSync(path);
  return [info.size, info.mtimeMs, info.ctimeMs, info.ino];
};
export const fileStampOrNull = (path: string): FileStamp | null => {
  try {
    return fileStampOf(path);
  } catch {
    return null;
  }
};
export const sameStamp = (a: FileStamp | null, b: FileStamp | null) => (a === null || b === null ? a === b : a.every((value, i) => value === b[i]));

/** The stamp of every file in the log's folder but hidden ones (a sync tool's, git's). */
export function folderStamps(dir: string): Memo['log'] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => !name.startsWith('.')).sort();
  } catch {
    return [];
  }
  return names.map((name) => [name, ...fileStampOf(join(dir, name))]);
}

