// The prompt widget: `prep prompt`, and the init snippets sourced in real bash, zsh and fish.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prep, ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin', 'prep.cjs');
const newHome = () => mkdtempSync(join(tmpdir(), 'prep-prompt-'));

/** Runs `script` in a real shell with the snippet loaded; prints what the shell printed. */
function inShell(shell: 'bash' | 'zsh' | 'fish', home: string, script: string, env: Record<string, string> = {}): string {
  const load = shell === 'fish' ? `${process.execPath} ${BIN} prompt init fish | source` : `eval "$(${process.execPath} ${BIN} prompt init ${shell})"`;
  const args = shell === 'fish' ? ['--no-config', '-c', `${load}; ${script}`] : ['-c', `${load}; ${script}`];
  const result = spawnSync(shell, args, { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: home, PREP_HOME: home, NO_COLOR: '1', ...env }, timeout: 20_000 });
  if (result.error) throw result.error;
  expect(result.stderr).toBe('');
  return result.stdout;
}

const show: Record<'bash' | 'zsh' | 'fish', string> = {
  bash: '__prep_prompt; printf "[%s]\\n" "$PREP_PROMPT"',
  zsh: '__prep_prompt; printf "[%s]\\n" "$PREP_PROMPT"',
  fish: 'emit fish_prompt; printf "[%s]\\n" "$PREP_PROMPT"',
};

describe('prep prompt', () => {
  it('prints nothing and exits 0 with no plan', () => {
    const run = prep(['prompt']);
    expect([run.status, run.stdout, run.stderr]).toEqual([0, '', '']);
  });

  it('prints the streak and today\'s done/total, with format tokens', () => {
    const home = newHome();
    prep(['done', '1', '2', '--date', '2026-03-02'], { home });
    expect(prep(['prompt', '--date', '2026-03-02'], { home }).stdout).toBe('🔥1 2/8\n');
    expect(prep(['prompt', '--date', '2026-03-03'], { home }).stdout).toBe('🔥1 0/8 ⚠\n');
    expect(prep(['prompt', '--ascii', '--date', '2026-03-03'], { home }).stdout).toBe('^1 0/8!\n');
    expect(prep(['prompt', '--format', '{plan} {day}/{days} {streak}/{longest}', '--date', '2026-03-03'], { home }).stdout).toBe('6-week 2/42 1/1\n');
  });

  it('never prints a control character: a format with one is refused, and one in the config file is left out', () => {
    const home = newHome();
    const set = prep(['config', 'set', 'prompt-format', '\u001b[31m{streak}'], { home });
    expect(set.status).toBe(2);
    expect(set.stderr).toContain('prompt-format cannot hold control characters');
    prep(['done', '1', '2', '--date', '2026-03-02'], { home });
    // Edited by hand (or copied from another machine): cleaned as it is read.
    const config = JSON.parse(readFileSync(join(home, 'config.json'), 'utf8'));
    config.settings = { dayStart: 0, defaultPlan: '6-week', promptFormat: '\u001b]0;title\u0007{streak}\u009b31m {done}' };
    writeFileSync(join(home, 'config.json'), JSON.stringify(config));
    expect(prep(['prompt', '--refresh', '--date', '2026-03-02'], { home }).stdout).toBe(']0;title131m 2\n');
    expect(readFileSync(join(home, 'cache', 'prompt'), 'utf8')).toMatch(/^\d+\t\d+\t\d+\t\]0;title\d+31m \d+\n$/); // written for the real date
  });

  it('reports a mistake in how it is called on stderr with exit 2, so an rc file would not eval a segment', () => {
    const home = newHome();
    prep(['done', '1', '--date', '2026-03-02'], { home });
    const typo = prep(['prompt', 'int', 'bash', '--date', '2026-03-02'], { home });
    expect([typo.status, typo.stdout]).toEqual([2, '']);
    expect(typo.stderr).toContain('unknown command "prep prompt int"; did you mean `prep prompt init bash`?');
    const option = prep(['prompt', '--frmat', '{streak}', '--date', '2026-03-02'], { home });
    expect([option.status, option.stdout]).toEqual([2, '']);
    expect(option.stderr).toContain('unknown option --frmat for prep prompt');
    expect(prep(['prompt', '--format'], { home })).toMatchObject({ status: 2, stdout: '' });
    // The global options commander takes anywhere are not mistakes.
    expect(prep(['prompt', '--no-color', '--date', '2026-03-02'], { home })).toEqual({ status: 0, stdout: '🔥1 1/8\n', stderr: '' });
  });

  it('never prints an error into a prompt; --debug shows it', () => {
    const home = newHome();
    writeFileSync(join(home, 'state.json'), '{"version": 1, "activePlan": "6-we');
    expect(prep(['prompt'], { home })).toEqual({ status: 0, stdout: '', stderr: '' });
    const debug = prep(['prompt', '--debug'], { home });
    expect(debug.status).toBe(1);
    expect(debug.stderr).toContain('cannot read the state file');
  });
});

describe.each(['bash', 'zsh', 'fish'] as const)('the %s snippet', (shell) => {
  it('is empty with no plan', () => {
    expect(inShell(shell, newHome(), show[shell])).toBe('[]\n');
  });

  it('shows the segment after `prep done`, and refreshes once when the day is over', () => {
    const home = newHome();
    prep(['done', '1', '2'], { home }); // today, by the real clock: the snippet reads real time too
    expect(inShell(shell, home, show[shell])).toBe('[🔥1 2/8]\n');

    // Yesterday's segment: the first prompt shows it and starts a refresh in the background.
    const file = join(home, 'cache', 'prompt');
    writeFileSync(file, '100\t0\t1\tSTALE\n');
    const loop = shell === 'fish' ? (body: string) => `for i in (seq 20); sleep 0.25; ${body}; end` : (body: string) => `for i in {1..20}; do sleep 0.25; ${body}; done`;
    const poll = `${show[shell]}; ${loop(show[shell])}`;
    const seen = inShell(shell, home, poll).trimEnd().split('\n');
    expect(seen[0]).toBe('[STALE]');
    expect(seen.at(-1)).toBe('[🔥1 2/8]');
    expect(readFileSync(file, 'utf8')).toMatch(/^\d+\t\d+\t\d+\t🔥1 2\/8\n$/);

    // A cleared cache: the first prompt is empty and writes the segment again in the background.
    rmSync(join(home, 'cache'), { recursive: true });
    const again = inShell(shell, home, poll).trimEnd().split('\n');
    expect(again[0]).toBe('[]');
    expect(again.at(-1)).toBe('[🔥1 2/8]');
  });
});

/** What the prompt shows, set up as the README says (zsh with PROMPT_SUBST), in brackets. */
const seen: Record<'bash' | 'zsh' | 'fish', string> = {
  bash: `__prep_prompt; PS1='$PREP_PROMPT '; printf '[%s]\\n' "\${PS1@P}"`,
  zsh: `__prep_prompt; setopt PROMPT_SUBST; PROMPT='$PREP_PROMPT '; print -r -- "[\${(%%)PROMPT}]"`,
  fish: `set -l p (__prep_prompt); printf '[%s ]\\n' "$p"`,
};
const notRoot = process.getuid?.() === 0 ? false : 'needs root, to give a file to another user';

describe.each(['bash', 'zsh', 'fish'] as const)('the %s snippet and a segment file prep did not write', (shell) => {
  /** A home whose segment file holds `line`, with MARKER the file a planted command would create. */
  const planted = (line: (marker: string) => string) => {
    const home = newHome();
    const marker = join(home, 'MARKER');
    mkdirSync(join(home, 'cache'), { mode: 0o700 });
    writeFileSync(join(home, 'cache', 'prompt'), line(marker));
    return { home, marker, file: join(home, 'cache', 'prompt') };
  };

  it.each([
    ['the expiry', (cmd: string) => `${cmd}\t0\t1\tplanted\n`],
    ['the uptime when written', (cmd: string) => `9999999999\t${cmd}\t1\tplanted\n`],
    ['the expiry in uptime', (cmd: string) => `9999999999\t0\t${cmd}\tplanted\n`],
  ])('runs nothing planted in %s, and shows nothing', (_field, line) => {
    // bash runs the subscript of any name in arithmetic; zsh that of a set one (path is always set)
    for (const name of ['a', 'path']) {
      const { home, marker } = planted((path) => line(`${name}[$(touch ${path})]`));
      expect(inShell(shell, home, seen[shell])).toBe('[ ]\n');
      expect(existsSync(marker)).toBe(false);
    }
  });

  it.each([
    ['a command', (marker: string) => `$(touch ${marker})`],
    ['backquotes', (marker: string) => `\`touch ${marker}\``],
    ['prompt escapes', () => '%F{red}red%f %n %~ \\u \\w'],
  ])('shows planted text with %s as it is, expanding nothing', (_what, text) => {
    const { home, marker } = planted((path) => `9999999999\t0\t999999999\t${text(path)}\n`);
    expect(inShell(shell, home, seen[shell])).toBe(`[${text(marker)} ]\n`);
    expect(existsSync(marker)).toBe(false);
  });

  it.each([
    ['an escape sequence', '\u001b[31mred'],
    ['a bell', 'ding\u0007'],
    ['a C1 control (CSI)', '\u009b31mred'],
    ['a delete', 'x\u007f'],
  ])('shows nothing for a segment with %s', (_what, text) => {
    const { home } = planted(() => `9999999999\t0\t999999999\t${text}\n`);
    expect(inShell(shell, home, seen[shell])).toBe('[ ]\n');
    expect(inShell(shell, home, seen[shell], { LANG: 'C.UTF-8' })).toBe('[ ]\n');
  });

  it.skipIf(notRoot)(`shows nothing from a segment file of another user's${notRoot ? ` (skipped: ${notRoot})` : ''}`, () => {
    const { home, file } = planted(() => '9999999999\t0\t999999999\tplanted\n');
    expect(inShell(shell, home, seen[shell])).toBe('[planted ]\n');
    chownSync(file, 65534, 65534);
    expect(inShell(shell, home, seen[shell])).toBe('[ ]\n');
  });
});

describe('hooks', () => {
  it('bash keeps an existing PROMPT_COMMAND and adds itself once', () => {
    const home = newHome();
    const out = inShell('bash', home, `PROMPT_COMMAND='echo mine'; eval "$(${process.execPath} ${BIN} prompt init bash)"; printf '%s\\n' "$PROMPT_COMMAND"`);
    expect(out).toBe('__prep_prompt;echo mine\n');
  });

  it('zsh shows the segment whatever options the user set before loading it', () => {
    const home = newHome();
    prep(['done', '1', '2'], { home });
    expect(inShell('zsh', home, `setopt SH_GLOB KSH_ARRAYS KSH_GLOB OCTAL_ZEROES NO_UNSET; eval "$(${process.execPath} ${BIN} prompt init zsh)"; ${show.zsh}`)).toBe('[🔥1 2/8]\n');
  });

  it('zsh adds a precmd hook beside existing ones', () => {
    const home = newHome();
    const out = inShell('zsh', home, 'mine() { :; }; precmd_functions=(mine); eval "$(' + `${process.execPath} ${BIN}` + ' prompt init zsh)"; print -l $precmd_functions');
    expect(out).toBe('mine\n__prep_prompt\n');
  });
});
