// Text that fits the terminal, in real tmux panes of 60 and 80 columns: every view wraps at word
// boundaries, continuation lines sit under the text they continue, the status line breaks between
// its parts, URLs stay whole, no Markdown markers show; piped, one task is one line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/layout.js';
import { prep, ROOT, shellEnv } from '../helpers.js';
import { describeWith } from '../requires.js';
import { Terminal } from '../terminal.js';

const BIN = join(ROOT, 'bin', 'prep.cjs');
const homes = { data: '', staff: '', six: '' };
const URL = /^[a-z]+:\/\/\S+$/;

beforeAll(() => {
  for (const [key, plan] of [['data', '28-day-data'], ['staff', '90-day'], ['six', '6-week']] as const) {
    homes[key] = mkdtempSync(join(tmpdir(), 'prep-wrap-'));
    prep(['plan', 'switch', plan, '--start', '2026-03-02', '--date', '2026-03-02'], { home: homes[key] });
  }
  prep(['done', '1', '--date', '2026-03-03'], { home: homes.data });
  for (const date of ['2026-03-03', '2026-03-04']) prep(['done', '1', '2', '--date', date], { home: homes.six });
});
afterAll(() => {
  for (const home of Object.values(homes)) rmSync(home, { recursive: true, force: true });
});

/** The rows a run of prep leaves in a pane, each wrapped line joined back into the line it was. */
async function onScreen(args: string[], home: string, columns: number, rows = 200, env: Record<string, string> = {}): Promise<string[]> {
  const terminal = new Terminal([process.execPath, BIN, ...args], { env: { ...shellEnv(home), ...env }, columns, rows });
  try {
    expect(await terminal.exitCode(10_000)).toBe(0);
    const lines = terminal.screen(true, { joined: true }).split('\n').map((row) => row.trimEnd()).filter((row) => !row.startsWith('Pane is dead'));
    while (lines.at(-1) === '') lines.pop();
    return lines;
  } finally {
    terminal.close();
  }
}

/** Rows fit, and no row starts or ends inside a word (of the text unwrapped), unless one too long for any line. */
function expectLaidOut(rows: string[], piped: string, columns: number, wide: string[]): void {
  const words = new Set([piped, ...wide].join(' ').split(/\s+/).filter(Boolean));
  const tooLong = [...words].filter((word) => displayWidth(word) > columns - 12 && !URL.test(word));
  // Cut titles (a table cell, a header), bars and heatmap cells are drawn to the width, not wrapped.
  const whole = (token: string) => words.has(token) || token.endsWith('…') || /^[░▒▓█·~=>*]+$/.test(token) || tooLong.some((word) => word.includes(token));
  for (const row of rows) {
    const body = row.trim();
    if (!URL.test(body)) expect(displayWidth(row), `wider than ${columns}: ${row}`).toBeLessThanOrEqual(columns);
    expect(row).not.toContain('**');
    const tokens = body.split(/\s+/).filter(Boolean);
    for (const token of [tokens[0], tokens.at(-1)]) if (token !== undefined) expect(whole(token), `"${token}" is part of a word: ${row}`).toBe(true);
  }
  for (const url of piped.match(/[a-z]+:\/\/\S+/g) ?? []) expect(rows.some((row) => row.trim() === url || row.includes(` ${url}`) || row.startsWith(url)), url).toBe(true);
}

/** Each item's text (`  3. ○ text`) continues on rows indented exactly under its first word. */
function expectHanging(rows: string[], piped: string, item: RegExp): number {
  let from = 0;
  let checked = 0;
  for (const [, prefix = '', text = ''] of piped.split('\n').map((line) => item.exec(line) ?? [])) {
    if (!prefix) continue;
    const start = rows.findIndex((row, index) => index >= from && row.startsWith(prefix) && text.startsWith(row.slice(prefix.length)));
    expect(start, `${prefix}${text}`).toBeGreaterThanOrEqual(0);
    let joined = rows[start]!.slice(prefix.length);
    let next = start + 1;
    while (joined !== text) {
      const row = rows[next++] ?? '';
      expect(row, `continuing "${text}"`).toMatch(new RegExp(`^ {${displayWidth(prefix)}}\\S`));
      joined += ` ${row.trim()}`;
      expect(text.startsWith(joined), `${joined} ≠ ${text}`).toBe(true);
    }
    from = next;
    checked++;
  }
  return checked;
}

const TASK = /^( {2}\d+\. [○✔] )(.*)$/;
const VIEWS: [name: string, home: keyof typeof homes, args: string[], items: RegExp[]][] = [
  ['today, a day of the 28-day plan with long links', 'data', ['today', '--date', '2026-03-04'], [TASK, /^( {2}day \d+: )(.*)$/]],
  ['today, a long range task of the 90-day plan and its overdue list', 'staff', ['today', '--date', '2026-05-02'], [TASK, /^( {2}day \d+: )(.*)$/]],
  ['plan show 90-day', 'staff', ['plan', 'show', '90-day'], [/^( {2}\d+\. )(.*)$/, /^(- )(.*)$/]],
  ['plan list', 'staff', ['plan', 'list'], []],
  ['week', 'staff', ['week', '--date', '2026-05-02'], []],
  ['stats', 'data', ['stats', '--date', '2026-03-04'], []],
  ['checklist', 'data', ['checklist', '--date', '2026-03-04'], [/^( {2}\d+\. \[[ x]\] )(.*)$/]],
];

describeWith(['tmux'], 'text that fits the terminal', () => {
  for (const columns of [60, 80]) {
    it.each(VIEWS)(`%s, at ${columns} columns`, async (_, home, args, items) => {
      const piped = prep(args, { home: homes[home] }).stdout;
      const rows = await onScreen(args, homes[home], columns);
      // Headers cut to 80 columns in a pipe show whole in a pane too wide to cut or wrap anything.
      expectLaidOut(rows, piped, columns, await onScreen(args, homes[home], 300));
      for (const item of items) expectHanging(rows, piped, item);
      if (args[0] === 'today') {
        // The status line breaks only between its parts.
        const status = piped.split('\n').find((line) => line.startsWith('streak '))!;
        for (const part of status.split(' · ')) expect(rows.some((row) => row.includes(part)), part).toBe(true);
      }
    });
  }

  it('wraps where the terminal would have broken lines: the 28-day plan at 60 columns', async () => {
    const rows = await onScreen(['today', '--date', '2026-03-04'], homes.data, 60);
    expect(rows).toContain('  1. ○ Cost optimization in Databricks and Snowflake for');
    expect(rows).toContain('       enterprise workloads.');
    expect(rows).toContain('        https://docs.databricks.com/en/administration-guide/account-settings/usage-analysis.html');
    expect(expectHanging(rows, prep(['today', '--date', '2026-03-04'], { home: homes.data }).stdout, TASK)).toBe(3);
  });

  it('shows links as their text alone where hyperlinks are on, and nothing of the sequence', async () => {
    const rows = await onScreen(['today', '--date', '2026-03-04'], homes.data, 80, 200, { FORCE_HYPERLINK: '1' });
    expect(rows).toContain('        Databricks Cost Optimization (Docs, 9 min)');
    expect(rows.join('\n')).not.toMatch(/https:|]8;;|\\/);
  });

  for (const columns of [60, 80]) {
    it(`prep stats at ${columns}×24 leaves room for the command and the next prompt, its title on screen`, async () => {
      // The 6-week plan has six weeks to show, and a day of it paused.
      prep(['pause', '--date', '2026-03-05'], { home: homes.six });
      try {
        const rows = await onScreen(['stats', '--date', '2026-03-05'], homes.six, columns, 24);
        expect(rows.length).toBeLessThanOrEqual(22);
        expect(rows[0]).toBe('6-Week Intensive — Principal Backend Engineer');
        if (columns === 80) expect(rows.filter((row) => /^Week \d: /.test(row))).toHaveLength(6);
      } finally {
        prep(['resume', '--date', '2026-03-05'], { home: homes.six });
      }
    });
  }
});

it('does not wrap piped output: one task, one line, for grep', () => {
  const piped = prep(['today', '--date', '2026-05-02'], { home: homes.staff }).stdout;
  expect(piped).toContain('\n  1. ○ 1 hour researching how the company uses its technology (AWS, Azure, GCP, specific services, programming languages, frameworks, internal tools), the rationale and trade-offs behind its choices, and its open-source contributions\n');
  expect(piped).toContain('\nstreak 0 days · today 0/1 · plan 0/145 · checklist 0/7\n');
});
