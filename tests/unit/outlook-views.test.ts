// Today's page and the stats report with the outlook in them: as the commands give it now (no
// deadline can be stored yet), and as they will with a deadline, the renderers being ready for it.
import { describe, expect, it } from 'vitest';
import { markTasks } from '../../src/commands/done.js';
import { planSwitch } from '../../src/commands/plan-switch.js';
import { stats } from '../../src/commands/stats.js';
import { today } from '../../src/commands/today.js';
import { renderStats } from '../../src/render/stats.js';
import { renderToday } from '../../src/render/today.js';
import { addDays } from '../../src/schedule/dates.js';
import { doneIn } from '../../src/schedule/progress.js';
import { outlook } from '../../src/schedule/outlook.js';
import { planDays } from '../../src/schedule/plan-days.js';
import { testContext, shippedPlan } from '../helpers.js';

const plan = shippedPlan('6-week');
const days = planDays(plan);

describe('the outlook on today\'s page and in stats', async () => {
  // The 6-week plan from Monday 2 March, days 1-10 done on their dates, days 11-15 skipped.
  const home = testContext({ now: new Date(2026, 3, 30, 9), dateArg: '2026-03-02' });
  const at = (date: string) => testContext({ now: new Date(2026, 3, 30, 9), dateArg: date }, home.paths.stateDir);
  await planSwitch({ plan: '6-week', start: '2026-03-02' }, home);
  for (let day = 1; day <= 10; day++) await markTasks({ numbers: [], all: true }, 'done', at(addDays('2026-03-02', day - 1)));
  const ctx = at('2026-03-17');
  const page = await today({}, ctx);
  const report = await stats({}, ctx);

  it('both carry no deadline and the same forecast', () => {
    expect(page.deadline).toBeNull();
    expect(page.forecast).toEqual({ pace: { tasks: 3.71, hours: 3.14 }, paceDays: 14, finish: '2026-05-13', needed: null, remaining: { tasks: 160, hours: 180 }, late: false });
    expect(report.deadline).toBeNull();
    expect(report.forecast).toEqual(page.forecast);
  });

  it('today\'s page says the pace and the finish above the status line', () => {
    const text = renderToday(page, ctx);
    expect(text).toContain('\n\nAt your pace of the last 14 days (3.7 tasks, 3.1 hours a day), you finish on Wed 13 May 2026, 31 days after the plan\'s end.\n\nstreak 0 days');
  });

  it('stats gives the pace its own line under the progress', () => {
    expect(renderStats(report, ctx)).toContain('Progress  68/228 tasks (30%) · 5 days behind\nPace      3.7 tasks, 3.1 hours a day (last 14 days) · done on Wed 13 May 2026\n');
  });

  it('with a deadline before the plan\'s end: its days left, the pace it needs, and the warning', () => {
    const state = ctx.store.read()!;
    const ahead = outlook(plan, days, doneIn(state.log, '6-week', days), page, '2026-03-17', '2026-04-10');
    const text = renderToday({ ...page, ...ahead }, ctx);
    expect(text).toContain('31 days after the plan\'s end.\nDeadline Fri 10 Apr 2026, in 24 days: it needs 6.7 tasks, 7.5 hours a day.\nThe plan\'s own end, Sun 12 Apr 2026, falls after the deadline.\n');
    const lines = renderStats({ ...report, ...ahead }, ctx);
    expect(lines).toContain('\nDeadline  Fri 10 Apr 2026, in 24 days · needs 6.7 tasks, 7.5 hours a day\n          The plan\'s own end, Sun 12 Apr 2026, falls after the deadline.\n');
  });

  it('wraps the stats lines between their parts on a narrow terminal', () => {
    const narrow = { ...ctx, columns: 50, wrapAt: 50 };
    const lines = renderStats(report, narrow).split('\n');
    const pace = lines.findIndex((line) => line.startsWith('Pace'));
    const heatmap = lines.findIndex((line, i) => i > pace && line === '');
    expect(heatmap - pace).toBeGreaterThan(1); // it took more than one line
    for (const line of lines.slice(pace + 1, heatmap)) expect(line).toMatch(/^( {10}|Reviews {3}|Cards {5})\S/); // continued under its text, or the review lines (labelled like the others)
    for (const line of lines.slice(0, heatmap)) expect([...line].length, line).toBeLessThanOrEqual(50);
    const words = lines.slice(pace, heatmap).join(' ').replace(/\s+/g, ' ');
    expect(words).toContain('3.7 tasks, 3.1 hours a day (last 14 days)');
    expect(words).toContain('done on Wed 13 May 2026');
  });
});
