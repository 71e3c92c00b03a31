// Stats, heatmap and week views: the pure pieces table-driven, the renderings as snapshots.
import { describe, expect, it } from 'vitest';
import { markTasks } from '../../src/commands/done.js';
import { pause } from '../../src/commands/pause.js';
import { rest } from '../../src/commands/rest.js';
import { stats } from '../../src/commands/stats.js';
import { week } from '../../src/commands/week.js';
import { planSwitch } from '../../src/commands/plan-switch.js';
import { renderStats } from '../../src/render/stats.js';
import { renderWeek } from '../../src/render/week.js';
import { groupProgress } from '../../src/schedule/groups.js';
import { planDays } from '../../src/schedule/plan-days.js';
import { behind, overdue } from '../../src/schedule/progress.js';
import { parseCurriculum } from '../../src/curriculum/parse.js';
import { weekdayIndex } from '../../src/schedule/dates.js';
import type { Mark } from '../../src/state/schema.js';
import { curriculum, shippedPlan, testContext } from '../helpers.js';

const sixWeek = planDays(shippedPlan('6-week'));
const weekPlan = planDays(shippedPlan('4-week-system-design'));
const doneUpTo = (days: typeof sixWeek, last: number, extra: number[] = []) => {
  const marks = new Map<string, Mark>();
  for (const day of days) if (day.day <= last || extra.includes(day.day)) for (const task of day.tasks) marks.set(task.id, { date: '2026-03-02' });
  return marks;
};

describe('behind', () => {
  it.each([
    ['all done through yesterday', sixWeek, 5, doneUpTo(sixWeek, 4), 0],
    ['today done too', sixWeek, 5, doneUpTo(sixWeek, 5), 0],
    ['three days missed', sixWeek, 8, doneUpTo(sixWeek, 4), 3],
    ['nothing done on day 10', sixWeek, 10, new Map(), 9],
    ['two days ahead', sixWeek, 5, doneUpTo(sixWeek, 7), -2],
    ['a gap behind work done ahead still counts as behind', sixWeek, 8, doneUpTo(sixWeek, 2, [4, 5, 6, 7, 9]), 5],
    ['a week task is due on its week\'s last day: not behind mid-week', weekPlan, 5, new Map(), 0],
    ['a week task left undone is behind from the day after its week', weekPlan, 10, new Map(), 3],
  ])('%s', (_name, days, day, done, expected) => {
    expect(behind(days, { status: 'active', day }, done)).toBe(expected);
  });

  it('is 0 outside the plan', () => {
    expect(behind(sixWeek, { status: 'finished', day: 50 }, new Map())).toBe(0);
    expect(behind(sixWeek, { status: 'not-started', day: -2 }, new Map())).toBe(0);
  });
});

describe('overdue', () => {
  const brief = (list: ReturnType<typeof overdue>) => list.map((task) => [task.text, task.n, task.days.from, task.days.to, task.count]);

  it('names each task\'s number on its day, the one `prep done --day D N` takes', () => {
    const list = overdue(sixWeek, 4, doneUpTo(sixWeek, 2));
    expect(list).toHaveLength(8);
    expect(list[0]).toEqual({ day: 3, id: sixWeek[2]!.tasks[0]!.id, text: sixWeek[2]!.tasks[0]!.text, n: 1, days: { from: 3, to: 3 }, count: 1 });
    expect(list.map((task) => task.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('gives a range task open on several days one entry, with its days and their count', () => {
    const done = doneUpTo(sixWeek, 28);
    done.set('d29-35.technical-deep-dive-practice@31', { date: '2026-03-02' });
    const list = brief(overdue(sixWeek, 36, done));
    expect(list.slice(0, 3)).toEqual([
      ['System design practice', 1, 29, 35, 7],
      ['Technical deep dive practice', 2, 29, 35, 6], // done on day 31: six days left, still one line
      ['BrandOS code review', 3, 29, 35, 7],
    ]);
    // The per-day focus items are tasks of one day each.
    expect(list.slice(3, 5)).toEqual([['System design (multi-tenant, event processing)', 4, 29, 29, 1], ['.NET deep dive (async, performance, memory)', 4, 30, 30, 1]]);
    expect(list.reduce((sum, [, , , , count]) => sum + (count as number), 0)).toBe(27);
  });

  it('splits a range task where its number changes, so that a range of days never names another task', () => {
    const plan = parseCurriculum(curriculum('### Days 1-4: Practice\n- Day 2: Warm up\n- Repeat drills\n', 'id: t\ntitle: T\ndays: 5')).plan!;
    expect(brief(overdue(planDays(plan), 5, new Map()))).toEqual([
      ['Repeat drills', 1, 1, 1, 1],
      ['Warm up', 1, 2, 2, 1],
      ['Repeat drills', 2, 2, 2, 1],
      ['Repeat drills', 1, 3, 4, 2],
    ]);
  });

  it('lists a week task once, after its week, under its number', () => {
    expect(brief(overdue(weekPlan, 8, new Map())).map(([text, n, from, to, count]) => [n, from, to, count, typeof text])).toEqual(
      weekPlan[0]!.tasks.map((_task, index) => [index + 1, 1, 1, 1, 'string']),
    );
    expect(overdue(weekPlan, 7, new Map())).toEqual([]);
  });
});

describe('groupProgress', () => {
  it('follows the curriculum\'s groups, counting a range task once per day', () => {
    const groups = groupProgress(sixWeek, doneUpTo(sixWeek, 3));
    expect(groups.map((g) => [g.label, g.from, g.to, g.done, g.total])).toEqual([
      ['Week 1: System Design Foundation', 1, 7, 24, 44],
      ['Week 2: Architecture & Design Patterns', 8, 14, 0, 44],
      ['Week 3: .NET Deep Dive', 15, 21, 0, 44],
      ['Week 4: Database & Distributed Systems', 22, 28, 0, 44],
      ['Week 5: Practice & Problem Solving', 29, 35, 0, 28],
      ['Week 6: Refinement & Final Preparation', 36, 42, 0, 24],
    ]);
  });

  it('counts a week-level task once in its week', () => {
    expect(groupProgress(weekPlan, new Map()).map((g) => [g.label, g.total])).toEqual([['Week 1', 5], ['Week 2', 5], ['Week 3', 5], ['Week 4', 4]]);
  });

  it('falls back to runs of 7 days when the plan names no groups', () => {
    const plain = sixWeek.map(({ group: _group, ...day }) => day);
    const groups = groupProgress(plain, doneUpTo(plain, 7));
    expect(groups.map((g) => g.label)).toEqual(['Week 1', 'Week 2', 'Week 3', 'Week 4', 'Week 5', 'Week 6']);
    expect(groups[0]).toMatchObject({ from: 1, to: 7, done: 44, total: 44 });
    expect(groups[1]).toMatchObject({ from: 8, to: 14, done: 0 });
  });
});

it.each([
  ['2026-03-02', 0],
  ['2026-03-08', 6],
  ['2026-11-01', 6],
  ['2027-01-01', 4],
])('weekdayIndex(%s) is %i (Monday 0)', (date, index) => {
  expect(weekdayIndex(date)).toBe(index);
});

describe('stats and week, rendered', async () => {
  // Three weeks into the 6-week plan: study, a missed day, a rest day, a pause.
  const ctx = testContext({ columns: 80 });
  const on = (date: string) => Object.assign(ctx, { dateArg: date });
  await planSwitch({ plan: '6-week', start: '2026-03-02' }, on('2026-03-02'));
  for (const [date, numbers] of [['2026-03-02', ['1', '2', '3', '4', '5', '6', '7', '8']], ['2026-03-03', ['1', '2']], ['2026-03-05', ['1']], ['2026-03-06', ['1', '2', '3', '4']]] as const) {
    await markTasks({ numbers: [...numbers] }, 'done', on(date));
  }
  await rest({}, on('2026-03-08'));
  await pause({}, on('2026-03-10'));
  await pause({ resume: true }, on('2026-03-12'));
  await markTasks({ numbers: ['1', '2', '3'] }, 'done', on('2026-03-12'));

  it('stats: streak, study days, heatmap cells, per-week bars', async () => {
    const data = await stats({}, on('2026-03-13'));
    expect(data).toMatchObject({ day: 10, streak: { current: 1, longest: 2 }, studyDays: 5, progress: { done: 18, total: 228, percent: 8 }, behind: 8 });
    const byDate = new Map(data.heatmap.map((e) => [e.date, e]));
    expect(data.heatmap).toHaveLength(7 * 17);
    expect(data.heatmap[0]!.date).toBe('2025-11-17'); // a Monday, 16 weeks before this one
    expect(byDate.get('2026-03-02')).toEqual({ date: '2026-03-02', count: 8, kind: 'study' });
    expect(byDate.get('2026-03-04')).toEqual({ date: '2026-03-04', count: 0, kind: 'none' });
    expect(byDate.get('2026-03-08')?.kind).toBe('rest');
    expect(byDate.get('2026-03-10')?.kind).toBe('paused');
    expect(byDate.get('2026-03-11')?.kind).toBe('paused');
    expect(byDate.get('2026-03-14')?.kind).toBe('future');
    const text = renderStats(data, ctx);
    expect(text).toMatchSnapshot();
    for (const line of text.trimEnd().split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('week: the plan week with real dates after the pause', async () => {
    const data = await week({}, on('2026-03-13'));
    expect(data.days.map((d) => [d.day, d.date, `${d.done}/${d.total}`, d.today])).toEqual([
      [8, '2026-03-09', '0/8', false],
      [9, '2026-03-12', '3/8', false], // after the pause on 10 and 11 March
      [10, '2026-03-13', '0/8', true],
      [11, '2026-03-14', '0/8', false],
      [12, '2026-03-15', '0/8', false],
      [13, '2026-03-16', '0/2', false],
      [14, '2026-03-17', '0/2', false],
    ]);
    expect(renderWeek(data, ctx)).toMatchSnapshot();
  });

  it('stats on a terminal of 24 rows: the whole report in 22, so the command and the next prompt show with its title', async () => {
    const data = await stats({}, on('2026-03-13'));
    for (const [columns, streak] of [[80, data.streak], [60, data.streak], [60, { current: 1, longest: 2, atRisk: true }]] as const) {
      const lines = renderStats({ ...data, streak, pausedSince: '2026-03-13' }, { ...ctx, columns, wrapAt: columns, rows: 24 }).trimEnd().split('\n');
      expect(lines.length).toBeLessThanOrEqual(22);
      expect(lines[0]).toBe('6-Week Intensive — Principal Backend Engineer');
      // At 80 columns every week of the plan shows; at 60, where lines wrap, the last line may say which are left out.
      const weeks = lines.filter((line) => /^Week \d/.test(line)).length;
      if (columns === 80) {
        expect(weeks).toBe(6);
        // The pace has its line; the heatmap's legend gave way for it (piped, it is there: the snapshot above).
        expect(lines).toContain('Pace      1.5 tasks, 1 hour a day (last 12 days) · done on Tue 20 Oct 2026');
        expect(lines.some((line) => line.includes('fewer → more tasks'))).toBe(false);
      } else expect(weeks === 6 || /^… \d+ later not shown/.test(lines.at(-1)!)).toBe(true);
    }
  });

  it('stats with more weeks than rows: those around this week, and a line on the rest', async () => {
    const data = await stats({}, on('2026-03-13'));
    const weeks = Array.from({ length: 13 }, (_, i) => ({ label: `Week ${i + 1}`, from: 7 * i + 1, to: 7 * i + 7, done: 0, total: 14 }));
    const lines = renderStats({ ...data, day: 30, weeks }, { ...ctx, wrapAt: 80, rows: 24 }).trimEnd().split('\n');
    expect(lines).toHaveLength(22);
    expect(lines.filter((line) => /^Week \d/.test(line)).map((line) => line.split('  ')[0])).toEqual(['Week 3', 'Week 4', 'Week 5', 'Week 6', 'Week 7']);
    expect(lines.at(-1)).toBe('… 2 earlier and 6 later not shown (`prep stats --json` has all)');
    // Piped, there is no screen to fit: every week.
    expect(renderStats({ ...data, day: 30, weeks }, ctx).match(/^Week \d+/gm)).toHaveLength(13);
  });
});

describe('week, on a week-level plan', async () => {
  const ctx = testContext({ columns: 80 });
  const on = (date: string) => Object.assign(ctx, { dateArg: date });
  await planSwitch({ plan: '4-week-system-design', start: '2026-03-01' }, on('2026-03-01'));
  await markTasks({ numbers: ['1', '3'] }, 'done', on('2026-03-09'));

  it('shows the week\'s tasks once, due once in the week, not the same 0/5 on each of seven days', async () => {
    const data = await week({}, on('2026-03-10'));
    expect(data.weekTasks).toMatchObject({ from: 8, to: 14, title: 'Core Distributed Systems + Consistency Trade-offs', done: 2, total: 5 });
    expect(data.weekTasks!.tasks.map((task) => [task.n, task.done])).toEqual([[1, true], [2, false], [3, true], [4, false], [5, false]]);
    const text = renderWeek(data, ctx);
    expect(text).toMatchSnapshot();
    expect(text).toContain('\n2/5 tasks done, each due once this week\n');
    expect(text).not.toMatch(/\d\/5\s*$/m); // no day row of its own counting the week's tasks
    for (const task of data.weekTasks!.tasks) expect(text.split(task.text.slice(0, 30)).length - 1).toBe(1);
    // On an 80-column terminal every line fits: a long task wraps under its text.
    for (const line of renderWeek(data, { ...ctx, wrapAt: 80 }).trimEnd().split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('keeps the table of days for a plan of days', async () => {
    const days = await week({}, testContext({ dateArg: '2026-03-02', now: new Date(2026, 2, 2, 9) }));
    expect(days.weekTasks).toBeNull();
  });
});
