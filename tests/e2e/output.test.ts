// Output goes out with writeSync, not process.stdout: what a user of a pipe sees must not change.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prep, ROOT } from '../helpers.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'prep-output-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const bin = join(ROOT, 'bin', 'prep.cjs');
const env = () => ({ PATH: process.env.PATH ?? '', HOME: home, PREP_HOME: home, NO_COLOR: '1', TZ: 'UTC' });

describe('output through a pipe', () => {
  it('a reader that stops early (`| head -1`) ends prep quietly with exit 0', () => {
    const result = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${bin}" plan show 6-week --json | head -c 10 >/dev/null`], { env: env(), encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.each([['--help'], ['plan', '--help'], ['--version']])('`prep %s | true` (help into a closed pipe) ends quietly with exit 0', (...args) => {
    const result = spawnSync('bash', ['-c', `set -o pipefail; for i in 1 2 3; do "${process.execPath}" "${bin}" ${args.join(' ')} | true || exit $?; done`], { env: env(), encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('a long document arrives whole and in order', () => {
    const whole = prep(['plan', 'show', '6-week', '--json'], { home });
    const piped = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" plan show 6-week --json | (sleep 0.2; cat)`], { env: env(), encoding: 'utf8' });
    expect(JSON.parse(piped.stdout)).toEqual(JSON.parse(whole.stdout));
    expect(piped.stdout.length).toBeGreaterThan(32768); // many writes' worth, to a reader that starts late
  });

  it('a daily command\'s long page into a full non-blocking pipe arrives whole before the run ends', () => {
    // Day 1 of 2,000 tasks: today's JSON is far past a pipe's 64 KB, so writeSync meets EAGAIN and the rest goes by stream.
    const tasks = Array.from({ length: 2000 }, (_, i) => `- Read section ${i + 1} of the long chapter and write down what it says`).join('\n');
    writeFileSync(join(home, 'long.md'), `---\nid: long\ntitle: Long\ndays: 2\n---\n### Day 1: All of it\n${tasks}\n### Day 2: Rest\n- Nothing\n`);
    expect(prep(['plan', 'add', join(home, 'long.md')], { home }).status).toBe(0);
    expect(prep(['plan', 'switch', 'long', '--date', '2026-03-02'], { home }).status).toBe(0);
    const whole = prep(['today', '--json', '--date', '2026-03-02'], { home });
    // Touching process.stdout first makes the pipe non-blocking, as a Node parent's pipe is.
    const probe = `process.stdout; process.argv = [process.argv[0], ${JSON.stringify(bin)}, 'today', '--json', '--date', '2026-03-02']; require(${JSON.stringify(bin)});`;
    const piped = spawnSync('bash', ['-c', `"${process.execPath}" -e "$PROBE" | (sleep 0.3; cat)`], { env: { ...env(), PROBE: probe }, encoding: 'utf8' });
    expect(whole.stdout.length).toBeGreaterThan(131072);
    expect(piped.stdout.length).toBe(whole.stdout.length);
    expect(JSON.parse(piped.stdout)).toEqual(JSON.parse(whole.stdout));
  });

  it('errors still reach stderr with their exit code', () => {
    const result = prep(['done', '0', '--date', '2026-03-02'], { home });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^prep: /);
    expect(result.stdout).toBe('');
  });

  // Node's stdout and stdin streams load node:net, node:stream and node:tty: ~3 ms on every run.
  it.each([['today'], ['prompt']])('`prep %s` with its output piped loads no stream or terminal module', (command) => {
    prep(['plan', 'switch', '6-week', '--date', '2026-03-02'], { home });
    const probe = `const before = new Set(process.moduleLoadList); process.argv = [process.argv[0], ${JSON.stringify(bin)}, ${JSON.stringify(command)}, '--date', '2026-03-03'];
process.on('exit', () => require('fs').writeSync(2, JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m)))));
require(${JSON.stringify(bin)});`;
    const result = spawnSync(process.execPath, ['-e', probe], { env: { ...env(), NO_COLOR: '' }, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    expect(result.stdout).not.toBe('');
    const loaded = JSON.parse(result.stderr) as string[];
    expect(loaded.filter((m) => /^NativeModule (net|tty|stream|child_process)$/.test(m))).toEqual([]);
  });

  // string-width and wrap-ansi cost tens of milliseconds to load: a pipe wraps nothing and prep's text is measured by its length.
  it.each(['today', 'week', 'stats', 'plan list'])('`prep %s` with its output piped loads no terminal-width library', (command) => {
    prep(['plan', 'switch', '6-week', '--date', '2026-03-02'], { home });
    const probe = `process.argv = [process.argv[0], ${JSON.stringify(bin)}, ...${JSON.stringify(command.split(' '))}, '--date', '2026-03-03'];
process.on('exit', () => require('fs').writeSync(2, JSON.stringify(Object.keys(require.cache))));
require(${JSON.stringify(bin)});`;
    const result = spawnSync(process.execPath, ['-e', probe], { env: env(), encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    expect(result.stdout).not.toBe('');
    const files = JSON.parse(result.stderr) as string[];
    expect(files.some((file) => file.endsWith('boot.cjs'))).toBe(true); // main.cjs runs from a code cache, outside require.cache
    expect(files.filter((file) => file.endsWith('measure.cjs'))).toEqual([]);
  });
});
