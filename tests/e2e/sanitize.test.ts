// Text from outside (settings typed in, the state file, file names, arguments echoed in errors)
// never drives the terminal, and every backup prep writes imports again.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, logFiles, logView, prep } from '../helpers.js';

const DATE = '2026-03-03';
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const newHome = () => mkdtempSync(join(tmpdir(), 'prep-sanitize-'));
const stateOf = (home: string) => ({ log: logFiles(home), config: existsSync(join(home, 'config.json')) ? readFileSync(join(home, 'config.json'), 'utf8') : null });

describe('prep config set prompt-format', () => {
  it.each([
    ['an escape sequence', '\u001b[31m{streak}\u001b[0m', 'U+001B'],
    ['an 8-bit CSI', '{streak}\u009b2J', 'U+009B'],
    ['a bidi override', '\u202E{streak}', 'U+202E'],
  ])('refuses %s with exit 2, naming the character and what to do, and changes nothing', (_name, format, named) => {
    const home = newHome();
    expect(prep(['today', '--date', DATE], { home }).status).toBe(0);
    const before = stateOf(home);
    const run = prep(['config', 'set', 'prompt-format', format, '--date', DATE], { home });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`prompt-format cannot hold control characters or bidi overrides (it holds ${named}`);
    expect(run.stderr).toContain("prep config set prompt-format '");
    expect(run.stderr).not.toMatch(UNSAFE);
    expect(stateOf(home)).toEqual(before);
  });
});

describe('export --json then import-state', () => {
  it('round-trips a state file holding escapes and bidi overrides: what is read is cleaned, so the backup imports', () => {
    const home = newHome();
    writeFileSync(join(home, 'state.json'), readFileSync(join(FIXTURES, 'hostile', 'state', 'escapes.json')));
    const exported = prep(['export', '--json', '-o', 'backup.json', '--date', DATE], { home, cwd: home });
    expect(exported.status, exported.stderr).toBe(0);
    const backup = readFileSync(join(home, 'backup.json'), 'utf8');
    expect(JSON.stringify(JSON.parse(backup))).not.toMatch(/\\u00[01]|\\u007f|[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);
    const imported = prep(['import-state', 'backup.json', '--yes', '--date', DATE], { home, cwd: home });
    expect(imported.status, imported.stderr).toBe(0);
    // The state file became the log at that first write; its settings, cleaned, are in the config file.
    expect(JSON.parse(readFileSync(join(home, 'config.json'), 'utf8'))).toMatchObject({ settings: { promptFormat: '[2J]52;c;cHduZWQ={streak} {done}2J', defaultPlan: ']0;xdefault' } });
    expect(JSON.stringify(logView(home))).not.toMatch(/\\u00[01]|\\u007f|[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it('round-trips a plan whose task texts held escapes and bidi overrides, once done', () => {
    const home = newHome();
    mkdirSync(join(home, 'curricula'));
    copyFileSync(join(FIXTURES, 'hostile', 'curricula', 'hostile.md'), join(home, 'curricula', 'hostile.md'));
    expect(prep(['plan', 'switch', 'hostile', '--start', '2026-03-02', '--date', DATE], { home }).status).toBe(0);
    expect(prep(['done', '--all', '--date', DATE], { home }).status).toBe(0);
    expect(prep(['check', '1', '2', '--date', DATE], { home }).status).toBe(0);
    expect(prep(['export', '--json', '-o', 'backup.json', '--date', DATE], { home, cwd: home }).status).toBe(0);
    const imported = prep(['import-state', 'backup.json', '--yes', '--date', DATE], { home, cwd: home });
    expect(imported.status, imported.stderr).toBe(0);
  });

  it('still refuses a backup holding control characters, which prep never writes', () => {
    const run = prep(['import-state', join(FIXTURES, 'hostile', 'backup', 'escapes.json'), '--yes', '--date', DATE]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('it holds control characters or terminal escape sequences');
  });
});

describe('front matter holding escapes', () => {
  it('shows the title and summary cleaned in plan switch, plan show, plan list and stats', () => {
    const home = newHome();
    mkdirSync(join(home, 'curricula'));
    copyFileSync(join(FIXTURES, 'hostile', 'curricula', 'hostile.md'), join(home, 'curricula', 'hostile.md'));
    const title = ']52;c;cHduZWQ=[2JHostile plan title 2J';
    expect(prep(['plan', 'switch', 'hostile', '--date', DATE], { home }).stdout).toContain(`Switched to hostile: ${title}\n`);
    const show = prep(['plan', 'show', '--date', DATE], { home }).stdout;
    expect(show).toContain(`${title}\n`);
    expect(show).toContain('[31mred[0m summary isolate ]8;;https://evil\\link]8;;\\\n');
    expect(prep(['plan', 'list', '--date', DATE], { home, env: { COLUMNS: '200' } }).stdout).toMatch(/hostile\s+\]52;c;cHduZWQ=\[2JHostile/);
    expect(prep(['stats', '--date', DATE], { home }).stdout).toContain(`${title}\n`);
  });
});

describe('what the state holds is cleaned on the way in', () => {
  it('shows a log text of a vanished task, and prints the prompt, without its escapes', () => {
    const home = newHome();
    writeFileSync(join(home, 'state.json'), readFileSync(join(FIXTURES, 'hostile', 'state', 'escapes.json')));
    const today = prep(['today', '--date', DATE], { home });
    expect(today.status, today.stderr).toBe(0);
    expect(today.stdout).toContain(']52;c;cHduZWQ=[2JRead it');
    const prompt = prep(['prompt', '--date', DATE], { home });
    expect(prompt.stdout).toBe('[2J]52;c;cHduZWQ=1 02J\n'); // streak 1 (yesterday), 0 done today
  });
});

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
