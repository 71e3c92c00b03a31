// The prompts: the real inquirer checkbox driven by @inquirer/testing, and the commands that use them.
import { render } from '@inquirer/testing';
import { checkbox, select } from '@inquirer/prompts';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markTasks } from '../../src/commands/done.js';
import { importState } from '../../src/commands/import-state.js';
import { planSwitch } from '../../src/commands/plan-switch.js';
import { today } from '../../src/commands/today.js';
import { createContext } from '../../src/context.js';
import { PLAIN_STYLE } from '../../src/render/style.js';
import { checkboxConfig, selectConfig, type Choice } from '../../src/ask.js';
import { emptyState } from '../../src/state/schema.js';
import { testContext } from '../helpers.js';

const choices: Choice[] = [
  { name: '1. Read the framework chapter', value: 'd1.read' },
  { name: '2. Design a URL shortener', value: 'd1.design' },
  { name: '3. Review notes', value: 'd1.review' },
];

describe('the checkbox of today\'s tasks', () => {
  it('shows the tasks; space marks the first, enter saves it', async () => {
    const { answer, events, getScreen } = await render(checkbox, checkboxConfig('Which tasks did you finish?', choices));
    expect(getScreen()).toContain('Which tasks did you finish?');
    expect(getScreen()).toContain('1. Read the framework chapter');
    events.keypress('space');
    events.keypress('enter');
    await expect(answer).resolves.toEqual(['d1.read']);
  });

  it('moves down and marks the second and third', async () => {
    const { answer, events } = await render(checkbox, checkboxConfig('Which tasks did you finish?', choices));
    events.keypress('down');
    events.keypress('space');
    events.keypress('down');
    events.keypress('space');
    events.keypress('enter');
    await expect(answer).resolves.toEqual(['d1.design', 'd1.review']);
  });

  it('picks a plan from the select, starting at the active one', async () => {
    const plans = [{ name: '6-week', value: '6-week' }, { name: '90-day', value: '90-day' }];
    const { answer, events, getScreen } = await render(select, selectConfig('Switch to which plan?', plans, '6-week'));
    expect(getScreen()).toContain('6-week');
    events.keypress('down');
    events.keypress('enter');
    await expect(answer).resolves.toBe('90-day');
  });
});

describe('when prompts are allowed', () => {
  const streams = (tty: boolean) => ({ env: {}, stdin: { isTTY: tty }, stdout: { isTTY: tty }, stderr: { write: () => true }, cwd: '/' });
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ input: false }, true, false],
    [{ json: true }, true, false], // a prompt would corrupt the JSON on stdout
  ])('options %j on a terminal: %s → %s', (options, tty, expected) => {
    expect(createContext(options, streams(tty), { checkbox: async () => [], select: async () => '', confirm: async () => false }, PLAIN_STYLE).interactive).toBe(expected);
  });

  it('never under TERM=dumb, which cannot draw one', () => {
    const dumb = { ...streams(true), env: { TERM: 'dumb' } };
    expect(createContext({}, dumb, { checkbox: async () => [], select: async () => '', confirm: async () => false }, PLAIN_STYLE).interactive).toBe(false);
  });
});

describe('commands that prompt on a terminal', () => {
  const now = new Date(2026, 2, 2, 9, 0);

  it('`prep done` with no numbers marks what the checkbox returns', async () => {
    const offered: string[][] = [];
    const ctx = testContext({ interactive: true, now, dateArg: '2026-03-02' });
    ctx.ask = {
      checkbox: async (_message, list) => {
        offered.push(list.map((c) => c.name));
        return [list[0]!.value];
      },
      select: async () => '6-week',
      confirm: async () => false,
    };
    const data = await markTasks({ numbers: [] }, 'done', ctx);
    expect(offered[0]).toHaveLength(8);
    expect(offered[0]![0]).toBe('1. Read: `02_system_design_FAANG.md` - Framework section');
    expect(data.changed.map((t) => t.n)).toEqual([1]);
    expect(data.dayProgress).toEqual({ done: 1, total: 8 });
    // undo offers only what is done
    const undo = await markTasks({ numbers: [] }, 'undo', ctx);
    expect(offered[1]).toEqual(['1. Read: `02_system_design_FAANG.md` - Framework section']);
    expect(undo.dayProgress).toEqual({ done: 0, total: 8 });
  });

  it('`prep done --day 2` names the day its checkbox marks', async () => {
    const messages: string[] = [];
    const ctx = testContext({ interactive: true, now: new Date(2026, 2, 4, 9, 0), dateArg: '2026-03-04' });
    // A first run on a Wednesday: the 6-week plan, started today rather than on the Monday offered.
    ctx.ask = { checkbox: async (message) => (messages.push(message), []), select: async (message) => (message.startsWith('Which plan') ? '6-week' : '2026-03-04'), confirm: async () => false };
    await markTasks({ numbers: [], day: '2' }, 'done', ctx);
    await markTasks({ numbers: [] }, 'done', ctx);
    expect(messages).toEqual(['Which tasks of day 2 did you finish?', 'Which tasks did you finish?']);
  });

  it('`prep plan switch` with no id switches to the plan the select returns', async () => {
    const ctx = testContext({ interactive: true, now });
    ctx.ask = { checkbox: async () => [], select: async () => '90-day', confirm: async () => false };
    expect((await planSwitch({}, ctx)).plan.id).toBe('90-day');
  });

  it('`prep plan switch` offers titles, lengths, progress and the active mark, starting at the active plan', async () => {
    const ctx = testContext({ interactive: true, now, dateArg: '2026-03-02', columns: 120 });
    await planSwitch({ plan: '6-week' }, ctx);
    await markTasks({ numbers: ['1', '2'] }, 'done', ctx);
    const asked: { choices: Choice[]; preselected: string | undefined }[] = [];
    ctx.ask = { checkbox: async () => [], select: async (_message, choices, preselected) => (asked.push({ choices, preselected }), '90-day'), confirm: async () => false };
    await planSwitch({}, ctx);
    expect(asked[0]!.preselected).toBe('6-week');
    const names = Object.fromEntries(asked[0]!.choices.map((choice) => [choice.value, choice.name]));
    expect(names['6-week']).toBe('* 6-week · 6-Week Intensive — Principal Backend Engineer · 42 days · 2/228 done');
    expect(names['90-day']).toBe('  90-day · 90-Day Staff/Sr. Staff Engineer Interview Preparation Plan · 90 days · not started');
    // Back again: 90-day is active now, and started.
    await planSwitch({}, ctx);
    expect(asked[1]!.preselected).toBe('90-day');
    expect(asked[1]!.choices.find((choice) => choice.value === '90-day')!.name).toBe('* 90-day · 90-Day Staff/Sr. Staff Engineer Interview Preparation Plan · 90 days · 0/145 done');
  });

  it('`prep plan switch` of a Monday plan on a Wednesday offers the next Monday first, or today', async () => {
    const asked: { message: string; choices: Choice[]; preselected: string | undefined }[] = [];
    const answering = (pick: (choices: Choice[]) => string) => ({ checkbox: async () => [], select: async (message: string, list: Choice[], preselected?: string) => (asked.push({ message, choices: list, preselected }), pick(list)), confirm: async () => false });
    const monday = testContext({ interactive: true, now: new Date(2026, 2, 4, 9), dateArg: '2026-03-04' });
    monday.ask = answering((list) => list[0]!.value);
    expect(await planSwitch({ plan: '6-week' }, monday)).toMatchObject({ start: '2026-03-09', status: 'not-started', misaligned: null });
    expect(asked[0]).toEqual({
      message: "6-week's day 1 is a Monday, and today is a Wednesday. Start it on",
      choices: [
        { name: 'Mon 9 Mar 2026, the next Monday: its weekend days on Saturdays and Sundays', value: '2026-03-09' },
        { name: 'today, Wed 4 Mar 2026: its weekend days on Mondays and Tuesdays', value: '2026-03-04' },
      ],
      preselected: '2026-03-09',
    });
    const wednesday = testContext({ interactive: true, now: new Date(2026, 2, 4, 9), dateArg: '2026-03-04' });
    wednesday.ask = answering((list) => list[1]!.value);
    expect(await planSwitch({ plan: '6-week' }, wednesday)).toMatchObject({ start: '2026-03-04', status: 'active', misaligned: { next: '2026-03-09', startArg: 'monday' } });
    // A start named with --start, a plan resumed, or a plan of no weekdays asks nothing.
    expect(asked).toHaveLength(2);
    await planSwitch({ plan: '6-week', start: '2026-03-04' }, wednesday);
    await planSwitch({ plan: '6-week' }, wednesday);
    await planSwitch({ plan: '90-day' }, wednesday);
    expect(asked).toHaveLength(2);
  });

  it('`prep import-state` asks first: no changes nothing, yes merges the backup (nothing dropped), --replace sets the state aside', async () => {
    const ctx = testContext({ interactive: true, now, dateArg: '2026-03-02' });
    await planSwitch({ plan: '6-week' }, ctx);
    await markTasks({ numbers: ['1'] }, 'done', ctx);
    const before = readFileSync(ctx.log.file, 'utf8');
    const file = join(ctx.paths.stateDir, 'backup.json');
    const backup = { format: 'prep-state', version: 2, exportedAt: now.toISOString(), state: { ...emptyState('6-week'), activePlan: '6-week', plans: { '6-week': { start: '2026-03-02', paused: [] } } } };
    writeFileSync(file, JSON.stringify(backup));
    const asked: string[] = [];
    const answer = (yes: boolean) => ({ checkbox: async () => [], select: async () => '', confirm: async (message: string) => (asked.push(message), yes) });

    ctx.ask = answer(false);
    expect(await importState({ file }, ctx)).toMatchObject({ imported: false });
    expect(readFileSync(ctx.log.file, 'utf8')).toBe(before);
    expect(asked[0]).toContain('Merge');
    expect(asked[0]).toContain('active plan 6-week, 0 log entries');

    ctx.ask = answer(true);
    expect(await importState({ file }, ctx)).toMatchObject({ imported: true, mode: 'merge' });
    expect(readFileSync(ctx.log.file, 'utf8').startsWith(before)).toBe(true); // appended to, never rewritten
    expect((await today({}, ctx)).progress.done).toBe(1);

    expect(await importState({ file, replace: true }, ctx)).toMatchObject({ imported: true, mode: 'replace' });
    expect(asked[2]).toContain('Replace your state');
    expect((await today({}, ctx)).progress.done).toBe(0);
  });

  it('never prompts without a terminal: a usage error naming what to pass', async () => {
    const ctx = testContext({ interactive: false, now, dateArg: '2026-03-02' });
    await expect(markTasks({ numbers: [] }, 'done', ctx)).rejects.toThrow('which tasks? Pass their numbers (1-8), or --all');
    await expect(planSwitch({}, ctx)).rejects.toThrow('which plan? Name it: prep plan switch ID');
    const backup = join(ctx.paths.stateDir, 'backup.json');
    writeFileSync(backup, JSON.stringify(emptyState('6-week')));
    await expect(importState({ file: backup }, ctx)).rejects.toThrow('confirm with --yes');
  });
});

describe('the first run on a terminal', () => {
  const now = new Date(2026, 2, 2, 9, 0);
  interface Asked {
    message: string;
    choices: Choice[];
    preselected: string | undefined;
  }
  const picking = (id: string, asked: Asked[]) => ({
    checkbox: async () => [],
    select: async (message: string, choices: Choice[], preselected?: string) => (asked.push({ message, choices, preselected }), id),
    confirm: async () => false,
  });

  it('asks which plan to start, with titles and lengths and 6-week preselected, then starts it and says so', async () => {
    const asked: Asked[] = [];
    const ctx = testContext({ interactive: true, now, dateArg: '2026-03-02', columns: 120 });
    ctx.ask = picking('90-day', asked);
    const data = await today({}, ctx);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.message).toBe('Which plan do you want to start today?');
    expect(asked[0]!.preselected).toBe('6-week');
    expect(asked[0]!.choices.map((choice) => choice.value)).toEqual(['28-day-data', '37-day-backend', '4-week-system-design', '6-week', '90-day']);
    expect(asked[0]!.choices.find((choice) => choice.value === '6-week')!.name).toBe('6-week · 6-Week Intensive — Principal Backend Engineer · 42 days');
    expect(asked[0]!.choices.find((choice) => choice.value === '90-day')!.name).toMatch(/^90-day · .+ · 90 days$/);
    expect(data).toMatchObject({ plan: { id: '90-day' }, day: 1, start: '2026-03-02' });
    expect(ctx.notes).toEqual([expect.stringMatching(/^Started the plan 90-day \(.+\) on 2026-03-02\./)]);
    // Only the run that starts the first plan asks.
    ctx.ask = picking('6-week', asked);
    expect((await today({}, ctx)).plan.id).toBe('90-day');
    expect(asked).toHaveLength(1);
  });

  it('fits each choice in the terminal: the title gives way', async () => {
    const asked: Asked[] = [];
    const ctx = testContext({ interactive: true, now, dateArg: '2026-03-02', columns: 50 });
    ctx.ask = picking('6-week', asked);
    await today({}, ctx);
    for (const choice of asked[0]!.choices) expect([...choice.name].length).toBeLessThanOrEqual(47);
    expect(asked[0]!.choices.find((choice) => choice.value === '6-week')!.name).toMatch(/^6-week · 6-Week Intensive — .*… · 42 days$/);
  });

  it('marks a task of the plan picked when the first run is `prep done 1`', async () => {
    const asked: Asked[] = [];
    const ctx = testContext({ interactive: true, now, dateArg: '2026-03-02' });
    ctx.ask = picking('4-week-system-design', asked);
    const data = await markTasks({ numbers: ['1'] }, 'done', ctx);
    expect(asked).toHaveLength(1);
    expect(data).toMatchObject({ plan: '4-week-system-design', day: 1, dayProgress: { done: 1, total: 5 } });
  });

  it('preselects the default-plan setting', async () => {
    const asked: Asked[] = [];
    const ctx = testContext({ interactive: true, now, dateArg: '2026-03-02' });
    await ctx.store.updateSettings({ defaultPlan: '37-day-backend' });
    ctx.ask = picking('37-day-backend', asked);
    await today({}, ctx);
    expect(asked[0]!.preselected).toBe('37-day-backend');
  });

  it('asks nothing, and writes nothing, when it only previews a future day', async () => {
    const ctx = testContext({ interactive: true, now, dateArg: '2026-03-09' }); // the scripted prompter throws if asked
    expect((await today({}, ctx)).plan.id).toBe('6-week');
    expect(existsSync(ctx.paths.logDir)).toBe(false);
    expect(existsSync(ctx.paths.configFile)).toBe(false);
  });

  it('without a terminal starts the default plan and says so, as before', async () => {
    const ctx = testContext({ interactive: false, now, dateArg: '2026-03-02' });
    expect((await today({}, ctx)).plan.id).toBe('6-week');
    expect(ctx.notes).toEqual([expect.stringMatching(/^Started the plan 6-week /)]);
  });
});
