// In a real terminal (a tmux pane, 80×24): `prep done` with no numbers shows the checkbox, and
// Space then Enter mark the first task, and only that one; `prep stats` fits 80 columns.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { prep, ROOT, shellEnv } from '../helpers.js';
import { Terminal } from '../terminal.js';
import { describeWith } from '../requires.js';

const DATE = '2026-03-02';
const home = mkdtempSync(join(tmpdir(), 'prep-terminal-'));
let terminal: Terminal | undefined;
let statsTerminal: Terminal | undefined;

afterAll(() => {
  terminal?.close();
  statsTerminal?.close();
  rmSync(home, { recursive: true, force: true });
});

describeWith(['tmux'], 'prep done on a terminal', () => {
  it('shows the checkbox of today\'s tasks; Space and Enter mark the first', async () => {
    prep(['today', '--date', DATE], { home }); // started without a terminal: no plan to pick
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
    // The chosen task is echoed once, by prep: not also as the prompt's answer.
    expect(terminal.screen(true).match(/02_system_design_FAANG/g)).toHaveLength(1);

    const today = JSON.parse(prep(['today', '--json', '--date', DATE], { home }).stdout) as { tasks: { n: number; done: boolean }[] };
    expect(today.tasks.length).toBeGreaterThan(1);
    expect(today.tasks.filter((task) => task.done).map((task) => task.n)).toEqual([1]);
  });
});

describeWith(['tmux'], 'Esc at a prompt', () => {
  it('gives up like Ctrl-C: exit 130, nothing marked', async () => {
    const escHome = mkdtempSync(join(tmpdir(), 'prep-terminal-esc-'));
    prep(['today', '--date', DATE], { home: escHome });
    const esc = new Terminal([process.execPath, join(ROOT, 'bin', 'prep.cjs'), 'done', '--date', DATE], { env: shellEnv(escHome) });
    try {
      await esc.waitFor('Which tasks did you finish?');
      esc.send('Escape');
      expect(await esc.exitCode()).toBe(130);
      const today = JSON.parse(prep(['today', '--json', '--date', DATE], { home: escHome }).stdout) as { tasks: { done: boolean }[] };
      expect(today.tasks.filter((task) => task.done)).toEqual([]);
    } finally {
      esc.close();
      rmSync(escHome, { recursive: true, force: true });
    }
  });
});

describeWith(['tmux'], 'the first run on a terminal', () => {
  it('asks which plan to start, titles and lengths, 6-week preselected; Down and Enter start the next', async () => {
    const firstHome = mkdtempSync(join(tmpdir(), 'prep-terminal-first-'));
    const first = new Terminal([process.execPath, join(ROOT, 'bin', 'prep.cjs'), 'today', '--date', DATE], { env: shellEnv(firstHome) });
    try {
      const screen = await first.waitFor('Which plan do you want to start on 2026-03-02?');
      expect(screen).toMatch(/❯ 6-week · 6-Week Intensive — Principal Backend Engineer · 42 days/);
      for (const id of ['28-day-data', '37-day-backend', '4-week-system-design', '90-day']) expect(screen).toMatch(new RegExp(`\\n\\s+${id} · .+ · \\d+ days`));
      first.send('Down');
      await first.waitFor(/❯ 90-day · /);
      first.send('Enter');
      expect(await first.exitCode()).toBe(0);
      const after = first.screen(true);
      expect(after).toContain('Started the plan 90-day');
      expect(after).toMatch(/Day 1\/90 · /);
      expect(JSON.parse(prep(['today', '--json', '--date', DATE], { home: firstHome }).stdout)).toMatchObject({ plan: { id: '90-day' }, day: 1 });
    } finally {
      first.close();
      rmSync(firstHome, { recursive: true, force: true });
    }
  });
});

describeWith(['tmux'], 'prep stats on a terminal', () => {
  it('renders in 80 columns: every row of the pane is a whole line of its output, none wrapped', async () => {
    for (const date of ['2026-03-03', '2026-03-04', '2026-03-06']) prep(['done', '1', '2', '--date', date], { home });
    statsTerminal = new Terminal([process.execPath, join(ROOT, 'bin', 'prep.cjs'), 'stats', '--date', '2026-03-06'], { env: shellEnv(home) });
    expect(await statsTerminal.exitCode()).toBe(0);
    // Read the scrollback too, should the report scroll; tmux adds its own "Pane is dead" row.
    const rows = statsTerminal.screen(true).split('\n').map((row) => row.trimEnd()).filter((row) => row !== '' && !row.startsWith('Pane is dead'));
    // Piped, the report has the heatmap's legend and the review line too; 24 rows leave them out to keep every week.
    const expected = prep(['stats', '--date', '2026-03-06'], { home }).stdout.trimEnd().split('\n').filter((line) => line !== '' && !line.includes('fewer → more tasks') && !/^(Reviews|Cards) /.test(line));
    expect(rows).toEqual(expected); // a wrapped line would show as two rows
    expect(rows.filter((row) => /^Week \d/.test(row))).toHaveLength(6);
    expect(rows.slice(0, 3)).toEqual(['6-Week Intensive — Principal Backend Engineer', '6-week · day 5/42 · Fri 6 Mar 2026', 'Streak    1 day (longest 3) · 4 days studied']);
    for (const row of rows) expect([...row].length).toBeLessThanOrEqual(80);
    expect(rows).toContain(`Mon  ${'· '.repeat(16)}▒`); // 1 task on 2 March (above), of at most 2 a day
    expect(rows).toContain(`Tue  ${'· '.repeat(16)}█`);
  });
});
