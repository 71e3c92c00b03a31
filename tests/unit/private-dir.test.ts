// The directories prep keeps its files in: its own (0700 when it makes them), never one that another
// user owns or can write to.
import { chmodSync, chownSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StateError } from '../../src/errors.js';
import { ensurePrivateDir } from '../../src/state/private-dir.js';

const mode = (path: string) => (statSync(path).mode & 0o7777).toString(8);
const notRoot = process.getuid?.() === 0 ? false : 'needs root, to give a directory to another user';
const newDir = () => mkdtempSync(join(tmpdir(), 'prep-private-'));

/** The StateError `ensurePrivateDir(dir)` throws, as the user reads it. */
function refusal(dir: string): string {
  try {
    ensurePrivateDir(dir);
  } catch (caught) {
    expect(caught).toBeInstanceOf(StateError);
    return `${(caught as StateError).message}\n${(caught as StateError).hint}`;
  }
  throw new Error(`${dir} was accepted`);
}

describe('ensurePrivateDir', () => {
  it('makes a missing directory, and its missing parents, 0700', () => {
    const dir = join(newDir(), 'a', 'b');
    ensurePrivateDir(dir);
    expect([mode(dir), mode(join(dir, '..'))]).toEqual(['700', '700']);
  });

  it('takes a directory of the user\'s own that only they can write to, under a shared one like /tmp', () => {
    const shared = newDir();
    chmodSync(shared, 0o1777);
    for (const [name, bits] of [['private', 0o700], ['readable', 0o755]] as const) {
      const dir = join(shared, name);
      mkdirSync(dir);
      chmodSync(dir, bits);
      expect(() => ensurePrivateDir(dir)).not.toThrow();
    }
    ensurePrivateDir(join(shared, 'new'));
    expect(mode(join(shared, 'new'))).toBe('700');
  });

  it.each([0o777, 0o1777, 0o770, 0o722])('refuses a directory others can write to (mode %o), saying how to fix it', (bits) => {
    const dir = join(newDir(), 'home');
    mkdirSync(dir);
    chmodSync(dir, bits);
    const message = refusal(dir);
    expect(message).toContain(dir);
    expect(message).toContain(`chmod 700 ${dir}`);
    expect(mode(dir)).toBe(bits.toString(8)); // left as it is: the user decides
  });

  it('quotes a path with spaces in the fix', () => {
    const dir = join(newDir(), "it's mine");
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    expect(refusal(dir)).toContain(`chmod 700 '${dir.replace("'", "'\\''")}'`);
  });

  it('says which directory it cannot make, and why', () => {
    const file = join(newDir(), 'file');
    writeFileSync(file, '');
    expect(() => ensurePrivateDir(join(file, 'sub'), 'state directory')).toThrow(`cannot create the state directory ${join(file, 'sub')}: part of that path is a file, not a directory`);
  });

  it('refuses a file where the directory should be', () => {
    const file = join(newDir(), 'cache');
    writeFileSync(file, '');
    expect(refusal(file)).toContain(`the directory ${file} is not a directory`);
  });

  it.skipIf(notRoot)(`refuses a directory another user owns, even a private one${notRoot ? ` (skipped: ${notRoot})` : ''}`, () => {
    const dir = join(newDir(), 'theirs');
    mkdirSync(dir, { mode: 0o700 });
    chownSync(dir, 65534, 65534);
    const message = refusal(dir);
    expect(message).toContain(`the directory ${dir} belongs to another user`);
    expect(message).toContain('PREP_HOME');
  });
});
