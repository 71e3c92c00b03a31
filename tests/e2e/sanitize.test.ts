// Text from outside (settings typed in, the state file, file names, arguments echoed in errors)
// never drives the terminal, and every backup prep writes imports again.
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, prep } from '../helpers.js';

const DATE = '2026-03-03';
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const newHome = () => mkdtempSync(join(tmpdir(), 'prep-sanitize-'));

describe('file names and arguments echoed in messages', () => {
  const ESC_NAME = '\u001b]52;c;eA==\u0007\u001b[2J\u202Eevil';

  it('plan validate names a file whose name holds escapes, cleaned', () => {
    const home = newHome();
    copyFileSync(join(FIXTURES, 'hostile', 'curricula', 'hostile-fields.md'), join(home, `${ESC_NAME}.md`));
    const run = prep(['plan', 'validate', `${ESC_NAME}.md`, '--date', DATE], { home, cwd: home });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(']52;c;eA==[2Jevil.md:');
    expect(`${run.stdout}${run.stderr}`).not.toMatch(UNSAFE);
  });

  it('a plan in the catalog whose file name holds escapes is named cleaned', () => {
    const home = newHome();
    mkdirSync(join(home, 'curricula'));
    copyFileSync(join(FIXTURES, 'hostile', 'curricula', 'hostile.md'), join(home, 'curricula', `${ESC_NAME}.md`));
    const run = prep(['plan', 'list', '--date', DATE], { home });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('but its file name says "]52;c;eA==[2Jevil"');
    expect(`${run.stdout}${run.stderr}`).not.toMatch(UNSAFE);
  });

  it.each([
    ['an unknown plan', ['plan', 'show', `x${ESC_NAME}`], 'no plan "x]52;c;eA==[2Jevil"'],
    ['a missing file', ['import-state', `${ESC_NAME}.json`, '--yes'], 'cannot import ]52;c;eA==[2Jevil.json: no such file'],
    ['a bad date', ['today', '--date', `${ESC_NAME}`], ']52;c;eA==[2Jevil'],
    ['an unknown command', [`${ESC_NAME}`, '--date', DATE], ']52;c;eA==[2Jevil'],
    ['an unknown option', ['today', `--${ESC_NAME}`, '--date', DATE], ']52;c;eA==[2Jevil'],
  ])('%s: the argument is echoed cleaned', (_name, args, shown) => {
    const run = prep(args);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(shown);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(UNSAFE);
  });
});
