// Falling behind, as a user would live it in New York across the 1 November DST change: a pause
// that keeps the streak, a return, three missed days, the catch-up suggestion and the catch-up.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logFiles, logView, prep as run, ROOT } from '../helpers.js';

const home = mkdtempSync(join(tmpdir(), 'prep-behind-'));
const prep = (...args: string[]) => run(args, { home, env: { TZ: 'America/New_York' } });
const json = (...args: string[]) => {
  const result = prep(...args, '--json');
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
};
const stateBytes = () => logFiles(home);

describe.sequential('pause, resume and catch-up', () => {
  it('three days done, then a pause: the day stands still and the streak is safe', () => {
    expect(prep('plan', 'switch', '6-week', '--start', '2026-10-26', '--date', '2026-10-26').status).toBe(0);
    for (const date of ['2026-10-26', '2026-10-27', '2026-10-28']) expect(prep('done', '--all', '--date', date).status).toBe(0);

    const paused = prep('pause', '--date', '2026-10-29');
    expect(paused.status).toBe(0);
    expect(paused.stdout).toBe('Paused 6-week at day 4, from Thu 29 Oct 2026.\nPaused days neither move the plan on nor break your streak. `prep resume` picks up at day 4.\n');

    const during = json('today', '--date', '2026-10-31');
    expect(during).toMatchObject({ day: 4, pausedSince: '2026-10-29', streak: { current: 3, longest: 3 } });
    expect(prep('today', '--date', '2026-10-31').stdout).toContain('Paused since Thu 29 Oct 2026: the plan waits at day 4.\nYour streak is safe while paused; `prep resume` starts the plan again.');
  });

  it('refuses a second pause, and a resume before the pause, leaving the state as it was', () => {
    const before = stateBytes();
    const again = prep('pause', '--date', '2026-10-30');
    expect(again.status).toBe(2);
    expect(again.stderr).toBe('prep: 6-week is already paused, since 2026-10-29\n`prep resume` starts its clock again.\n');
    const early = prep('resume', '--date', '2026-10-28');
    expect(early.status).toBe(2);
    expect(early.stderr).toContain('cannot resume on 2026-10-28, before the pause began (2026-10-29)');
    expect(stateBytes()).toEqual(before);
  });

  it('resumes after the DST change at the same day; the end moves by the paused days; the streak goes on', () => {
    const resumed = json('resume', '--date', '2026-11-02');
    expect(resumed).toEqual({ plan: { id: '6-week', title: expect.any(String) }, action: 'resumed', from: '2026-10-29', resume: '2026-11-02', pausedDays: 4, day: 4, end: '2026-12-10' });
    expect(prep('done', '--all', '--date', '2026-11-02').stdout).toMatch(/Day 4: 8\/8 done · streak 4 days\n$/);
    expect(prep('resume', '--date', '2026-11-03').status).toBe(2); // not paused any more
  });

  it('three days missed: today says how far behind and suggests catching up', () => {
    const today = json('today', '--date', '2026-11-06');
    expect(today).toMatchObject({ day: 8, behind: 3, pausedSince: null, streak: { current: 0, longest: 4 } });
    expect(prep('today', '--date', '2026-11-06').stdout).toContain('You are 3 days behind.\n`prep plan catch-up` makes day 5 today: the plan ends later, nothing done is lost.');
    expect(json('today', '--date', '2026-11-05').behind).toBe(2);
    expect(prep('today', '--date', '2026-11-05').stdout).not.toContain('catch-up'); // two days: not yet
  });

  it('catch-up makes the first unfinished day today and says both end dates', () => {
    const caught = prep('plan', 'catch-up', '--date', '2026-11-06');
    expect(caught.status).toBe(0);
    expect(caught.stdout).toBe('Moved 6-week 3 days later: today is day 5 (it was day 8).\nIt now ends on Sun 13 Dec 2026 instead of Thu 10 Dec 2026. Everything you did stays done.\n');
    const today = json('today', '--date', '2026-11-06');
    expect(today).toMatchObject({ day: 5, behind: 0, end: '2026-12-13', progress: { done: 32 } });
    expect(json('plan', 'catch-up', '--date', '2026-11-06')).toMatchObject({ shiftedBy: 0, day: { before: 5, after: 5 } });
  });
});

describe('state files from an older prep', () => {
  const v1 = {
    version: 1,
    activePlan: '6-week',
    plans: { '6-week': { start: '2026-03-02' } },
    rest: [],
    settings: { dayStart: 0, defaultPlan: '6-week' },
    log: [{ at: '2026-03-02T12:00:00.000Z', date: '2026-03-02', plan: '6-week', kind: 'done', id: 'd1.read-02-system-design-faang-md-framework-section', day: 1 }],
  };

  const v2 = {
    ...v1,
    version: 2,
    plans: { '6-week': { start: '2026-03-02', paused: [{ from: '2026-03-03', resume: '2026-03-05' }] }, '90-day': { start: '2026-02-01', paused: [] } },
    rest: ['2026-03-06'],
    settings: { dayStart: 240, defaultPlan: '90-day', promptFormat: '{streak}d' },
  };

  it.each([
    ['1', v1, { day: 1, pausedSince: null, progress: { done: 1 } }, { dayStart: 0, defaultPlan: '6-week' }],
    ['2', v2, { day: 1, pausedSince: null, progress: { done: 1 } }, { dayStart: 240, defaultPlan: '90-day', promptFormat: '{streak}d' }],
  ])('of version %s are read as they are, turned into the log by the first write, and kept as state.json.vN', (version, state, shown, settings) => {
    const dir = mkdtempSync(join(tmpdir(), `prep-v${version}-`));
    const original = `${JSON.stringify(state, null, '\t')}\n`;
    writeFileSync(join(dir, 'state.json'), original);
    const read = run(['today', '--json', '--date', '2026-03-02'], { home: dir });
    expect(JSON.parse(read.stdout)).toMatchObject(shown);
    expect(run(['config', 'get', 'day-start'], { home: dir }).stdout).toBe(`day-start = ${version === '1' ? '00:00' : '04:00'}\n`);
    // Reading writes nothing: no log, no config, the file as it was.
    expect(readFileSync(join(dir, 'state.json'), 'utf8')).toBe(original);
    expect(readdirSync(dir).filter((name) => name !== 'cache')).toEqual(['state.json']);
    const before = JSON.parse(run(['stats', '--json', '--date', '2026-03-08'], { home: dir }).stdout);

    expect(run(['done', '2', '--date', '2026-03-02'], { home: dir }).status).toBe(0);
    expect(existsSync(join(dir, 'state.json'))).toBe(false);
    expect(readFileSync(join(dir, `state.json.v${version}`), 'utf8')).toBe(original);
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).settings).toEqual(settings);
    const view = logView(dir);
    expect(view).toMatchObject({ activePlan: '6-week', plans: state.plans.hasOwnProperty('90-day') ? v2.plans : { '6-week': { start: '2026-03-02', paused: [] } }, rest: state.rest });
    expect(view.log.map((entry) => entry.kind)).toEqual(['done', 'done']);
    // What the views showed before is what the log shows now, but for the task just done.
    const after = JSON.parse(run(['stats', '--json', '--date', '2026-03-08'], { home: dir }).stdout);
    const kept = ({ plan, status, day, pausedSince, streak, studyDays }: Record<string, unknown>) => ({ plan, status, day, pausedSince, streak, studyDays });
    expect(kept(after)).toEqual(kept(before));
    expect(after.progress.done).toBe(before.progress.done + 1);
    // A second write adds its own event only.
    const events = view.events;
    expect(run(['done', '3', '--date', '2026-03-02'], { home: dir }).status).toBe(0);
    expect(logView(dir).events).toBe(events + 1);
  });

  it.each([
    ['a pause with a bad date', { ...v1, version: 2, plans: { '6-week': { start: '2026-03-02', paused: [{ from: 'soon' }] } } }, 'a pause without YYYY-MM-DD dates'],
    ['an open pause before a closed one', { ...v1, version: 2, plans: { '6-week': { start: '2026-03-02', paused: [{ from: '2026-03-03' }, { from: '2026-03-05', resume: '2026-03-06' }] } } }, 'an open pause that is not the last one'],
    ['pauses that overlap', { ...v1, version: 2, plans: { '6-week': { start: '2026-03-02', paused: [{ from: '2026-03-03', resume: '2026-03-09' }, { from: '2026-03-05', resume: '2026-03-06' }] } } }, 'pauses that overlap or run backwards'],
  ])('refuse damaged pauses (%s) without touching the file', (_name, state, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-v2-'));
    const text = JSON.stringify(state);
    writeFileSync(join(dir, 'state.json'), text);
    const result = run(['done', '1', '--date', '2026-03-02'], { home: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
    expect(readFileSync(join(dir, 'state.json'), 'utf8')).toBe(text);
    expect(existsSync(join(dir, 'log'))).toBe(false);
  });
});

describe('progress views', () => {
  it('prep alone is today\'s page with hints; stats and week render in 80 columns; --json has the issue\'s fields', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-views-'));
    const at = (...args: string[]) => run(args, { home: dir, env: { COLUMNS: '80' } });
    at('plan', 'switch', '90-day', '--start', '2026-08-03', '--date', '2026-08-03');
    for (const date of ['2026-08-03', '2026-08-04', '2026-08-06']) at('done', '--all', '--date', date);

    const bare = at('--date', '2026-08-06');
    expect(bare.status).toBe(0);
    expect(bare.stdout).toMatch(/^Day 4\/90/);
    expect(bare.stdout.trimEnd().split('\n').at(-1)).toBe('More: `prep week` · `prep stats` · `prep plan list` · `prep checklist` · `prep --help`');

    const statsText = at('stats', '--date', '2026-08-06');
    expect(statsText.status).toBe(0);
    for (const line of statsText.stdout.trimEnd().split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    expect(statsText.stdout).toMatch(/^Mon {2}(· ){16}█\nTue {2}(· ){16}█\nWed {2}(· ){16}·\nThu {2}(· ){16}█\nFri {2}(· ){15}·\n/m); // this week is the last column
    expect(at('streak', '--date', '2026-08-06').stdout).toBe(statsText.stdout); // the alias

    const stats = JSON.parse(at('stats', '--json', '--date', '2026-08-06').stdout);
    expect(stats).toMatchObject({ streak: { current: 1, longest: 2 }, studyDays: 3, progress: { total: 145 }, behind: 1 });
    expect(stats.progress.percent).toBe(Math.round((100 * stats.progress.done) / 145));
    expect(stats.weeks[0]).toEqual({ label: expect.any(String), from: 1, to: expect.any(Number), done: expect.any(Number), total: expect.any(Number) });
    expect(stats.heatmap).toHaveLength(119);
    expect(stats.heatmap.filter((e: { count: number }) => e.count > 0).map((e: { date: string }) => e.date)).toEqual(['2026-08-03', '2026-08-04', '2026-08-06']);

    const weekText = at('week', '--date', '2026-08-06');
    expect(weekText.status).toBe(0);
    expect(weekText.stdout).toMatch(/^> +4 {2}Thu 6 Aug 2026 /m);
    const week = JSON.parse(at('week', '--json', '--date', '2026-08-06').stdout);
    expect(week.days.map((d: { day: number; date: string }) => [d.day, d.date])).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => [n, `2026-08-0${n + 2}`]));
  });
});

describe('review fixes: pauses under concurrency, restarts, other plans, narrow output', () => {
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-fixes-'));
    return { dir, at: (...args: string[]) => run(args, { home: dir, env: { COLUMNS: '80' } }) };
  };

  it('eight `prep pause` at once: one pauses, the others are refused, and the state stays readable', async () => {
    const { dir, at } = fresh();
    at('plan', 'switch', '6-week', '--start', '2026-11-01', '--date', '2026-11-01');
    const { spawn } = await import('node:child_process');
    const runs = await Promise.all(
      Array.from({ length: 8 }, () =>
        new Promise<number | null>((done) => {
          const child = spawn(process.execPath, [join(ROOT, 'bin', 'prep.cjs'), 'pause', '--date', '2026-11-10'], { env: { PATH: process.env.PATH ?? '', PREP_HOME: dir, NO_COLOR: '1', TZ: 'UTC' }, stdio: 'ignore' });
          child.on('close', done);
        }),
      ),
    );
    expect(runs.filter((code) => code === 0)).toHaveLength(1);
    expect(runs.filter((code) => code === 2)).toHaveLength(7);
    expect(logView(dir).plans['6-week']!.paused).toEqual([{ from: '2026-11-10' }]);
    expect(at('today', '--date', '2026-11-12').status).toBe(0);
  });

  it('a restart with --start drops the old pauses; one that ended before the start moves no day', () => {
    const { at } = fresh();
    at('plan', 'switch', '6-week', '--start', '2026-10-01', '--date', '2026-10-01');
    at('pause', '--date', '2026-10-05');
    at('resume', '--date', '2026-10-10');
    at('pause', '--date', '2026-10-12');
    expect(at('plan', 'switch', '6-week', '--start', '2026-11-15', '--date', '2026-11-15').status).toBe(0);
    expect(JSON.parse(at('today', '--json', '--date', '2026-11-16').stdout)).toMatchObject({ day: 2, pausedSince: null });
  });

  it('an open pause on a plan switched away from does not keep the streak alive', () => {
    const { at } = fresh();
    at('plan', 'switch', '6-week', '--start', '2026-11-01', '--date', '2026-11-01');
    at('done', '1', '--date', '2026-11-01');
    at('done', '1', '--date', '2026-11-02');
    at('pause', '--date', '2026-11-03');
    const switched = at('plan', 'switch', '90-day', '--date', '2026-11-03');
    expect(switched.status).toBe(0);
    at('done', '1', '--date', '2026-11-04');
    expect(JSON.parse(at('stats', '--json', '--date', '2026-11-20').stdout).streak).toEqual({ current: 0, longest: 2, atRisk: false });
    const back = at('plan', 'switch', '6-week', '--date', '2026-11-20');
    expect(back.stdout).toContain('Paused since Tue 3 Nov 2026: `prep resume` starts its clock again.');
  });

  it('week and stats stay within 80 columns for the long phase names of the 90-day plan, paused too', () => {
    const { at } = fresh();
    at('plan', 'switch', '90-day', '--start', '2026-08-25', '--date', '2026-08-25');
    at('pause', '--date', '2026-11-05');
    for (const command of ['week', 'stats', 'today']) {
      const out = at(command, '--date', '2026-11-05');
      expect(out.status).toBe(0);
      // today's tasks and notes are the plan's own words, wrapped by the terminal; its own lines fit.
      const own = command === 'today' ? out.stdout.split('\n').filter((line, i) => i < 2 || /^(Paused|Your streak|You are|`prep)/.test(line)) : out.stdout.trimEnd().split('\n');
      for (const line of own) expect([...line].length, `${command}: ${line}`).toBeLessThanOrEqual(80);
    }
    const week = at('week', '--date', '2026-11-05');
    expect(week.stdout).toContain('Paused since Thu 5 Nov 2026: the plan waits at day 73.');
    expect(week.stdout).not.toMatch(/^>/m); // no row is today while the plan waits
  });
});
