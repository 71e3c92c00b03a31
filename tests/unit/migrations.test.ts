// State-schema migrations: explicit, idempotent, reversible where the data allows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StateError } from '../../src/errors.js';
import { LATEST_VERSION, migrate } from '../../src/state/migrations.js';
import { STATE_VERSION } from '../../src/state/schema.js';

const v1 = {
  version: 1,
  activePlan: '6-week',
  plans: { '6-week': { start: '2026-03-02' }, '90-day': { start: '2026-01-10' } },
  rest: ['2026-03-08'],
  settings: { dayStart: 240, defaultPlan: '6-week' },
  log: [{ at: '2026-03-02T08:00:00.000Z', date: '2026-03-02', plan: '6-week', kind: 'done', id: 'd1-read', day: 1, text: 'Read' }],
};

describe('migrate', () => {
  it('knows every version this prep writes', () => {
    expect(LATEST_VERSION).toBe(STATE_VERSION);
  });

  it('upgrades version 1: every plan gets an empty list of pauses, nothing else changes', () => {
    const v2 = migrate(v1, 2);
    expect(v2).toEqual({ ...v1, version: 2, plans: { '6-week': { start: '2026-03-02', paused: [] }, '90-day': { start: '2026-01-10', paused: [] } } });
    expect(v1.version).toBe(1); // the input is not modified
  });

  it('is idempotent: migrating to the version a state has changes nothing', () => {
    const v2 = migrate(v1, 2);
    expect(migrate(v2, 2)).toEqual(v2);
    expect(migrate(v1, 1)).toEqual(v1);
  });

  it('upgrade → downgrade → upgrade leaves identical data', () => {
    const up = migrate(v1, 2);
    const down = migrate(up, 1);
    expect(down).toEqual(v1);
    expect(migrate(down, 2)).toEqual(up);
  });

  it('refuses to downgrade a state whose pauses version 1 cannot hold', () => {
    const paused = { ...migrate(v1, 2), plans: { '6-week': { start: '2026-03-02', paused: [{ from: '2026-03-05' }] } } };
    expect(() => migrate(paused, 1)).toThrow(StateError);
    expect(() => migrate(paused, 1)).toThrow('the plan "6-week" has pauses, which state version 1 cannot hold');
  });

  it.each([
    [{ ...v1, version: 'one' }, 'no known version'],
    [{ ...v1, version: 0 }, 'no known version'],
    [{ ...v1, version: 9 }, 'newer than this prep knows'],
  ])('refuses a state it cannot know (%#)', (state, message) => {
    expect(() => migrate(state, 2)).toThrow(message);
  });

  it('round-trips any version-1 state (property)', () => {
    const date = fc.integer({ min: 0, max: 2000 }).map((n) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10));
    const state = fc.record({
      version: fc.constant(1),
      activePlan: fc.option(fc.string(), { nil: null }),
      plans: fc.dictionary(fc.string({ minLength: 1 }), fc.record({ start: date })),
      rest: fc.array(date),
      settings: fc.record({ dayStart: fc.integer({ min: 0, max: 1439 }), defaultPlan: fc.string() }),
      log: fc.array(fc.record({ at: fc.string(), date, plan: fc.string(), kind: fc.constantFrom('done', 'undo', 'check', 'uncheck'), id: fc.string() })),
    });
    fc.assert(
      fc.property(state, (s) => {
        const up = migrate(s, 2);
        expect(migrate(up, 1)).toEqual(s);
        expect(migrate(migrate(up, 1), 2)).toEqual(up);
      }),
    );
  });
});
