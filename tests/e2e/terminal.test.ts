// In a real terminal (a tmux pane, 80×24): `prep done` with no numbers shows the checkbox, and
// Space then Enter mark the first task, and only that one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prep, ROOT, shellEnv } from '../helpers.js';
import { Terminal } from '../terminal.js';

const DATE = '2026-03-02';
const home = mkdtempSync(join(tmpdir(), 'prep-terminal-'));
let terminal: Terminal | undefined;

afterAll(() => {
  terminal?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('prep done on a terminal', () => {
  it('shows the checkbox of today\'s tasks; Space and Enter mark the first', async () => {
    terminal = new Terminal([process.execPath, join(ROOT, 'bin', 'prep.cjs'), 'done', '--date', DATE], { env: shellEnv(home) });

    const checkbox = await terminal.waitFor('Which tasks did you finish?');
    expect(checkbox).toContain('(space to mark, enter to save)');
    expect(checkbox).toMatch(/❯\s*◯ 1\. Read: `02_system_design_FAANG\.md` - Framework section/);
    expect(checkbox).toMatch(/◯ 2\. /);

    terminal.send('Space');
    await terminal.waitFor(/❯\s*◉ 1\. /); // marked on screen before it is saved
    terminal.send('Enter');
    expect(await terminal.exitCode()).toBe(0);
    expect(terminal.screen()).toMatch(/Read: `02_system_design_FAANG\.md` - Framework section/);

    const today = JSON.parse(prep(['today', '--json', '--date', DATE], { home }).stdout) as { tasks: { n: number; done: boolean }[] };
    expect(today.tasks.length).toBeGreaterThan(1);
    expect(today.tasks.filter((task) => task.done).map((task) => task.n)).toEqual([1]);
  });
});
