// On a terminal `prep plan rebalance` asks before applying, saying what it would move: no changes
// nothing, yes records the schedule.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planSwitch } from '../../src/commands/plan-switch.js';
import { planRebalance } from '../../src/commands/rebalance.js';
import { today } from '../../src/commands/today.js';
import { testContext } from '../helpers.js';

describe('prep plan rebalance on a terminal', () => {
  it('asks first: no changes nothing, yes applies it', async () => {
    const now = new Date(2026, 2, 10, 9, 0);
    const home = mkdtempSync(join(tmpdir(), 'prep-rebalance-'));
    const first = testContext({ interactive: false, now, dateArg: '2026-03-02' }, home);
    await planSwitch({ plan: '6-week' }, first);
    const asked: string[] = [];
    const ctx = testContext({ interactive: true, now, dateArg: '2026-03-10' }, home);
    const answer = (yes: boolean) => ({ checkbox: async () => [], select: async () => '', confirm: async (message: string) => (asked.push(message), yes) });

    const before = readFileSync(ctx.log.file, 'utf8');
    ctx.ask = answer(false);
    expect(await planRebalance({ until: '2026-04-30' }, ctx)).toMatchObject({ action: 'declined' });
    expect(readFileSync(ctx.log.file, 'utf8')).toBe(before);
    // Nothing done, from day 9: the plan's weekend days wait for weekends, so it fits only over capacity, and says so.
    expect(asked).toEqual(["Fit 6-week's 228 open tasks into the days to Thu 30 Apr 2026, ending on Sat 25 Apr 2026 instead of Sun 12 Apr 2026, 50% over your capacity?"]);

    ctx.ask = answer(true);
    const applied = await planRebalance({ until: '2026-04-30' }, ctx);
    expect(applied).toMatchObject({ action: 'rebalanced', target: { date: '2026-04-30', by: 'until' } });
    expect((await today({}, ctx)).end).toBe(applied.action === 'rebalanced' ? applied.newEnd : null);
  });
});
