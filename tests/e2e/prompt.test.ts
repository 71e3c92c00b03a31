// The prompt widget: `prep prompt`, and the init snippets sourced in real bash, zsh and fish.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prep, ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin', 'prep.cjs');
const newHome = () => mkdtempSync(join(tmpdir(), 'prep-prompt-'));

/** Runs `script` in a real shell with the snippet loaded; prints what the shell printed. */
function inShell(shell: 'bash' | 'zsh' | 'fish', home: string, script: string): string {
  const load = shell === 'fish' ? `${process.execPath} ${BIN} prompt init fish | source` : `eval "$(${process.execPath} ${BIN} prompt init ${shell})"`;
  const args = shell === 'fish' ? ['--no-config', '-c', `${load}; ${script}`] : ['-c', `${load}; ${script}`];
  const result = spawnSync(shell, args, { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: home, PREP_HOME: home, NO_COLOR: '1' }, timeout: 20_000 });
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

  it('never prints a control character: a format with one is refused, and one in the state file is left out', () => {
    const home = newHome();
    const set = prep(['config', 'set', 'prompt-format', '\u001b[31m{streak}'], { home });
    expect(set.status).toBe(2);
    expect(set.stderr).toContain('prompt-format must be one line of printable text');
    prep(['done', '1', '2', '--date', '2026-03-02'], { home });
    const state = JSON.parse(readFileSync(join(home, 'state.json'), 'utf8'));
    state.settings.promptFormat = '\u001b]0;title\u0007{streak}\u009b31m {done}';
    writeFileSync(join(home, 'state.json'), JSON.stringify(state));
    expect(prep(['prompt', '--refresh', '--date', '2026-03-02'], { home }).stdout).toBe(']0;title131m 2\n');
    expect(readFileSync(join(home, 'cache', 'prompt'), 'utf8')).toMatch(/^\d+\t\d+\t\d+\t\]0;title\d+31m \d+\n$/); // written for the real date
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

describe('hooks', () => {
  it('bash keeps an existing PROMPT_COMMAND and adds itself once', () => {
    const home = newHome();
    const out = inShell('bash', home, `PROMPT_COMMAND='echo mine'; eval "$(${process.execPath} ${BIN} prompt init bash)"; printf '%s\\n' "$PROMPT_COMMAND"`);
    expect(out).toBe('__prep_prompt;echo mine\n');
  });

  it('zsh adds a precmd hook beside existing ones', () => {
    const home = newHome();
    const out = inShell('zsh', home, 'mine() { :; }; precmd_functions=(mine); eval "$(' + `${process.execPath} ${BIN}` + ' prompt init zsh)"; print -l $precmd_functions');
    expect(out).toBe('mine\n__prep_prompt\n');
  });
});
