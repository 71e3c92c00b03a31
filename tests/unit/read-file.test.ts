// The bounded reader: regular files only, never more than the limit, plain reasons for failures.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileReadError, readBoundedFile } from '../../src/io/read-file.js';

describe('readBoundedFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'prep-read-'));
  const failure = (path: string, limit = 100): FileReadError => {
    try {
      readBoundedFile(path, { limit, what: 'a test file' });
    } catch (caught) {
      if (caught instanceof FileReadError) return caught;
      throw caught;
    }
    throw new Error(`${path} was read`);
  };

  it('reads a regular file, with the stats of what it opened', () => {
    writeFileSync(join(dir, 'ok.txt'), 'héllo');
    const { text, stats } = readBoundedFile(join(dir, 'ok.txt'), { limit: 100 });
    expect(text).toBe('héllo');
    expect(stats.size).toBe(6);
  });

  it('reads a file of exactly the limit, and refuses one byte more', () => {
    writeFileSync(join(dir, 'ten.txt'), '0123456789');
    expect(readBoundedFile(join(dir, 'ten.txt'), { limit: 10 }).text).toBe('0123456789');
    expect(failure(join(dir, 'ten.txt'), 9)).toMatchObject({ code: 'EFBIG' });
  });

  it('stops at the limit when stat says nothing (a /proc file claims size 0)', () => {
    const proc = '/proc/self/status';
    expect(failure(proc, 16)).toMatchObject({ code: 'EFBIG' });
  });

  it.each([
    ['a FIFO', () => {
      expect(spawnSync('mkfifo', [join(dir, 'fifo')]).status).toBe(0);
      return join(dir, 'fifo');
    }, 'ENOTREG', 'it is a named pipe (FIFO), not a regular file'],
    ['a link to /dev/zero', () => {
      symlinkSync('/dev/zero', join(dir, 'zero'));
      return join(dir, 'zero');
    }, 'ENOTREG', 'it is a device, not a regular file'],
    ['a directory', () => dir, 'EISDIR', 'it is a directory'],
    ['a missing file', () => join(dir, 'missing'), 'ENOENT', 'no such file'],
    ['a link to itself', () => {
      symlinkSync(join(dir, 'loop'), join(dir, 'loop'));
      return join(dir, 'loop');
    }, 'ELOOP', 'too many symbolic links (a link that points to itself?)'],
    ['a path through a file', () => join(dir, 'ok.txt', 'x'), 'ENOTDIR', 'part of that path is a file, not a directory'],
  ])('refuses %s at once', (_what, make, code, reason) => {
    const error = failure(make());
    expect(error).toMatchObject({ code, reason });
  });
});
