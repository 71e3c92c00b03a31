// The package as a user installs it: `npm pack`, then the tarball installed into an empty prefix,
// proves that it carries everything prep needs (the build, the shipped plans) and nothing of the clone.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const work = mkdtempSync(join(tmpdir(), 'prep-pack-'));
const prefix = join(work, 'prefix');
const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, encoding: 'utf8', timeout: 180_000, env: { ...process.env, npm_config_update_notifier: 'false' } });

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed package, installed globally into an empty prefix', () => {
  beforeAll(() => {
    // `npm test` has built dist/ already: packing needs no second build.
    const packed = npm(['pack', '--ignore-scripts', '--pack-destination', work], ROOT);
    expect(packed.status, packed.stderr).toBe(0);
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    const installed = npm(['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', join(work, tarball!)], work);
    expect(installed.status, installed.stderr).toBe(0);
  }, 200_000);

  const run = (args: string[]) => {
    const home = mkdtempSync(join(work, 'home-'));
    return spawnSync(join(prefix, 'bin', 'prep'), args, { cwd: work, encoding: 'utf8', env: { PATH: `${join(prefix, 'bin')}:${process.env.PATH ?? ''}`, HOME: home, PREP_HOME: home, NO_COLOR: '1', TZ: 'UTC' } });
  };

  it('runs `prep today` from PATH with a shipped plan', () => {
    const today = run(['today', '--date', '2026-03-02']);
    expect(today.stderr).toContain('Started the plan 6-week');
    expect(today.status).toBe(0);
    expect(today.stdout).toContain('Day 1/42');
  });

  it('prints the bash prompt snippet', () => {
    const snippet = run(['prompt', 'init', 'bash']);
    expect(snippet.status).toBe(0);
    expect(snippet.stdout).toContain('__prep_prompt()');
  });

  it('carries the build and the plans, and no sources, tests or scripts', () => {
    const installed = readdirSync(join(prefix, 'lib', 'node_modules', 'prep')).sort();
    expect(installed).toEqual(expect.arrayContaining(['bin', 'curricula', 'dist', 'package.json']));
    expect(installed.filter((name) => !['README.md', 'LICENSE', 'bin', 'curricula', 'dist', 'node_modules', 'package.json'].includes(name))).toEqual([]);
  });
});
