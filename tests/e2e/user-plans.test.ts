// User curricula: added beside the shipped ones, listed, shown, switched to, removed.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, logFiles, logView, prep } from '../helpers.js';

const weekPlan = join(FIXTURES, 'curricula', 'week-plan.md');

describe('prep plan add / remove', () => {
  it('adds a curriculum that then lists, shows, switches and shows today\'s tasks', () => {
    const home = mkdtempSync(join(tmpdir(), 'prep-user-'));
    const add = prep(['plan', 'add', weekPlan], { home });
    expect(add.status).toBe(0);
    expect(add.stdout).toContain('✔ Added week-plan: A small week-level plan (14 days)');
    expect(readFileSync(join(home, 'curricula', 'week-plan.md'), 'utf8')).toBe(readFileSync(weekPlan, 'utf8'));

    expect(JSON.parse(prep(['plan', 'list', '--json'], { home }).stdout).map((p: { id: string }) => p.id)).toContain('week-plan');
    expect(prep(['plan', 'show', 'week'], { home }).stdout).toContain('Week 2  Consistency');
    expect(prep(['plan', 'switch', 'week-plan', '--date', '2026-03-02'], { home }).status).toBe(0);
    const today = JSON.parse(prep(['today', '--json', '--date', '2026-03-03'], { home }).stdout);
    expect(today).toMatchObject({ plan: { id: 'week-plan' }, day: 2, kind: 'week' });
    expect(today.tasks.map((t: { text: string }) => t.text)).toEqual(['Read DDIA ch. 1-3', 'Design a URL shortener']);
    expect(prep(['done', '2', '--date', '2026-03-03'], { home }).status).toBe(0);
    expect(prep(['prompt', '--date', '2026-03-03'], { home }).stdout).toBe('🔥1 1/2\n');
    const week = prep(['week', '--date', '2026-03-03'], { home }).stdout;
    expect(week).toContain('\n1/2 tasks done, each due once this week\n  1. ○ Read DDIA ch. 1-3\n  2. ✔ Design a URL shortener\n');
    expect(week).not.toContain('1/2\n'); // not once per day
  });

  it('refuses a shipped plan\'s id, a broken file, and a different plan under an id you have', () => {
    const home = mkdtempSync(join(tmpdir(), 'prep-user-'));
    const dir = mkdtempSync(join(tmpdir(), 'prep-user-files-'));
    const clash = join(dir, 'clash.md');
    writeFileSync(clash, readFileSync(weekPlan, 'utf8').replace('id: week-plan', 'id: 6-week'));
    const run = prep(['plan', 'add', clash], { home });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^prep: "6-week" is the id of a shipped plan\nGive your plan its own id in .*clash\.md, such as `id: 6-week-mine`/);

    const broken = prep(['plan', 'add', join(FIXTURES, 'curricula', 'gap.md')], { home });
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('days 5-6 are not scheduled');
    expect(existsSync(join(home, 'curricula', 'gap.md'))).toBe(false);

    expect(prep(['plan', 'add', weekPlan], { home }).status).toBe(0);
    const same = prep(['plan', 'add', weekPlan], { home });
    expect(same.status).toBe(0);
    expect(same.stdout).toContain('Nothing changed: week-plan is already added, from the same text');
    const changed = join(dir, 'changed.md');
    writeFileSync(changed, readFileSync(weekPlan, 'utf8').replace('Design a URL shortener', 'Design a paste bin'));
    expect(prep(['plan', 'add', changed], { home }).status).toBe(2);
    expect(prep(['plan', 'add', changed, '--force'], { home }).stdout).toContain('✔ Replaced week-plan');
  });

  it('removes a plan you added, refusing the active one without --force and any shipped plan', () => {
    const home = mkdtempSync(join(tmpdir(), 'prep-user-'));
    prep(['plan', 'add', weekPlan], { home });
    prep(['plan', 'switch', 'week-plan'], { home });
    // Without a terminal to ask on, a removal needs --yes, like every destructive command.
    const unconfirmed = prep(['plan', 'remove', 'week-plan'], { home });
    expect(unconfirmed.status).toBe(2);
    expect(unconfirmed.stderr).toContain('prep: plan remove deletes week-plan; confirm with --yes');
    expect(existsSync(join(home, 'curricula', 'week-plan.md'))).toBe(true);

    const active = prep(['plan', 'remove', 'week-plan', '--yes'], { home });
    expect(active.status).toBe(2);
    expect(active.stderr).toContain('"week-plan" is your active plan');
    expect(prep(['plan', 'remove', '6-week', '--yes'], { home }).stderr).toContain('"6-week" is a shipped plan and cannot be removed');

    const forced = prep(['plan', 'remove', 'week-plan', '--force', '--yes'], { home });
    expect(forced.status).toBe(0);
    expect(forced.stdout).toContain('✔ Removed week-plan');
    expect(existsSync(join(home, 'curricula', 'week-plan.md'))).toBe(false);
    expect(logView(home).activePlan).toBeNull();
  });
});

describe('a plan added on one machine', () => {
  it('travels with the log: another machine reading it has the plan, its progress and its prompt; removing it removes it there', () => {
    const laptop = mkdtempSync(join(tmpdir(), 'prep-laptop-'));
    const desktop = mkdtempSync(join(tmpdir(), 'prep-desktop-'));
    expect(prep(['plan', 'add', weekPlan], { home: laptop }).status).toBe(0);
    expect(prep(['plan', 'switch', 'week-plan', '--date', '2026-03-02'], { home: laptop }).status).toBe(0);
    expect(prep(['done', '2', '--date', '2026-03-03'], { home: laptop }).status).toBe(0);
    // The laptop's file, as a sync tool would deliver it: the desktop has no copy of the plan.
    const copyLog = () => {
      mkdirSync(join(desktop, 'log'), { recursive: true, mode: 0o700 });
      for (const [name, text] of Object.entries(logFiles(laptop))) writeFileSync(join(desktop, 'log', name), text);
    };
    copyLog();
    expect(existsSync(join(desktop, 'curricula', 'week-plan.md'))).toBe(false);
    expect(JSON.parse(prep(['today', '--json', '--date', '2026-03-03'], { home: desktop }).stdout)).toMatchObject({ plan: { id: 'week-plan' }, progress: { done: 1 } });
    expect(JSON.parse(prep(['plan', 'list', '--json'], { home: desktop }).stdout).map((p: { id: string }) => p.id)).toContain('week-plan');
    rmSync(join(desktop, 'cache'), { recursive: true });
    expect(prep(['prompt', '--date', '2026-03-03'], { home: desktop }).stdout).toBe('🔥1 1/2\n'); // the prompt finds it too
    expect(prep(['plan', 'remove', 'week-plan', '--force', '--yes'], { home: laptop }).status).toBe(0);
    copyLog();
    expect(JSON.parse(prep(['plan', 'list', '--json'], { home: desktop }).stdout).map((p: { id: string }) => p.id)).not.toContain('week-plan');
    expect(existsSync(join(desktop, 'cache', 'log-curricula', 'week-plan.md'))).toBe(false);
  });
});

describe('a plan written in Markdown the quick reader leaves to remark', () => {
  it('is read by remark, loaded on demand, with the tasks a quick-read plan would have', () => {
    const home = mkdtempSync(join(tmpdir(), 'prep-user-'));
    const dir = mkdtempSync(join(tmpdir(), 'prep-user-files-'));
    const file = join(dir, 'quoted.md');
    // An entity: outside the quick reader's subset (the block quote around it is inside).
    writeFileSync(file, '---\nid: quoted\ntitle: Quoted\ndays: 2\n---\n> Study every day &amp; rest on Sundays.\n\n## Day 1: Start\n- Read *DDIA* ch. 1\n- Sketch a design\n\n## Day 2: Go on\n- Read ch. 2\n');
    expect(prep(['plan', 'add', file], { home }).status).toBe(0);
    expect(prep(['plan', 'switch', 'quoted', '--date', '2026-03-02'], { home }).status).toBe(0);
    const today = JSON.parse(prep(['today', '--json', '--date', '2026-03-02'], { home }).stdout);
    expect(today.tasks.map((t: { text: string }) => t.text)).toEqual(['Read DDIA ch. 1', 'Sketch a design']);
    expect(JSON.parse(prep(['plan', 'show', 'quoted', '--json'], { home }).stdout).intro).toBe('> Study every day &amp; rest on Sundays.');
  });
});
