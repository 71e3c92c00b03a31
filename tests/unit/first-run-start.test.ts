// The first run on a terminal, on a weekday other than the one a plan's day 1 is (the 6-week
// plan's Monday): it offers the next start that keeps the plan's weekend days on weekends,
// preselected, or today; without a terminal it starts today and names that start.
import { describe, expect, it } from 'vitest';
import type { Choice } from '../../src/ask.js';
import { today } from '../../src/commands/today.js';
import { testContext } from '../helpers.js';

describe('the first run of a weekday plan on another weekday', () => {
  // Wednesday 4 March 2026, in the morning.
  const now = new Date(2026, 2, 4, 9, 0);
  const asking = (startAnswer: (choices: Choice[]) => string, asked: { message: string; choices: Choice[]; preselected?: string }[]) => ({
    checkbox: async () => [],
    select: async (message: string, choices: Choice[], preselected?: string) => {
      asked.push({ message, choices, preselected });
      return message.startsWith('Which plan') ? '6-week' : startAnswer(choices);
    },
    confirm: async () => false,
  });

  it('offers the next Monday first, and starts the plan then when picked', async () => {
    const asked: { message: string; choices: Choice[]; preselected?: string }[] = [];
    const ctx = testContext({ interactive: true, now, dateArg: '2026-03-04' });
    ctx.ask = asking((choices) => choices[0]!.value, asked);
    const page = await today({}, ctx);
    expect(asked.map((a) => a.message)).toEqual(['Which plan do you want to start today?', "6-week's day 1 is a Monday, and today is a Wednesday. Start it on"]);
    expect(asked[1]!.choices.map((c) => c.value)).toEqual(['2026-03-09', '2026-03-04']);
    expect(asked[1]!.preselected).toBe('2026-03-09');
    expect(asked[1]!.choices[0]!.name).toBe('Mon 9 Mar 2026, the next Monday: its weekend days on Saturdays and Sundays');
    expect(page).toMatchObject({ plan: { id: '6-week' }, status: 'not-started', start: '2026-03-09' });
    expect(ctx.notes).toEqual([expect.stringMatching(/^Started the plan 6-week \(.+\) on 2026-03-09\. `prep plan list` shows the others; `prep plan switch ID` changes plan\.$/)]);
    // Asked once: the plan has started.
    expect((await today({}, ctx)).start).toBe('2026-03-09');
    expect(asked).toHaveLength(2);
  });

  it('starts it today when today is picked, and says what that does to its weekend days', async () => {
    const asked: { message: string; choices: Choice[]; preselected?: string }[] = [];
    const ctx = testContext({ interactive: true, now, dateArg: '2026-03-04' });
    ctx.ask = asking((choices) => choices[1]!.value, asked);
    expect(await today({}, ctx)).toMatchObject({ status: 'active', day: 1, start: '2026-03-04' });
    expect(ctx.notes[0]).toContain("6-week's day 1 is a Monday: starting it on a Wednesday puts its weekend days on Mondays and Tuesdays.");
  });

  it('without a terminal starts it today and names the aligned start', async () => {
    const ctx = testContext({ interactive: false, now, dateArg: '2026-03-04' });
    expect(await today({}, ctx)).toMatchObject({ start: '2026-03-04' });
    expect(ctx.notes[0]).toContain('`prep plan switch 6-week --start monday` starts it on Mon 9 Mar 2026 instead.');
  });
});
