// `prep plan import` end to end: every seed and import fixture becomes a plan you can add, switch to
// and study from; bad input is exit 2 with nothing written.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCurriculum } from '../../src/curriculum/parse.js';
import { planDays } from '../../src/schedule/plan-days.js';
import { FIXTURES, prep, SHIPPED_IDS } from '../helpers.js';

const inputs = [
  ...SHIPPED_IDS.map((id) => join(FIXTURES, 'seeds', `${id}.txt`)),
  ...readdirSync(join(FIXTURES, 'import'))
    .filter((name) => name !== 'no-schedule.md')
    .map((name) => join(FIXTURES, 'import', name)),
];

describe('prep plan import', () => {
  it.each(inputs.map((path) => [path.slice(FIXTURES.length + 1), path]))('%s imports, validates, adds, switches and shows today\'s tasks', (_name, path) => {
    const home = mkdtempSync(join(tmpdir(), 'prep-import-'));
    const out = join(home, 'imported.md');
    const run = prep(['plan', 'import', path, '-o', out, '--id', 'imported'], { home });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^✔ Imported \d+ days?, \d+ tasks?, \d+ checklist items? from .* → .*imported\.md\n/);
    expect(prep(['plan', 'validate', out], { home }).status).toBe(0);

    expect(prep(['plan', 'add', out], { home }).status).toBe(0);
    expect(prep(['plan', 'switch', 'imported', '--date', '2026-03-02'], { home }).status).toBe(0);
    const today = JSON.parse(prep(['today', '--json', '--date', '2026-03-02'], { home }).stdout);
    const expected = planDays(parseCurriculum(readFileSync(out, 'utf8')).plan!)[0]!;
    expect(today).toMatchObject({ plan: { id: 'imported' }, day: 1, status: 'active' });
    expect(today.tasks.map((t: { text: string }) => t.text)).toEqual(expected.tasks.map((t) => t.text));
    expect(today.tasks.length).toBeGreaterThan(0);
  });

  it('shows the imported tasks in `prep today`', () => {
    const home = mkdtempSync(join(tmpdir(), 'prep-import-'));
    const out = join(home, 'six.md');
    expect(prep(['plan', 'import', join(FIXTURES, 'seeds', '6-week.txt'), '-o', out, '--id', 'six'], { home }).stderr).toBe(
      `✔ Imported 42 days, 198 tasks, 10 checklist items from ${join(FIXTURES, 'seeds', '6-week.txt')} → ${out}\n\`prep plan add ${out}\` adds it to your plans.\n`,
    );
    prep(['plan', 'add', out], { home });
    prep(['plan', 'switch', 'six', '--date', '2026-03-02'], { home });
    const today = prep(['today', '--date', '2026-03-03'], { home });
    expect(today.stdout).toContain('Day 2/42 · Scalability Patterns');
    expect(today.stdout).toContain('1. ○ Read: `02_system_design_FAANG.md` - Scaling sections');
    expect(today.stdout).toContain('checklist 0/10');
  });

  it('writes the curriculum to stdout and the report to stderr without -o; --json carries both', () => {
    const seed = join(FIXTURES, 'seeds', '37-day-backend.txt');
    const run = prep(['plan', 'import', seed]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^---\nid: 37-day-backend\ntitle: "Backend"\ndays: 37\n/);
    expect(run.stderr).toContain('✔ Imported 37 days, 148 tasks, 0 checklist items');
    expect(run.stderr).toContain('→ stdout');
    expect(run.stderr).toContain('No checklist found');

    const json = prep(['plan', 'import', join(FIXTURES, 'import', 'gaps.md'), '--json']);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toMatchObject({
      id: 'gaps',
      title: 'A plan with a hole',
      days: 4,
      tasks: 3,
      checklist: 0,
      output: null,
      unsure: [{ line: 9, text: 'Day 4: Finish', reason: 'day 3 is not in the plan: listed as rest days' }],
      markdown: expect.stringContaining('### Day 4: Finish'),
    });
  });

  it('reports the lines it was unsure about', () => {
    const run = prep(['plan', 'import', join(FIXTURES, 'seeds', '90-day.txt'), '--id', 'ninety']);
    expect(run.stderr).toContain('Unsure about 1 line:\n  line 159: "Days 1–7: Architectural Principles (SOLID, DRY, K…" (a second copy of the schedule: 18 days or ranges on lines 159-294 repeat earlier ones and were merged into them)\n');
  });

  it('refuses input with no schedule: exit 2, says what it looked for, writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-import-'));
    const out = join(dir, 'plan.md');
    const run = prep(['plan', 'import', join(FIXTURES, 'import', 'no-schedule.md'), '-o', out]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('prep: no schedule found in no-schedule.md: looked for "Day N" headings or lines, "Days N-M" ranges, "Week N" sections with tasks, weekday names (Monday … Sunday), a table with a Day column');
    expect(existsSync(out)).toBe(false);

    const missing = prep(['plan', 'import', join(dir, 'nope.txt')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read');
    expect(prep(['plan', 'import', join(FIXTURES, 'import', 'gaps.md'), '--start-day', 'x']).status).toBe(2);
    expect(prep(['plan', 'import', join(FIXTURES, 'import', 'gaps.md'), '--id', 'Bad Id']).status).toBe(2);
  });

  it('refuses a 2 MB plan that would need more days than a plan may have at once: exit 2, the reason, nothing written', () => {
    // 74 000 repeats of the longest range, moved 337 days on: merged, it would be 3 997 days long.
    const dir = mkdtempSync(join(tmpdir(), 'prep-import-'));
    writeFileSync(join(dir, 'ranges.md'), Array.from({ length: 74_000 }, (_, i) => `- Days 1-3660: study ${i}\n`).join(''));
    const run = prep(['plan', 'import', 'ranges.md', '--start-day', '338', '-o', 'out.md'], { cwd: dir });
    expect(run.status).toBe(2); // null when the run outlasts prep()'s 15 s timeout
    expect(run.stderr).toBe('prep: ranges.md schedules 3997 days; a plan may have at most 3660 (ten years)\nSplit it into several plans, or check that its weekday or day headings are what you meant.\n');
    expect(readdirSync(dir)).toEqual(['ranges.md']);
  });

  it('refuses to overwrite an -o file without --force, and leaves it as it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-import-'));
    const out = join(dir, 'plan.md');
    writeFileSync(out, 'my own notes\n');
    const run = prep(['plan', 'import', join(FIXTURES, 'import', 'gaps.md'), '-o', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('exists already');
    expect(readFileSync(out, 'utf8')).toBe('my own notes\n');

    expect(prep(['plan', 'import', join(FIXTURES, 'import', 'gaps.md'), '-o', out, '--force']).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^---\nid: gaps\n/);
    expect(readdirSync(dir)).toEqual(['plan.md']); // no temporary file left behind
  });

  it('leads its help with examples', () => {
    const help = prep(['plan', 'import', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Examples:\n  $ prep plan import six-weeks.txt -o six-weeks.md && prep plan add six-weeks.md');
    expect(help.stdout).toContain('--start-day <n>');
  });
});
