// Many prep processes writing at once: every update kept, none lost, every process exits 0.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prep, ROOT } from '../helpers.js';

function run(home: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'prep.cjs'), ...args], { env: { PATH: process.env.PATH ?? '', HOME: home, PREP_HOME: home, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('concurrent writers', () => {
  it('keeps all of 40 `prep done` processes marking distinct tasks at once', async () => {
    const home = mkdtempSync(join(tmpdir(), 'prep-concurrent-'));
    expect(prep(['plan', 'switch', '6-week', '--start', '2026-03-02'], { home }).status).toBe(0);
    // Days 1-5 of the 6-week plan have 8 tasks each: 40 distinct tasks.
    const jobs = [];
    for (let day = 1; day <= 5; day++) for (let n = 1; n <= 8; n++) jobs.push(run(home, ['done', '--day', String(day), String(n), '--date', '2026-03-06']));
    const results = await Promise.all(jobs);
    expect(results.filter((r) => r.code !== 0)).toEqual([]);
    const today = JSON.parse(prep(['today', '--json', '--date', '2026-03-06'], { home }).stdout);
    expect(today.progress.done).toBe(40);
    expect(today.overdue).toEqual([]);
  }, 60_000);

  it('recovers a lock left behind by a killed process within seconds', async () => {
    const home = mkdtempSync(join(tmpdir(), 'prep-stale-'));
    expect(prep(['plan', 'switch', '6-week', '--start', '2026-03-02'], { home }).status).toBe(0);
    const lock = join(home, 'log.lock');
    mkdirSync(lock);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old); // as if its holder was killed a minute ago
    const started = Date.now();
    const result = await run(home, ['done', '1', '--date', '2026-03-02']);
    expect(result).toEqual({ code: 0, stderr: '' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
