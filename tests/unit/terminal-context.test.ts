// What the context decides about the terminal: whether prose wraps and at what width, and whether
// links become OSC 8 hyperlinks. Only a terminal wraps; hyperlinks need one that shows them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext, supportsHyperlinks, type GlobalOptions } from '../../src/context.js';
import { PLAIN_STYLE } from '../../src/render/style.js';

const noPrompts = { checkbox: async () => [], select: async () => '', confirm: async () => false };
const context = (stdout: { isTTY?: boolean; columns?: number; rows?: number }, env: NodeJS.ProcessEnv = {}, options: GlobalOptions = {}) =>
  createContext(options, { env: { PREP_HOME: mkdtempSync(join(tmpdir(), 'prep-ctx-')), ...env }, stdin: {}, stdout, stderr: { write: () => true }, cwd: '/' }, noPrompts, PLAIN_STYLE);

describe('wrapping', () => {
  it('wraps at the terminal\'s width, and knows its height', () => {
    const ctx = context({ isTTY: true, columns: 60, rows: 24 });
    expect([ctx.columns, ctx.wrapAt, ctx.rows]).toEqual([60, 60, 24]);
  });

  it('does not wrap a pipe or a file: tables keep 80 columns, prose one line per item', () => {
    const ctx = context({});
    expect([ctx.columns, ctx.wrapAt, ctx.rows]).toEqual([80, undefined, undefined]);
  });

  it('asks stdout nothing for them until a renderer does', () => {
    let asked = 0;
    const stdout = {
      get isTTY() {
        asked++;
        return false;
      },
    };
    const ctx = context(stdout, { NO_COLOR: '1' }); // colour is decided up front; NO_COLOR decides it without asking
    expect(asked).toBe(0);
    expect(ctx.wrapAt).toBeUndefined();
    expect(ctx.hyperlinks).toBe(false);
  });
});

describe('hyperlinks', () => {
  const kitty = { TERM: 'xterm-kitty' };
  it.each([
    ['a terminal that shows them', { isTTY: true }, kitty, {}, true],
    ['a pipe', {}, kitty, {}, false],
    ['--json', { isTTY: true }, kitty, { json: true }, false],
    ['--no-color', { isTTY: true }, kitty, { color: false }, false],
    ['TERM=dumb, forced', { isTTY: true }, { TERM: 'dumb', FORCE_HYPERLINK: '1' }, {}, false],
    ['a pipe, forced', {}, { FORCE_HYPERLINK: '1' }, {}, false],
    ['an unknown terminal', { isTTY: true }, { TERM: 'xterm-256color' }, {}, false],
    ['an unknown terminal, forced', { isTTY: true }, { TERM: 'xterm-256color', FORCE_HYPERLINK: '1' }, {}, true],
  ] as const)('%s → %s', (_, stdout, env, options, expected) => {
    expect(context(stdout, env, options).hyperlinks).toBe(expected);
  });

  it.each([
    [{ FORCE_HYPERLINK: '1' }, true],
    [{ FORCE_HYPERLINK: '0', TERM: 'xterm-kitty' }, false],
    [{ WT_SESSION: 'abc' }, true],
    [{ TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.4.19' }, true],
    [{ TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.0.15' }, false],
    [{ TERM_PROGRAM: 'WezTerm', TERM_PROGRAM_VERSION: '20240203-110809-5046fc22' }, true],
    [{ TERM_PROGRAM: 'WezTerm', TERM_PROGRAM_VERSION: '0-unstable-2024-05-01' }, true],
    [{ TERM_PROGRAM: 'vscode', TERM_PROGRAM_VERSION: '1.95.0' }, true],
    [{ TERM_PROGRAM: 'vscode', TERM_PROGRAM_VERSION: '1.60.0' }, false],
    [{ TERM_PROGRAM: 'ghostty' }, true],
    [{ VTE_VERSION: '7600' }, true],
    [{ VTE_VERSION: '4601' }, false],
    [{ VTE_VERSION: '0.50.0' }, false],
    [{ TERM: 'xterm-kitty' }, true],
    [{ TERM: 'alacritty' }, true],
    [{ TERM: 'xterm-256color' }, false],
    // A multiplexer may drop them, URL and all, unless configured to pass them on.
    [{ TMUX: '/tmp/tmux-0/default,1,0', TERM: 'tmux-256color', VTE_VERSION: '7600' }, false],
    [{ TERM: 'screen-256color', TERM_PROGRAM: 'ghostty' }, false],
    [{ CI: 'true', TERM: 'xterm-kitty' }, false],
  ])('the environment %j → %s', (env, expected) => {
    expect(supportsHyperlinks(env)).toBe(expected);
  });
});
