// Each plan day's effort in hours, from the plan's own words, and the warnings where they cannot be right.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planEffort } from '../../src/curriculum/effort.js';
import { statedDailyHours } from '../../src/curriculum/hours.js';
import { parseCurriculum } from '../../src/curriculum/parse.js';
import type { Plan } from '../../src/curriculum/types.js';
import { curriculum } from '../helpers.js';

const planOf = (body: string, front = 'id: t\ntitle: T\ndays: 3'): Plan => {
  const { plan, problems } = parseCurriculum(curriculum(body, front));
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return plan!;
};
const shipped = (id: string) => parseCurriculum(readFileSync(join('curricula', `${id}.md`), 'utf8')).plan!;
const hoursOf = (plan: Plan) => planEffort(plan).days.map((d) => d.hours);
const warningsOf = (text: string) => parseCurriculum(text).problems.filter((p) => p.severity === 'warning' && !p.message.includes('checklist')).map((p) => `${p.line}:${p.col} ${p.message}`);

describe('a day takes the hours its sections state', () => {
  it('adds up its section labels and shares each between its tasks', () => {
    const plan = planOf('### Day 1\n**Morning (2 hours)**\n- a\n- b\n\n**Afternoon (2-3 hours)**\n- c\n\n**Evening (1 hour)**\n- d\n### Days 2-3\n- e\n', 'id: t\ntitle: T\ndays: 3');
    const [day1] = planEffort(plan).days;
    expect(day1).toEqual({ day: 1, hours: 6, source: 'sections', weekend: false, tasks: [1, 1, 3, 1] });
  });

  it('reads a section by the time blocks its tasks start with, and a later section by an earlier one of its name', () => {
    const plan = planOf(
      '### Day 1\n**Morning (5:00–10:00 am)**\n- 5:00–7:00: read\n- 7:00–8:00: sketch\n\n**Evening (9:00–11:00 pm)**\n- notes\n### Day 2\n**Morning**\n- 5:00–7:00: read\n- 7:00–8:00: sketch\n\n**Evening**\n- reflect\n### Day 3\n**Evening**\n- only\n',
    );
    const [day1, day2, day3] = planEffort(plan).days;
    expect(day1).toMatchObject({ hours: 7, source: 'sections', tasks: [2.5, 2.5, 2] }); // the label's 5 hours, shared
    expect(day2).toMatchObject({ hours: 5, source: 'sections', tasks: [2, 1, 2] }); // blocks 2 + 1, Evening as on day 1
    expect(day3).toMatchObject({ hours: 2, source: 'sections', tasks: [2] });
  });

  it('a note stating the whole day wins over its sections, which share it', () => {
    const plan = planOf('### Day 1\nFull Day (8 hours).\n\n**Morning (4 hours)**\n- a\n\n**Afternoon (4 hours)**\n- b\n### Day 2\nLight Day (2-3 hours).\n\n**Morning**\n- a\n- b\n- c\n### Day 3: Rest\n');
    const [day1, day2, day3] = planEffort(plan).days;
    expect(day1).toMatchObject({ hours: 8, source: 'day', tasks: [4, 4] });
    expect(day2).toMatchObject({ hours: 3, source: 'day', tasks: [1, 1, 1] });
    expect(day3).toMatchObject({ hours: 0, tasks: [] });
  });

  it('a section that states nothing adds nothing when others state their hours', () => {
    const plan = planOf('### Days 1-3\n**Morning (2 hours)**\n- a\n\n**Focus**\n- Day 2: focus\n');
    expect(planEffort(plan).days.map((d) => d.tasks)).toEqual([[2], [2, 0], [2]]);
    expect(hoursOf(plan)).toEqual([2, 2, 2]);
  });
});

describe('else the plan\'s stated daily time, else equal shares', () => {
  it('front matter `hours`, by weekday and weekend, a weekend by `starts-on`', () => {
    const plan = planOf('### Days 1-7\n- a\n- b\n', 'id: t\ntitle: T\ndays: 7\nstarts-on: thursday\nhours: {weekday: 3, weekend: 8}');
    const effort = planEffort(plan);
    expect(effort.days.map((d) => [d.hours, d.weekend])).toEqual([[3, false], [3, false], [8, true], [8, true], [3, false], [3, false], [3, false]]);
    expect(effort.days[0]).toMatchObject({ source: 'front-matter', tasks: [1.5, 1.5] });
    expect(effort).toMatchObject({ statement: { weekday: 3, weekend: 8 }, total: 31 });
  });

  it('without `starts-on`, a day titled "Weekend" is a weekend day', () => {
    const plan = planOf('### Day 1: Basics\n- a\n### Day 2: Weekend Deep Dive\n- b\n### Day 3\n- c\n', 'id: t\ntitle: T\ndays: 3\nhours: {weekday: 2, weekend: 6}');
    expect(planEffort(plan).days.map((d) => [d.hours, d.weekend])).toEqual([[2, false], [6, true], [2, false]]);
  });

  it('the intro\'s daily time when the front matter says nothing', () => {
    const plan = planOf('Plan on about 1.5 hours a day.\n\n### Days 1-3\n- a\n');
    expect(planEffort(plan).days.map((d) => [d.hours, d.source])).toEqual([[1.5, 'plan'], [1.5, 'plan'], [1.5, 'plan']]);
  });

  it('one share a day when nothing says', () => {
    const plan = planOf('### Day 1\n- a\n- b\n### Days 2-3\n- c\n');
    expect(planEffort(plan).days.map((d) => [d.hours, d.source, d.tasks])).toEqual([[1, 'equal', [0.5, 0.5]], [1, 'equal', [1]], [1, 'equal', [1]]]);
  });

  it('a week-level span takes a week of the daily time, its tasks due once sharing it, a seventh on each of its days', () => {
    const plan = planOf('## Week 1\n- a\n- b\n- c\n- d\n', 'id: t\ntitle: T\ndays: 7\nhours: {weekday: 2, weekend: 4}');
    const effort = planEffort(plan);
    expect(effort.total).toBeCloseTo(18, 9); // 5 × 2 + 2 × 4
    expect(effort.days[0]!.tasks).toEqual([4.5, 4.5, 4.5, 4.5]);
    expect(effort.days.every((d) => Math.abs(d.hours - 18 / 7) < 1e-9)).toBe(true);
  });

  it('rest days take no time', () => {
    const plan = planOf('### Days 1-2\n- a\n', 'id: t\ntitle: T\ndays: 3\nrest: [3]\nhours: 2');
    expect(hoursOf(plan)).toEqual([2, 2, 0]);
  });
});

describe('the shipped plans', () => {
  it('6-week: 5-hour weekdays, 8- and 6-hour weekends, 6-hour practice days, a light last day; its statement 4 and 8', () => {
    const effort = planEffort(shipped('6-week'));
    const hours = effort.days.map((d) => d.hours);
    expect(hours.slice(0, 7)).toEqual([5, 5, 5, 5, 5, 8, 6]);
    expect(hours.slice(28, 35)).toEqual([6, 6, 6, 6, 6, 6, 6]);
    expect(hours.slice(35)).toEqual([5, 5, 5, 5, 5, 8, 3]);
    expect(effort.statement).toEqual({ weekday: 4, weekend: 8 });
    expect(effort.days.filter((d) => d.weekend).map((d) => d.day)).toEqual([6, 7, 13, 14, 20, 21, 27, 28, 34, 35, 41, 42]);
    expect(effort.total).toBe(234);
  });

  it('90-day: an hour a day; 37-day: 7 hours a day; the 28-day and 4-week plans: one share a day', () => {
    expect(new Set(hoursOf(shipped('90-day')))).toEqual(new Set([1]));
    expect(new Set(hoursOf(shipped('37-day-backend')))).toEqual(new Set([7]));
    expect(planEffort(shipped('28-day-data')).days.every((d) => d.source === 'equal' && d.hours === 1)).toBe(true);
    expect(planEffort(shipped('4-week-system-design')).total).toBeCloseTo(28, 9);
  });
});

describe('the shipped plans say what their seeds say', () => {
  it.each(['6-week', '90-day', '37-day-backend'])('%s: its front matter `hours` is the daily time its intro states', (id) => {
    const plan = shipped(id);
    expect(plan.hours).toBeDefined();
    expect(statedDailyHours(plan.intro)).toEqual(plan.hours);
  });

  it('6-week: day 1 is a Monday, so its "Weekend" days fall on Saturdays and Sundays, and validate finds nothing to warn of', () => {
    const plan = shipped('6-week');
    expect(plan.startsOn).toBe(0);
    const weekendTitled = plan.spans.filter((s) => /weekend/i.test(s.title)).map((s) => s.from);
    expect(weekendTitled).toEqual([6, 7, 13, 14, 20, 21, 27, 28]);
    expect(weekendTitled.every((day) => planEffort(plan).days[day - 1]!.weekend)).toBe(true);
    expect(warningsOf(readFileSync(join('curricula', '6-week.md'), 'utf8'))).toEqual([]);
  });
});

describe('plan validate warns where hours or weekdays cannot be right', () => {
  it('a day whose sections add up to more than 24 hours, at its heading', () => {
    const text = curriculum('### Day 1\n**Morning (20 hours)**\n- a\n\n**Evening (6 hours)**\n- b\n### Days 2-3\n**Block (25 hours)**\n- c\n\n## Final Checklist\n- [ ] x\n');
    expect(warningsOf(text)).toEqual([
      "6:1 Day 1's sections add up to 26 hours, more than a day has: check the hours in its labels",
      "12:1 Days 2-3: a day's sections add up to 25 hours, more than a day has: check the hours in its labels",
    ]);
  });

  it('24 hours is still a day', () => {
    expect(warningsOf(curriculum('### Days 1-3\n**Morning (12 hours)**\n- a\n\n**Night (12 hours)**\n- b\n'))).toEqual([]);
  });

  it('a "Weekend" day that `starts-on` puts on a weekday', () => {
    const text = curriculum('### Day 1\n- a\n### Day 2: Weekend Deep Dive\n- b\n### Day 3: Weekend Review\n- c\n', 'id: t\ntitle: T\ndays: 3\nstarts-on: friday');
    expect(warningsOf(text)).toEqual([]); // Saturday and Sunday
    const wrong = curriculum('### Day 1\n- a\n### Day 2: Weekend Deep Dive\n- b\n### Day 3\n- c\n', 'id: t\ntitle: T\ndays: 3\nstarts-on: monday');
    expect(warningsOf(wrong)).toEqual(['9:1 Day 2 is a weekend day by its title, but `starts-on: monday` (line 5) puts it on a Tuesday: check `starts-on`']);
  });
});
