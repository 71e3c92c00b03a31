// A state file (v1 or v2) as the log's first events: folded, they show exactly what the state
// showed; made twice, they are the same events, so an import or a second migration counts once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/log/fold.js';
import { compareStamps, type Clock } from '../../src/log/hlc.js';
import { stampOf } from '../../src/log/events.js';
import { stateToEvents, type MigrationOptions } from '../../src/log/migrate.js';
import { addDays } from '../../src/schedule/dates.js';
import { cleanStrings } from '../../src/state/clean.js';
import { checklistTicks, completions, mentionedIds, studyDates, type State } from '../../src/state/schema.js';
import { parseState } from '../../src/state/store.js';
import { FIXTURES } from '../helpers.js';
import { Device } from '../support/log-events.js';

type Viewed = Pick<State, 'activePlan' | 'plans' | 'rest' | 'log'>;

/** Everything a command derives from a state: the active plan, each plan's clock, rest days, and per plan what is done, ticked and named. */
function views(state: Viewed) {
  const planIds = [...new Set([...Object.keys(state.plans), ...state.log.map((e) => e.plan)])].sort();
  return {
    activePlan: state.activePlan,
    plans: Object.fromEntries(Object.entries(state.plans).sort(([a], [b]) => (a < b ? -1 : 1))),
    rest: [...new Set(state.rest)].sort(),
    studyDates: [...studyDates(state.log)].sort(),
    byPlan: planIds.map((plan) => ({ plan, done: [...completions(state.log, plan)], ticked: [...checklistTicks(state.log, plan)], mentioned: [...mentionedIds(state.log, plan)].sort() })),
  };
}

const options: MigrationOptions = { device: 'laptop', wall: Date.UTC(2026, 2, 10), date: '2026-03-10' };
const read = (value: unknown) => cleanStrings(parseState(typeof value === 'string' ? value : JSON.stringify(value)));

const v1 = {
  version: 1,
  activePlan: '6-week',
  plans: { '6-week': { start: '2026-03-02' }, '90-day': { start: '2026-01-10' } },
  rest: ['2026-03-08'],
  settings: { dayStart: 240, defaultPlan: '6-week' },
  log: [{ at: '2026-03-02T08:00:00.000Z', date: '2026-03-02', plan: '6-week', kind: 'done', id: 'd1-read', day: 1, text: 'Read' }],
};

// The shapes of tests/unit/migrations.test.ts and of the end-to-end tests' state files.
const SHAPES: [string, unknown][] = [
  ['a version 1 state', v1],
  ['a version 1 state with no active plan and a day start', { version: 1, activePlan: null, plans: { '6-week': { start: '2026-11-10' } }, rest: [], settings: { dayStart: 240, defaultPlan: '6-week' }, log: [] }],
  ['a version 1 backup\'s state', { ...v1, activePlan: '90-day', plans: { '90-day': { start: '2026-03-01' } }, log: [{ at: '2026-03-01T12:00:00.000Z', date: '2026-03-01', plan: '90-day', kind: 'done', id: 'x', day: 1 }] }],
  [
    'a version 2 state with pauses, undos, ticks and a rest day out of order',
    {
      version: 2,
      activePlan: '90-day',
      plans: { '6-week': { start: '2026-03-02', paused: [{ from: '2026-03-05', resume: '2026-03-07' }, { from: '2026-03-09' }] }, '90-day': { start: '2026-02-01', paused: [] } },
      rest: ['2026-03-20', '2026-03-08', '2026-03-20'],
      settings: { dayStart: 0, defaultPlan: '6-week' },
      log: [
        { at: '2026-03-02T08:00:00.000Z', date: '2026-03-02', plan: '6-week', kind: 'done', id: 'd1.a', day: 1, text: 'A' },
        { at: '2026-03-02T07:00:00.000Z', date: '2026-03-02', plan: '6-week', kind: 'done', id: 'd1.b', day: 1 },
        { at: 'not a time', date: '2026-03-02', plan: '6-week', kind: 'undo', id: 'd1.a', day: 1 },
        { at: '2026-03-03T08:00:00.000Z', date: '2026-03-01', plan: '6-week', kind: 'check', id: 'c1', text: 'Ready' },
        { at: '2026-03-03T08:00:00.000Z', date: '2026-03-03', plan: '90-day', kind: 'done', id: 'd1.a' },
        { at: '2026-03-04T08:00:00.000Z', date: '2026-03-04', plan: '6-week', kind: 'done', id: 'd1.a', day: 1, text: 'A again' },
      ],
    },
  ],
  ['the hostile fixture with escapes', readFileSync(join(FIXTURES, 'hostile', 'state', 'escapes.json'), 'utf8')],
  ['the hostile fixture with Object.prototype\'s keys', readFileSync(join(FIXTURES, 'hostile', 'state', 'prototype-keys.json'), 'utf8')],
];

describe('stateToEvents', () => {
  it.each(SHAPES)('%s folds to the same views', (_name, raw) => {
    const state = read(raw);
    expect(views(fold(stateToEvents(state, options)))).toEqual(views(state));
  });

  it('folds any version 2 state to the same views (property)', () => {
    const date = fc.integer({ min: 0, max: 60 }).map((n) => addDays('2026-01-01', n));
    const pauses = fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 4 }).chain((gaps) =>
      fc.boolean().map((open) => {
        let day = 0;
        const list = gaps.map((gap) => {
          const from = addDays('2026-02-01', (day += gap));
          const resume = addDays('2026-02-01', (day += gap));
          return { from, resume };
        });
        if (open && list.length > 0) list[list.length - 1] = { from: list.at(-1)!.from } as { from: string; resume: string };
        return list;
      }),
    );
    const planId = fc.constantFrom('6-week', '90-day', 'mine', '__proto__');
    const state = fc.record({
      version: fc.constant(2),
      activePlan: fc.option(planId, { nil: null }),
      plans: fc.dictionary(planId, fc.record({ start: date, paused: pauses })),
      rest: fc.array(date, { maxLength: 5 }),
      settings: fc.constant({ dayStart: 0, defaultPlan: '6-week' }),
      log: fc.array(
        fc.record({ at: fc.oneof(fc.integer({ min: 0, max: 10 ** 12 }).map((n) => new Date(Date.UTC(2026, 0, 1) + n).toISOString()), fc.string()), date, plan: planId, kind: fc.constantFrom('done', 'undo', 'check', 'uncheck'), id: fc.constantFrom('d1.a', 'd1.b', 'c1') }, { requiredKeys: ['at', 'date', 'plan', 'kind', 'id'] }),
        { maxLength: 30 },
      ),
    });
    fc.assert(
      fc.property(state, (raw) => {
        const parsed = read(raw);
        expect(views(fold(stateToEvents(parsed, options)))).toEqual(views(parsed));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps each log entry\'s own time, and its order when the clock that wrote it ran backwards', () => {
    const state = read(SHAPES[3]![1]);
    const events = stateToEvents(state, options);
    const ticks = events.filter((e) => e.kind === 'done' || e.kind === 'undo' || e.kind === 'check');
    expect(ticks.map((e) => 'at' in e && e.at)).toEqual(state.log.map((e) => e.at));
    for (let i = 1; i < events.length; i++) expect(compareStamps(stampOf(events[i - 1]!), stampOf(events[i]!))).toBeLessThan(0);
    // Plans, rest days and the active plan are stamped when the state was last true: after the log.
    expect(events.at(-1)!.hlc[0]).toBe(options.wall);
  });

  it('gives the same events, ids too, for the same state: imported twice or migrated on two machines, it counts once', () => {
    const state = read(SHAPES[3]![1]);
    const once = stateToEvents(state, options);
    expect(stateToEvents(read(SHAPES[3]![1]), options)).toEqual(once);
    expect(fold([...once, ...stateToEvents(state, options)]).events).toBe(once.length);
    // Another state gives other ids, even for the entries the two have in common.
    const other = stateToEvents({ ...state, rest: [] }, options);
    expect(new Set(other.map((e) => e.id)).size).toBe(other.length);
  });

  it('merged into a log written since, keeps what was done since: the newer switch and start win', () => {
    const backup = read(v1);
    const imported = stateToEvents(backup, { ...options, wall: Date.UTC(2026, 2, 3) });
    const desktop = new Device('desktop', Date.UTC(2026, 2, 5));
    const since = [desktop.write({ kind: 'start', date: '2026-03-05', plan: '90-day', start: '2026-03-05' }), desktop.write({ kind: 'switch', date: '2026-03-05', plan: '90-day' }), desktop.write({ kind: 'done', date: '2026-03-05', plan: '90-day', task: 'd1.x' })];
    const view = fold([...since, ...imported]);
    expect(view.activePlan).toBe('90-day');
    expect(view.plans['90-day']).toEqual({ start: '2026-03-05', paused: [] });
    expect(view.plans['6-week']).toEqual({ start: '2026-03-02', paused: [] });
    expect(studyDates(view.log)).toEqual(new Set(['2026-03-02', '2026-03-05']));
  });

  it('stamped after a clock, for an import that replaces: every event after it, the log\'s order kept', () => {
    const after: Clock = { wall: Date.UTC(2026, 5, 1), counter: 7, device: 'laptop' };
    const events = stateToEvents(read(SHAPES[3]![1]), { ...options, after });
    expect(events.every((e) => compareStamps(stampOf(e), after) > 0)).toBe(true);
    expect(views(fold(events))).toEqual(views(read(SHAPES[3]![1])));
  });

  it('carries the user\'s own curricula, so they travel with the log', () => {
    const events = stateToEvents(read(v1), { ...options, curricula: [{ id: 'mine', text: '---\nid: mine\n---\n' }] });
    expect(fold(events).curricula).toEqual({ mine: '---\nid: mine\n---\n' });
  });
});
