// End to end: the built CLI, spawned with a private PREP_HOME and NO_COLOR, as a user runs it.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prep, SHIPPED_IDS } from '../helpers.js';

const ANSI = /\u001b\[/;

describe('prep plan list', () => {
  it('prints a table of the shipped plans', () => {
    const run = prep(['plan', 'list']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    for (const id of SHIPPED_IDS) expect(run.stdout).toContain(id);
    expect(run.stdout).toMatch(/^\*\s+6-week\s/m);
    expect(run.stdout).not.toMatch(ANSI);
  });

  it('is what `prep plan` alone does', () => {
    expect(prep(['plan']).stdout).toBe(prep(['plan', 'list']).stdout);
  });

  it('prints only JSON with --json, with the lengths of DESIGN.md', () => {
    const run = prep(['plan', 'list', '--json']);
    expect(run.status).toBe(0);
    const rows = JSON.parse(run.stdout) as { id: string; title: string; days: number; tasks: number; checklist: number }[];
    expect(Object.fromEntries(rows.map((r) => [r.id, r.days]))).toEqual({ '6-week': 42, '90-day': 90, '28-day-data': 28, '4-week-system-design': 28, '37-day-backend': 37 });
    for (const row of rows) {
      expect(row).toEqual(expect.objectContaining({ title: expect.any(String), tasks: expect.any(Number), checklist: expect.any(Number) }));
      expect(row.tasks).toBeGreaterThan(0);
      expect(row.checklist).toBeGreaterThan(0);
    }
  });
});

describe('prep plan show', () => {
  it('shows the outline of a plan named by a unique prefix', () => {
    const run = prep(['plan', 'show', '90']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^90-Day Staff\/Sr\. Staff Engineer Interview Preparation Plan\n90-day · 90 days/);
    expect(run.stdout).toMatch(/Days 1–7 +Architectural Principles +2 tasks a day/);
    expect(run.stdout).toContain('Final checklist (7)');
  });

  it('gives JSON with one schedule entry per plan day', () => {
    const run = prep(['plan', 'show', '6-week', '--json']);
    expect(run.status).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(Object.keys(plan)).toEqual(expect.arrayContaining(['id', 'title', 'days', 'summary', 'schedule', 'checklist']));
    expect(plan.days).toBe(42);
    expect(plan.schedule).toHaveLength(42);
    expect(plan.schedule.map((d: { day: number }) => d.day)).toEqual(Array.from({ length: 42 }, (_, i) => i + 1));
    expect(plan.schedule[29]).toMatchObject({ day: 30, kind: 'range', group: 'Week 5: Practice & Problem Solving', title: 'Intensive Practice' });
    expect(plan.schedule[29].tasks.at(-1)).toMatchObject({ text: '.NET deep dive (async, performance, memory)', section: 'Focus' });
    expect(plan.schedule[0].tasks[0]).toEqual({ id: 'd1.read-02-system-design-faang-md-framework-section', text: 'Read: `02_system_design_FAANG.md` - Framework section', section: 'Morning (2 hours)' });
    expect(plan.checklist[0]).toEqual({ n: 1, text: 'Apply system design framework (6 steps)' });
  });

  it('gives each day\'s hours and where they were read, in the outline and in JSON', () => {
    const plan = JSON.parse(prep(['plan', 'show', '6-week', '--json']).stdout);
    expect(plan.hours).toBe(234);
    expect(plan.schedule[0]).toMatchObject({ day: 1, hours: 5, hoursFrom: 'sections' }); // 2 + 2 + 1 hours of its sections
    expect(plan.schedule[5]).toMatchObject({ day: 6, hours: 8, hoursFrom: 'day' }); // "Full Day (8 hours)."
    expect(plan.schedule[29]).toMatchObject({ day: 30, kind: 'range', hours: 6 });
    expect(prep(['plan', 'show', '6-week']).stdout).toMatch(/^ {2}Day 1 +System Design Framework +8 tasks +5h$/m);
    // A plan that states no hours: one an hour a day.
    expect(JSON.parse(prep(['plan', 'show', 'tests/fixtures/curricula/week-plan.md', '--json']).stdout).schedule[0]).toMatchObject({ hours: 1, hoursFrom: 'equal' });
  });

  it('shows a curriculum file given by path', () => {
    const run = prep(['plan', 'show', 'tests/fixtures/curricula/week-plan.md']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Week 2  Consistency');
  });

  it.each([
    [['plan', 'show', '90-dya'], /^prep: no plan "90-dya"; did you mean "90-day"\?\nPlans: 28-day-data, 37-day-backend, 4-week-system-design, 6-week, 90-day\./],
    [['plan', 'show', 'zzz'], /^prep: no plan "zzz"\n/],
  ])('%j is exit 2 with a message on stderr', (args, message) => {
    const run = prep(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });

  it('is exit 1 for a broken curriculum file, naming its problems', () => {
    const run = prep(['plan', 'show', 'tests/fixtures/curricula/gap.md']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/gap\.md has 1 error:\n {2}.*gap\.md:12:1: days 5-6 are not scheduled/);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('prep plan switch', () => {
  const run = (home: string, ...args: string[]) => prep(args, { home });
  const newHome = () => mkdtempSync(join(tmpdir(), 'prep-switch-'));

  it('starts a plan that was never begun today, not "day 22, 21 days behind, 0/228 done"', () => {
    const home = newHome();
    run(home, 'today', '--date', '2026-03-01'); // the first run starts 6-week
    run(home, 'check', '1', '--date', '2026-03-01'); // a checklist tick is not beginning the schedule
    run(home, 'plan', 'switch', '90', '--date', '2026-03-01');
    const back = run(home, 'plan', 'switch', '6-week', '--date', '2026-03-22');
    expect(back.status).toBe(0);
    expect(back.stdout).toBe(
      'Switched to 6-week: 6-Week Intensive — Principal Backend Engineer\n' +
        'day 1 of 42 (started Sun 22 Mar 2026).\n' +
        'Nothing was done in it since its start on Sun 1 Mar 2026, so it starts over today (`--start DATE` names another day 1).\n' +
        // 22 March is a Sunday; the plan's day 1 is a Monday.
        "6-week's day 1 is a Monday: starting it on a Sunday puts its weekend days on Fridays and Saturdays. `prep plan switch 6-week --start monday` starts it on Mon 23 Mar 2026 instead.\n" +
        '`prep plan switch 90-day` goes back; each plan keeps its own progress.\n',
    );
    expect(JSON.parse(run(home, 'today', '--json', '--date', '2026-03-22').stdout)).toMatchObject({ day: 1, start: '2026-03-22', behind: 0, checklist: { done: 1 } });
    // --start says otherwise.
    const json = JSON.parse(run(home, 'plan', 'switch', '90', '--start', '2026-03-01', '--date', '2026-03-22', '--json').stdout);
    expect(json).toMatchObject({ plan: { id: '90-day' }, day: 22, start: '2026-03-01', resumed: false, restartedFrom: null });
  });

  it('resumes a plan with progress, saying how far behind it is and naming catch-up past 2 days', () => {
    const home = newHome();
    run(home, 'plan', 'switch', '6-week', '--start', '2026-03-01', '--date', '2026-03-01');
    run(home, 'done', '--all', '--date', '2026-03-01');
    run(home, 'plan', 'switch', '90', '--date', '2026-03-02');
    const soon = run(home, 'plan', 'switch', '6-week', '--date', '2026-03-03');
    expect(soon.stdout).toContain('day 3 of 42 (started Sun 1 Mar 2026); progress kept: 8/228 tasks done.\nYou are 1 day behind.\n`prep plan switch 90-day`');
    run(home, 'plan', 'switch', '90', '--date', '2026-03-03');
    const late = run(home, 'plan', 'switch', '6-week', '--date', '2026-03-22');
    expect(late.stdout).toContain(
      'day 22 of 42 (started Sun 1 Mar 2026); progress kept: 8/228 tasks done.\nYou are 20 days behind.\n`prep plan catch-up` makes day 2 today: the plan ends later, nothing done is lost.\n',
    );
    expect(JSON.parse(run(home, 'plan', 'switch', '6-week', '--date', '2026-03-22', '--json').stdout)).toMatchObject({ resumed: true, start: '2026-03-01', day: 22, behind: 20, restartedFrom: null });
  });

  it('with no id and no terminal, lists titles, lengths, progress and the active mark', () => {
    const home = newHome();
    run(home, 'done', '1', '--date', '2026-03-01');
    const result = run(home, 'plan', 'switch', '--date', '2026-03-01');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('prep: which plan? Name it: prep plan switch ID\n');
    expect(result.stderr).toMatch(/\n\* 6-week · 6-Week Intensive — .* · 42 days · 1\/228 done\n/);
    expect(result.stderr).toMatch(/\n {2}90-day · .+ · 90 days · not started\n/);
    expect(result.stderr).toContain('\n* the active plan\n');
  });
});

describe('prep plan validate', () => {
  it('passes the shipped curricula', () => {
    const run = prep(['plan', 'validate', ...SHIPPED_IDS.map((id) => `curricula/${id}.md`)]);
    expect(run.stdout).toBe('✔ 5 files valid\n');
    expect(run.status).toBe(0);
  });

  it.each([
    ['gap.md', /gap\.md:12:1: days 5-6 are not scheduled/],
    ['overlap.md', /overlap\.md:9:1: Day 4 overlaps Days 1-5 \(line 6\)/],
    ['bad-yaml.md', /bad-yaml\.md:5:1: YAML error in front matter: unexpected end of the stream within a double quoted scalar/],
    ['unterminated.md', /unterminated\.md:1:1: unterminated front matter/],
    ['bad-fields.md', /bad-fields\.md:5:1: unknown front matter key `dayz` \(did you mean `days`\?\)/],
  ])('reports %s as file:line:col and exits 1', (name, message) => {
    const run = prep(['plan', 'validate', `tests/fixtures/curricula/${name}`]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(message);
    expect(run.stdout).toMatch(/✖ \d+ errors?.* in 1 of 1 file\n$/);
  });

  it('refuses ---js front matter without running any of it', () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'prep-js-')), 'pwned');
    for (const args of [['plan', 'validate'], ['plan', 'show']]) {
      const run = prep([...args, 'tests/fixtures/curricula/js-front-matter.md'], { env: { PREP_PWNED_FILE: marker } });
      expect(run.status).toBe(1);
      expect(`${run.stdout}${run.stderr}`).toContain('js-front-matter.md:1:4: front matter in `js` is not allowed');
    }
    expect(existsSync(marker)).toBe(false);
  });

  it('gives per-file results with --json', () => {
    const run = prep(['plan', 'validate', '--json', 'curricula/6-week.md', 'tests/fixtures/curricula/gap.md']);
    expect(run.status).toBe(1);
    const data = JSON.parse(run.stdout);
    expect(data.ok).toBe(false);
    expect(data.files.map((f: { file: string; errors: number }) => [f.file, f.errors])).toEqual([
      ['curricula/6-week.md', 0],
      ['tests/fixtures/curricula/gap.md', 1],
    ]);
    expect(data.files[1].problems).toContainEqual({ severity: 'error', line: 12, col: 1, message: expect.stringContaining('days 5-6') });
  });

  it('warns where a day\'s sections add up to more than 24 hours, and still passes the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-hours-'));
    writeFileSync(join(dir, 'long-day.md'), '---\nid: long-day\ntitle: Long day\ndays: 1\n---\n### Day 1\n**Morning (20 hours)**\n- a\n\n**Evening (6 hours)**\n- b\n\n## Final Checklist\n- [ ] x\n');
    const run = prep(['plan', 'validate', 'long-day.md'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`long-day.md:6:1: warning: Day 1's sections add up to 26 hours, more than a day has: check the hours in its labels\n✔ 1 file valid (1 warning)\n`);
  });

  it('reports the same plan id in two files', () => {
    const run = prep(['plan', 'validate', 'curricula/6-week.md', 'curricula/6-week.md']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('duplicate plan id "6-week": curricula/6-week.md has it too');
  });
});

describe('usage errors and colour', () => {
  it.each([
    [['plna'], /unknown command 'plna'\n\(Did you mean plan\?\)/],
    [['plan', 'swich', '90'], /unknown command 'swich'\n\(Did you mean switch\?\)/],
    [['plan', 'catchup'], /unknown command 'catchup'\n\(Did you mean catch-up\?\)/],
    [['plan', 'validate'], /missing required argument 'files'/],
    [['plan', 'list', '--bogus'], /unknown option '--bogus'/],
  ])('%j is exit 2 with a message on stderr', (args, message) => {
    const run = prep(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  // Only the command being run is declared; help of any kind still sees all of them.
  it.each([
    [['help'], /Commands:[^]*today[^]*plan[^]*completion/],
    [['help', 'today'], /Usage: prep today \[options\]/],
    [['today', '--help'], /Usage: prep today \[options\][^]*Global Options:[^]*--date/],
    [['--date', '2026-03-02', 'plan', '--help'], /Usage: prep plan[^]*Commands:[^]*switch/],
    [['streak', '--help'], /Usage: prep stats\|streak/],
    [['--help', 'today'], /Commands:[^]*today[^]*plan[^]*completion/],
    [['-h', 'done'], /Commands:[^]*done[^]*stats/],
  ])('%j prints the help asked for and exits 0', (args, help) => {
    const run = prep(args);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(help);
  });

  it('prints help and exits 0 with --help; with no arguments it is today\'s page', () => {
    const help = prep(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: prep');
    const bare = prep([]);
    expect(bare.status).toBe(0);
    expect(bare.stdout).toMatch(/^Day 1\/42/);
    expect(bare.stdout).toContain('More: `prep week` · `prep stats`');
  });

  it('colours only when asked, and never with --no-color or NO_COLOR', () => {
    expect(prep(['plan', 'list'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } }).stdout).toMatch(ANSI);
    expect(prep(['plan', 'list', '--no-color'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } }).stdout).not.toMatch(ANSI);
    expect(prep(['plan', 'list'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(ANSI);
    expect(prep(['plan', 'list'], { env: { FORCE_COLOR: '1', NO_COLOR: '', TERM: 'dumb' } }).stdout).not.toMatch(ANSI);
  });
});

describe('prep plan switch --start', () => {
  it('reads relative dates against --date', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-switch-'));
    expect(prep(['plan', 'switch', '90', '--start', 'yesterday', '--date', '2026-06-01', '--json'], { home: dir }).stdout).toContain('"start": "2026-05-31"');
  });
});
