// `prep review` in a real terminal (a tmux pane, 80×24): the front, Space for the back with each
// grade's next interval, a digit grades (recorded at once), q stops keeping what was graded, and
// the terminal is left as it was (cooked mode: a line typed after is echoed).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { logView, prep, ROOT, shellEnv } from '../helpers.js';
import { describeWith } from '../requires.js';
import { Terminal } from '../terminal.js';

const home = mkdtempSync(join(tmpdir(), 'prep-review-terminal-'));
const terminals: Terminal[] = [];
afterAll(() => {
  for (const terminal of terminals) terminal.close();
  rmSync(home, { recursive: true, force: true });
});

const open = (args: string[]) => {
  const terminal = new Terminal([process.execPath, join(ROOT, 'bin', 'prep.cjs'), ...args], { env: shellEnv(home) });
  terminals.push(terminal);
  return terminal;
};

describeWith(['tmux'], 'prep review on a terminal', () => {
  it('reveals a card with Space, grades it with 3, and stops with q keeping that grade', async () => {
    const ok = (...args: string[]) => expect(prep(args, { home }).status).toBe(0);
    ok('plan', 'switch', '6-week', '--start', '2026-03-02', '--date', '2026-03-02');
    ok('done', '--all', '--date', '2026-03-02');
    ok('done', '--all', '--date', '2026-03-03');
    ok('note', 'row-level security was the answer', '--day', '1', '--date', '2026-03-03');

    const terminal = open(['review', '--date', '2026-03-04']);
    const front = await terminal.waitFor('Space shows the back');
    expect(front).toContain('Review 1 of 2 · 6-week');
    expect(front).toContain('Day 1: System Design Framework');
    expect(front).not.toContain('Deliverable');

    terminal.send('Space');
    const back = await terminal.waitFor('q stops');
    expect(back).toContain('Deliverable:');
    expect(back).toContain('row-level security was the answer');
    expect(back).toMatch(/1 Again 10m · 2 Hard \d+[mhd] · 3 Good \d+d · 4 Easy \d+d · q stops/);

    terminal.send('3');
    const next = await terminal.waitFor('Review 2 of 2');
    expect(next).toContain('Day 2: ');
    expect(logView(home).review.grades['6-week:1']?.map((grade) => grade.rating)).toEqual(['good']);

    terminal.send('q');
    expect(await terminal.exitCode()).toBe(0);
    const end = terminal.screen();
    expect(end).toContain('1 card reviewed; stopped with 1 still due today.');
    expect(logView(home).review.grades['6-week:2']).toBeUndefined();
    const left = JSON.parse(prep(['review', '--json', '--date', '2026-03-04'], { home }).stdout) as { id: string }[];
    expect(left.map((card) => card.id)).toEqual(['6-week:2']);
  });

  it('puts the terminal back after Ctrl-C: what is typed next is echoed again', async () => {
    const terminal = new Terminal(['sh', '-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(join(ROOT, 'bin', 'prep.cjs'))} review --date 2026-03-04; echo "exit $?"; read line; echo "got $line"`], { env: shellEnv(home) });
    terminals.push(terminal);
    await terminal.waitFor('Space shows the back');
    terminal.send('C-c');
    await terminal.waitFor('exit 0');
    terminal.send('typed', 'Enter');
    const screen = await terminal.waitFor('got typed');
    // Echo is on again: the typed word shows on its own line before the shell answers.
    expect(screen).toMatch(/^typed$/m);
    expect(screen, screen).toContain('Nothing graded; stopped with 1 still due today.');
  });
});
