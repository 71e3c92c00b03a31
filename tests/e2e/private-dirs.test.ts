// prep keeps the log, settings and cache only in directories of the user's own: one that another user owns or
// can write to is refused with the fix (another user could plant files there that prep would read),
// and the prompt, run at every shell prompt, stays silent instead.
import { chmodSync, chownSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logFiles, prep } from '../helpers.js';

const newHome = () => mkdtempSync(join(tmpdir(), 'prep-private-'));
const mode = (path: string) => (statSync(path).mode & 0o7777).toString(8);
const notRoot = process.getuid?.() === 0 ? false : 'needs root, to give a directory to another user';

describe.each([
  ['PREP_HOME, the state directory', 'state directory', (home: string) => home],
  ['the cache directory', 'cache directory', (home: string) => join(home, 'cache')],
])('%s', (_name, what, dirOf) => {
  /** A user one day into a plan, with the segment and the caches written. */
  const studying = () => {
    const home = newHome();
    expect(prep(['done', '1', '--date', '2026-03-02'], { home }).status).toBe(0);
    expect(prep(['prompt', '--date', '2026-03-02'], { home }).stdout).toBe('🔥1 1/8\n');
    return { home, dir: dirOf(home) };
  };

  /** Every command refuses, naming the directory and the fix; nothing is written; the prompt prints nothing. */
  const refused = (home: string, ...fix: string[]) => {
    const log = logFiles(home);
    for (const args of [['today'], ['done', '2'], ['plan', 'list'], ['prompt', '--refresh']]) {
      const run = prep([...args, '--date', '2026-03-02'], { home });
      if (args[0] === 'prompt') {
        expect(run).toEqual({ status: 0, stdout: '', stderr: '' });
        continue;
      }
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stdout).toBe('');
      for (const text of fix) expect(run.stderr).toContain(text);
    }
    expect(logFiles(home)).toEqual(log);
  };

  it('writable by other users is refused, with `chmod 700` as the fix', () => {
    const { home, dir } = studying();
    chmodSync(dir, 0o777);
    refused(home, `prep: the ${what} ${dir} can be written to by other users`, `chmod 700 ${dir}`);
    chmodSync(dir, 0o700);
    expect(prep(['prompt', '--date', '2026-03-02'], { home }).stdout).toBe('🔥1 1/8\n');
  });

  it.skipIf(notRoot)(`owned by another user is refused, with another PREP_HOME as the fix${notRoot ? ` (skipped: ${notRoot})` : ''}`, () => {
    const { home, dir } = studying();
    chownSync(dir, 65534, 65534);
    refused(home, `prep: the ${what} ${dir} belongs to another user (uid 65534)`, 'PREP_HOME');
  });
});

describe('directories prep makes', () => {
  it('are 0700: a new PREP_HOME and its cache', () => {
    const home = join(newHome(), 'new', 'prep');
    expect(prep(['done', '1'], { home }).status).toBe(0);
    expect([mode(home), mode(join(home, 'cache'))]).toEqual(['700', '700']);
  });

  it('may be made in a directory every user can write to, like /tmp (only prep\'s own are checked)', () => {
    const shared = newHome();
    chmodSync(shared, 0o1777);
    for (const name of ['state', 'cache', 'data']) {
      mkdirSync(join(shared, name));
      chmodSync(join(shared, name), 0o1777);
    }
    const env = { PREP_HOME: '', XDG_STATE_HOME: join(shared, 'state'), XDG_CACHE_HOME: join(shared, 'cache'), XDG_DATA_HOME: join(shared, 'data') };
    expect(prep(['done', '1', '--date', '2026-03-02'], { env }).status).toBe(0);
    expect(prep(['prompt', '--date', '2026-03-02'], { env }).stdout).toBe('🔥1 1/8\n');
    expect([mode(join(shared, 'state', 'prep')), mode(join(shared, 'cache', 'prep'))]).toEqual(['700', '700']);
  });
});
