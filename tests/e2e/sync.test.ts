// Two machines, one streak: a laptop and a desktop (its clock an hour behind) share the study log
// through a folder a sync tool keeps, and through a bare git repository. Whatever they do, in turn
// or at once, both end up showing the same progress, streak and active plan, and nothing either
// was told was recorded is lost: not by a conflict copy, not by a line that arrived half-written.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeEvent } from '../../src/log/codec.js';
import { stamped } from '../../src/log/events.js';
import { prep, prepAsync, type Run } from '../helpers.js';

const HOUR = 3_600_000;

/** A machine: its own PREP_HOME; the desktop's wall clock an hour behind the laptop's. */
function machine(name: string, offsetMs = 0) {
  const home = mkdtempSync(join(tmpdir(), `prep-${name}-`));
  const env = { PREP_TEST_CLOCK_OFFSET_MS: String(offsetMs) };
  const run = (...args: string[]): Run => prep(args, { home, env });
  const ok = (...args: string[]): Run => {
    const result = run(...args);
    expect(result.status, `${name}: prep ${args.join(' ')}: ${result.stderr}`).toBe(0);
    return result;
  };
  const json = (...args: string[]) => JSON.parse(ok(...args, '--json').stdout);
  const parallel = (...args: string[]) => prepAsync(args, { home, env, timeout: 30_000 });
  const device = () => (JSON.parse(readFileSync(join(home, 'config.json'), 'utf8')) as { device: string }).device;
  return { name, home, run, ok, json, parallel, device };
}
type Machine = ReturnType<typeof machine>;

/** What both machines must agree on, as of `date`. */
function shown(m: Machine, date: string) {
  const today = m.json('today', '--date', date);
  const stats = m.json('stats', '--date', date);
  const checklist = m.json('checklist', '--date', date);
  return { plan: today.plan.id, day: today.day, progress: today.progress, streak: today.streak, studyDays: stats.studyDays, heatmap: stats.heatmap, checklist: checklist.items.map((item: { done: boolean }) => item.done) };
}

/**
 * The interleaved days of two machines on one log, each step run on one of them once the other's
 * events are there (`deliver` is what the sync does in between). Returns what every view must show.
 */
async function interleave(laptop: Machine, desktop: Machine, deliver: () => void) {
  const both = async (a: Promise<Run & { ms: number }>, b: Promise<Run & { ms: number }>) => {
    const results = await Promise.all([a, b]);
    for (const result of results) expect(result.status, result.stderr).toBe(0);
  };
  laptop.ok('done', '1', '2', '--date', '2026-03-02');
  deliver();
  desktop.ok('done', '3', '--date', '2026-03-02');
  desktop.ok('undo', '2', '--date', '2026-03-02'); // the laptop's task, taken back on the desktop
  deliver();
  laptop.ok('check', '1', '--date', '2026-03-02');
  desktop.ok('check', '2', '--date', '2026-03-02');
  // At the same moment on both machines.
  await both(laptop.parallel('done', '--day', '1', '4', '--date', '2026-03-02'), desktop.parallel('done', '--day', '1', '5', '--date', '2026-03-02'));
  deliver();
  laptop.ok('done', '--day', '2', '1', '--date', '2026-03-03');
  laptop.ok('pause', '--date', '2026-03-04');
  deliver();
  desktop.ok('resume', '--date', '2026-03-06'); // two days paused, from the laptop's pause
  deliver();
  laptop.ok('rest', '--date', '2026-03-07');
  deliver();
  desktop.ok('done', '--day', '3', '1', '--date', '2026-03-08');
  await both(laptop.parallel('done', '--day', '3', '2', '--date', '2026-03-08'), desktop.parallel('check', '3', '--date', '2026-03-08'));
  deliver();
  // The laptop switches plan; the desktop, an hour behind but having read that, switches later: its switch wins on both.
  laptop.ok('plan', 'switch', '90-day', '--start', '2026-03-08', '--date', '2026-03-08');
  deliver();
  desktop.ok('plan', 'switch', '6-week', '--date', '2026-03-08');
  deliver();
}

/** What the interleaving leaves, on either machine. */
function expectTheStory(view: ReturnType<typeof shown>) {
  expect(view.plan).toBe('6-week');
  expect(view.day).toBe(5); // started 2026-03-02, two days paused: 2026-03-08 is day 5
  expect(view.checklist.slice(0, 3)).toEqual([true, true, true]);
  // Day 1: tasks 1, 3, 4, 5 (2 undone); day 2: task 1; day 3: tasks 1 and 2.
  expect(view.progress.done).toBe(7);
  // Studied on the 2nd, 3rd and 8th; paused the 4th and 5th; rested the 7th; the 6th not studied.
  expect(view.studyDays).toBe(3);
  expect(view.streak).toEqual({ current: 1, longest: 2, atRisk: false });
}

describe('two machines sharing a sync folder', () => {
  it('show the same progress, streak and active plan, whatever they did in turn or at once, and lose nothing', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'prep-synced-')), 'prep');
    const laptop = machine('laptop');
    const desktop = machine('desktop', -HOUR);
    laptop.ok('plan', 'switch', '6-week', '--start', '2026-03-02', '--date', '2026-03-02');
    const init = laptop.json('sync', 'init', folder);
    expect(init).toMatchObject({ mode: 'folder', dir: folder, copied: 2, others: [] });
    expect(desktop.json('sync', 'init', folder)).toMatchObject({ mode: 'folder', copied: 0, others: [laptop.device()] });
    expect(desktop.json('today', '--date', '2026-03-02')).toMatchObject({ plan: { id: '6-week' }, day: 1 });

    // A sync tool delivers each file as it is; here the folder is simply shared.
    await interleave(laptop, desktop, () => {});
    expect(readdirSync(folder).sort()).toEqual([`${desktop.device()}.jsonl`, `${laptop.device()}.jsonl`].sort());
    const onLaptop = shown(laptop, '2026-03-08');
    expect(shown(desktop, '2026-03-08')).toEqual(onLaptop);
    expectTheStory(onLaptop);

    // Syncthing's conflict copy of the laptop's file, holding one event more: read and merged, the rest not counted twice.
    const laptopFile = join(folder, `${laptop.device()}.jsonl`);
    const copy = join(folder, `${laptop.device()}.sync-conflict-20260308-120000-ABCDEFG.jsonl`);
    const events = laptop.json('doctor').log.events;
    const task = laptop.json('today', '--day', '3', '--date', '2026-03-08').tasks[2] as { id: string; text: string };
    const last = JSON.parse(readFileSync(laptopFile, 'utf8').trim().split('\n').at(-1)!) as { hlc: [number, number] };
    const extra = stamped({ kind: 'done', date: '2026-03-08', plan: '6-week', task: task.id, day: 3, text: task.text }, { wall: last.hlc[0], counter: last.hlc[1] + 1, device: laptop.device() }, 'only-in-the-copy');
    writeFileSync(copy, readFileSync(laptopFile, 'utf8') + encodeEvent(extra));
    const doctor = laptop.json('doctor');
    expect(doctor.log.files.map((file: { copy: string | null }) => file.copy).sort()).toEqual([null, null, 'syncthing']);
    expect(doctor.log.events).toBe(events + 1);
    const merged = shown(laptop, '2026-03-08');
    expect(merged.progress.done).toBe(onLaptop.progress.done + 1);
    expect(shown(desktop, '2026-03-08')).toEqual(merged);
    expect(desktop.json('sync', 'status').files.map((file: { name: string; copy: string | null }) => [file.name, file.copy])).toContainEqual([`${laptop.device()}.sync-conflict-20260308-120000-ABCDEFG.jsonl`, 'syncthing']);

    // A line the sync tool is still writing: ignored until it is whole, then read.
    const desktopFile = join(folder, `${desktop.device()}.jsonl`);
    const line = encodeEvent(stamped({ kind: 'done', date: '2026-03-08', plan: '6-week', task: 'd5.arrives-late', day: 5 }, { wall: Date.now(), counter: 0, device: desktop.device() }, 'arrives-late'));
    appendFileSync(desktopFile, line.slice(0, 40));
    const partial = laptop.run('today', '--json', '--date', '2026-03-08');
    expect(partial.status).toBe(0);
    expect(partial.stderr).toBe(''); // not damage: only not whole yet
    expect(laptop.json('sync', 'status').files.find((file: { name: string }) => file.name === `${desktop.device()}.jsonl`).partial).toBe(true);
    appendFileSync(desktopFile, line.slice(40));
    expect(laptop.json('doctor').log.problems).toEqual([]);
    expect(laptop.json('sync', 'status').devices.map((d: { device: string; thisDevice: boolean }) => [d.device, d.thisDevice])).toEqual([[desktop.device(), false], [laptop.device(), true]].sort());
  }, 120_000);

  it('reads a Dropbox conflicted copy too, and a folder that went missing is never started afresh', () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'prep-synced-')), 'prep');
    const laptop = machine('laptop');
    laptop.ok('plan', 'switch', '6-week', '--start', '2026-03-02', '--date', '2026-03-02');
    laptop.ok('sync', 'init', folder);
    const file = join(folder, `${laptop.device()}.jsonl`);
    // The copy holds the file as it was before the `done`; the file itself goes on without it.
    writeFileSync(join(folder, `${laptop.device()} (desktop's conflicted copy 2026-03-02).jsonl`), readFileSync(file, 'utf8'));
    laptop.ok('done', '1', '--date', '2026-03-02');
    expect(laptop.json('today', '--date', '2026-03-02').progress.done).toBe(1);
    expect(laptop.json('doctor').log).toMatchObject({ events: 3, problems: [] });
    const renamed = `${folder}-away`;
    renameSync(folder, renamed); // a share not mounted
    const missing = laptop.run('done', '2', '--date', '2026-03-02');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`the sync folder ${folder} is missing`);
    expect(existsSync(folder)).toBe(false);
    expect(laptop.run('prompt', '--date', '2026-03-02')).toEqual({ status: 0, stdout: '', stderr: '' });
    renameSync(renamed, folder);
    expect(laptop.json('today', '--date', '2026-03-02').progress.done).toBe(1);
  });
});

const hasGit = spawnSync('git', ['--version']).status === 0;

describe.skipIf(!hasGit)('two machines sharing a bare git repository', () => {
  it('show the same progress, streak and active plan once each has synced, and lose nothing', async () => {
    const remote = join(mkdtempSync(join(tmpdir(), 'prep-remote-')), 'log.git');
    expect(spawnSync('git', ['init', '--quiet', '--bare', remote]).status).toBe(0);
    const laptop = machine('laptop');
    const desktop = machine('desktop', -HOUR);
    laptop.ok('plan', 'switch', '6-week', '--start', '2026-03-02', '--date', '2026-03-02');
    expect(laptop.json('sync', 'init', '--git', remote)).toMatchObject({ mode: 'git', remote, copied: 2, sync: { branch: 'main', committed: true, pushed: true } });
    expect(desktop.json('sync', 'init', '--git', remote)).toMatchObject({ mode: 'git', copied: 0, others: [laptop.device()], sync: { pushed: true } });
    expect(desktop.json('today', '--date', '2026-03-02')).toMatchObject({ plan: { id: '6-week' }, day: 1 });

    // Between steps, each machine syncs: the laptop pushes, the desktop pulls and pushes, the laptop pulls.
    await interleave(laptop, desktop, () => {
      laptop.ok('sync');
      desktop.ok('sync');
      laptop.ok('sync');
    });
    const onLaptop = shown(laptop, '2026-03-08');
    expect(shown(desktop, '2026-03-08')).toEqual(onLaptop);
    expectTheStory(onLaptop);
    for (const m of [laptop, desktop]) {
      const status = m.json('sync', 'status');
      expect(status).toMatchObject({ mode: 'git', remote, unpushed: 0 });
      expect(status.devices.map((d: { device: string }) => d.device).sort()).toEqual([desktop.device(), laptop.device()].sort());
    }
    const log = spawnSync('git', ['--git-dir', remote, 'log', '--format=%s', 'main'], { encoding: 'utf8' }).stdout;
    expect(log).toContain(`prep: ${laptop.device()}`);
    expect(log).toContain(`prep: ${desktop.device()}`);
  }, 180_000);

  it('a remote that cannot be reached loses nothing: exit 1, the events committed here, pushed by the next sync', () => {
    const remote = join(mkdtempSync(join(tmpdir(), 'prep-remote-')), 'log.git');
    expect(spawnSync('git', ['init', '--quiet', '--bare', remote]).status).toBe(0);
    const laptop = machine('laptop');
    laptop.ok('plan', 'switch', '6-week', '--start', '2026-03-02', '--date', '2026-03-02');
    laptop.ok('sync', 'init', '--git', remote);
    laptop.ok('done', '1', '2', '--date', '2026-03-02');
    expect(laptop.json('sync', 'status').unpushed).toBe(2);
    renameSync(remote, `${remote}-away`);
    const failed = laptop.run('sync');
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain(`cannot fetch from ${remote}`);
    expect(failed.stderr).toContain("Nothing was lost: this device's events are committed");
    expect(failed.stderr).not.toContain('bug in prep');
    expect(laptop.json('today', '--date', '2026-03-02').progress.done).toBe(2);
    renameSync(`${remote}-away`, remote);
    expect(laptop.json('sync').sync).toMatchObject({ committed: false, pushed: true });
    expect(laptop.json('sync', 'status').unpushed).toBe(0);
    // Without git on PATH: said so, exit 1.
    const noGit = prep(['sync'], { home: laptop.home, env: { PATH: '/nonexistent' } });
    expect(noGit.status).toBe(1);
    expect(noGit.stderr).toContain('git is not installed, or not on PATH');
  });
});

describe.skipIf(!hasGit)('a state directory inside another git work tree (dotfiles kept in git)', () => {
  it('gets a clone of its own: nothing is committed to the repository around it', () => {
    const dotfiles = mkdtempSync(join(tmpdir(), 'prep-dotfiles-'));
    expect(spawnSync('git', ['init', '--quiet', dotfiles]).status).toBe(0);
    const remote = join(mkdtempSync(join(tmpdir(), 'prep-remote-')), 'log.git');
    expect(spawnSync('git', ['init', '--quiet', '--bare', remote]).status).toBe(0);
    // The very remote the log is to go to: a folder inside the work tree must not take it for its clone.
    expect(spawnSync('git', ['-C', dotfiles, 'remote', 'add', 'origin', remote]).status).toBe(0);
    const home = join(dotfiles, '.local', 'state', 'prep');
    const run = (...args: string[]) => prep(args, { home });
    expect(run('done', '1', '--date', '2026-03-02').status).toBe(0);
    const init = run('sync', 'init', '--git', remote, '--json');
    expect(init.status, init.stderr).toBe(0);
    expect(existsSync(join(home, 'sync', '.git'))).toBe(true);
    expect(spawnSync('git', ['-C', dotfiles, 'rev-list', '--all', '--count'], { encoding: 'utf8' }).stdout.trim()).toBe('0');
    expect(spawnSync('git', ['--git-dir', remote, 'ls-tree', '--name-only', 'main'], { encoding: 'utf8' }).stdout).toMatch(/\.jsonl\n/);
  });
});

describe('prep sync without a shared folder', () => {
  it('says how to share the log (exit 2); status says the log is on this machine only', () => {
    const laptop = machine('laptop');
    const run = laptop.run('sync');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('`prep sync init DIR`');
    expect(laptop.json('sync', 'status')).toMatchObject({ mode: 'local', devices: [], unpushed: null });
    expect(laptop.run('sync', 'init').status).toBe(2);
  });
});
