// The fold of the study log is a function of the set of events: any order, any copies, any
// grouping into files give the same views; conflicting intents resolve by stamp, the same way on
// every machine; and a kept checkpoint plus new events gives what folding everything gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkpointOf, checkpointView, deserializeFold, extend, serializeFold, settle, type TailPolicy } from '../../src/log/checkpoint.js';
import { fold, SCHEDULES_KEPT, sortUnique } from '../../src/log/fold.js';
import { receive, tick } from '../../src/log/hlc.js';
import { checkEvent, type LogEvent } from '../../src/log/events.js';
import { checklistTicks, completions, mentionedIds, type StateEvent } from '../../src/state/schema.js';
import { checkState } from '../../src/state/store.js';
import { Device, deviceLog, deviceLogs, T0 } from '../support/log-events.js';

const HOUR = 3_600_000;

/** A permutation of `events` with some of them twice (a conflict copy, a file read twice). */
const shuffledWithCopies = (events: LogEvent[]) =>
  fc.tuple(fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }), fc.subarray(events)).chain(([order, copies]) =>
    fc.shuffledSubarray([...order, ...copies.map((e) => structuredClone(e))], { minLength: order.length + copies.length, maxLength: order.length + copies.length }),
  );

describe('fold is a function of the set of events (properties)', () => {
  it('any order of the devices\' events, with copies, gives the same views', () => {
    fc.assert(
      fc.property(
        deviceLogs.chain(([a, b, c]) => fc.tuple(fc.constant([...a, ...b, ...c]), shuffledWithCopies([...a, ...b, ...c]))),
        ([all, shuffled]) => {
          expect(fold(shuffled)).toEqual(fold(all));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is commutative, associative and idempotent over device logs', () => {
    fc.assert(
      fc.property(deviceLogs, ([a, b, c]) => {
        expect(fold([...a, ...b])).toEqual(fold([...b, ...a]));
        expect(fold([...a, ...b, ...c])).toEqual(fold([...c, ...b, ...a]));
        // (A ∪ B) ∪ C = A ∪ (B ∪ C), the unions made as sets first.
        const ab = sortUnique([...a, ...b]);
        const bc = sortUnique([...b, ...c]);
        expect(fold([...ab, ...c])).toEqual(fold([...a, ...bc]));
        expect(fold([...a, ...a])).toEqual(fold(a));
        expect(fold([...a, ...b, ...a]).events).toBe(a.length + b.length);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps one tick per task, and replayed they give what every tick replayed gives, in the same order', () => {
    fc.assert(
      fc.property(deviceLogs, ([a, b, c]) => {
        const events = [...a, ...b, ...c].filter((e) => e.kind !== 'import');
        const everyTick: StateEvent[] = sortUnique(events).flatMap((e) =>
          e.kind === 'done' || e.kind === 'undo' || e.kind === 'check' || e.kind === 'uncheck' ? [{ at: '', date: e.date as string, plan: e.plan as string, kind: e.kind, id: e.task as string, day: e.day as number, text: e.text as string }] : [],
        );
        const { log } = fold(events);
        for (const plan of new Set(everyTick.map((e) => e.plan))) {
          expect([...completions(log, plan)]).toEqual([...completions(everyTick, plan)]);
          expect([...checklistTicks(log, plan)]).toEqual([...checklistTicks(everyTick, plan)]);
          expect(mentionedIds(log, plan)).toEqual(mentionedIds(everyTick, plan));
        }
        expect(new Set(log.map((e) => `${e.plan} ${e.kind === 'done' || e.kind === 'undo'} ${e.id}`)).size).toBe(log.length);
      }),
      { numRuns: 500 },
    );
  });

  it('always gives plans and pauses the state file can hold', () => {
    fc.assert(
      fc.property(deviceLogs, ([a, b, c]) => {
        const view = fold([...a, ...b, ...c]);
        const state = { version: 2, activePlan: view.activePlan, plans: view.plans, rest: view.rest, settings: { dayStart: 0, defaultPlan: '6-week' }, log: view.log };
        expect(() => checkState(structuredClone(state))).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

describe('a checkpoint and the events after it (properties)', () => {
  const small: TailPolicy = { ms: 2 * HOUR, max: 5 };

  it('fold of A ∪ B is the checkpoint of A, kept as JSON, extended by B, or B sorts before its cut', () => {
    fc.assert(
      fc.property(deviceLogs, fc.nat(), ([a, b, c], at) => {
        const all = [...a, ...b, ...c];
        const sorted = sortUnique(all);
        // Any split: the old part in a checkpoint (as a snapshot keeps it), the new part read since.
        const split = sorted.length === 0 ? 0 : at % (sorted.length + 1);
        const kept = checkpointOf(sorted.slice(0, split), small);
        const restored = { base: deserializeFold(JSON.parse(JSON.stringify(serializeFold(kept.base)))), tail: JSON.parse(JSON.stringify(kept.tail)) as LogEvent[] };
        // The new part in any order, with some of the old read again (a conflict copy).
        const fresh = [...sorted.slice(split).reverse(), ...sorted.slice(0, split).filter((_, i) => i % 3 === 0)];
        const extended = extend(restored, fresh);
        const cut = kept.base.last;
        if (extended === undefined) {
          expect(cut).not.toBeNull();
          expect(fresh.some((event) => event.hlc[0] < cut!.wall || (event.hlc[0] === cut!.wall && (event.hlc[1] < cut!.counter || (event.hlc[1] === cut!.counter && event.dev <= cut!.device))))).toBe(true);
        } else {
          expect(checkpointView(extended)).toEqual(fold(all));
          expect(checkpointView(settle(extended, small))).toEqual(fold(all));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('new events after the last one always extend a checkpoint', () => {
    fc.assert(
      fc.property(deviceLog('laptop'), fc.nat(), (events, at) => {
        const split = events.length === 0 ? 0 : at % (events.length + 1);
        const extended = extend(checkpointOf(events.slice(0, split), small), events.slice(split));
        expect(extended).toBeDefined();
        expect(checkpointView(extended!)).toEqual(fold(events));
      }),
    );
  });

  it('keeps at most the policy\'s events in the tail, and the last ones', () => {
    const device = new Device('laptop');
    const events = Array.from({ length: 20 }, (_, n) => device.write({ kind: 'rest', date: '2026-03-02', on: `2026-03-${String(n + 1).padStart(2, '0')}` }, HOUR));
    const checkpoint = checkpointOf(events, small);
    expect(checkpoint.tail).toEqual(events.slice(-2)); // two hours' worth, under the cap of five
    expect(checkpoint.base.events).toBe(18);
    expect(checkpointOf(events, { ms: 100 * HOUR, max: 5 }).tail).toEqual(events.slice(-5));
  });
});

describe('conflicting intents resolve by stamp, the same way everywhere', () => {
  const day = '2026-03-02';

  it('two devices switch plan on the same day: the later stamp wins, on both', () => {
    const laptop = new Device('laptop');
    const desktop = new Device('desktop');
    const a = laptop.write({ kind: 'switch', date: day, plan: '6-week' }, 1000);
    const b = desktop.write({ kind: 'switch', date: day, plan: '90-day' }, 2000);
    expect(fold([a, b]).activePlan).toBe('90-day');
    expect(fold([b, a]).activePlan).toBe('90-day');
  });

  it('a device an hour behind, having read the other, still orders its later switch after it', () => {
    const laptop = new Device('laptop', T0);
    const first = laptop.write({ kind: 'switch', date: day, plan: '6-week' });
    // The desktop's clock is an hour behind; it reads the laptop's log, then switches.
    let clock = receive({ wall: 0, counter: 0, device: 'desktop' }, { wall: first.hlc[0], counter: first.hlc[1] }, T0 - HOUR);
    clock = tick(clock, T0 - HOUR + 5000);
    const later = { id: 'd1', dev: 'desktop', hlc: [clock.wall, clock.counter] as [number, number], date: day, kind: 'switch' as const, plan: '90-day' };
    expect(fold([later, first]).activePlan).toBe('90-day');
  });

  it('a first run names the active plan and the start only when there are none yet', () => {
    const laptop = new Device('laptop');
    const desktop = new Device('desktop');
    const events = [
      laptop.write({ kind: 'switch', date: '2026-03-01', plan: '6-week', first: true }, 0),
      laptop.write({ kind: 'start', date: '2026-03-01', plan: '6-week', start: '2026-03-01', first: true }, 0),
      // The desktop, not synced yet, runs prep for the first time two days later.
      desktop.write({ kind: 'switch', date: '2026-03-03', plan: '90-day', first: true }, 2 * 86_400_000),
      desktop.write({ kind: 'start', date: '2026-03-03', plan: '6-week', start: '2026-03-03', first: true }, 2 * 86_400_000),
    ];
    const view = fold(events);
    expect(view.activePlan).toBe('6-week');
    expect(view.plans['6-week']).toEqual({ start: '2026-03-01', paused: [] });
    // A start without `first` is a fresh run: its date, no pauses.
    const restart = laptop.write({ kind: 'start', date: '2026-03-09', plan: '6-week', start: '2026-03-09' }, 6 * 86_400_000);
    expect(fold([...events, restart]).plans['6-week']).toEqual({ start: '2026-03-09', paused: [] });
  });

  it('pauses: a second pause while paused, a resume with nothing paused, a pause inside the last one, change nothing', () => {
    const laptop = new Device('laptop');
    const desktop = new Device('desktop');
    const start = laptop.write({ kind: 'start', date: '2026-03-01', plan: '6-week', start: '2026-03-01' });
    const pauseA = laptop.write({ kind: 'pause', date: '2026-03-05', plan: '6-week', from: '2026-03-05' });
    const pauseB = desktop.write({ kind: 'pause', date: '2026-03-06', plan: '6-week', from: '2026-03-06' }, 5000);
    const resume = laptop.write({ kind: 'resume', date: '2026-03-08', plan: '6-week', on: '2026-03-08' }, 10_000);
    const resumeAgain = desktop.write({ kind: 'resume', date: '2026-03-09', plan: '6-week', on: '2026-03-09' }, 20_000);
    const inside = desktop.write({ kind: 'pause', date: '2026-03-07', plan: '6-week', from: '2026-03-07' }, 30_000);
    expect(fold([start, pauseA, pauseB, resume, resumeAgain, inside]).plans['6-week']!.paused).toEqual([{ from: '2026-03-05', resume: '2026-03-08' }]);
    // Resumed the day it began: no pause at all.
    const sameDay = laptop.write({ kind: 'resume', date: '2026-03-05', plan: '6-week', on: '2026-03-05' }, 1);
    expect(fold([start, pauseA, sameDay]).plans['6-week']!.paused).toEqual([]);
    // A pause of a plan never started is nothing.
    expect(fold([laptop.write({ kind: 'pause', date: day, plan: '90-day', from: day })]).plans['90-day']).toBeUndefined();
  });

  it('catch-up moves the start only from the start it was worked out on; two at once move it once', () => {
    const laptop = new Device('laptop');
    const desktop = new Device('desktop');
    const start = laptop.write({ kind: 'start', date: '2026-03-01', plan: '6-week', start: '2026-03-01' });
    const pause = laptop.write({ kind: 'pause', date: '2026-03-02', plan: '6-week', from: '2026-03-02' });
    const a = laptop.write({ kind: 'catch-up', date: '2026-03-10', plan: '6-week', from: '2026-03-01', start: '2026-03-04' });
    const b = desktop.write({ kind: 'catch-up', date: '2026-03-10', plan: '6-week', from: '2026-03-01', start: '2026-03-03' }, 9000);
    expect(fold([start, pause, a, b]).plans['6-week']).toEqual({ start: '2026-03-04', paused: [{ from: '2026-03-02' }] });
  });

  it('rest days: the last of declare and take back wins', () => {
    const laptop = new Device('laptop');
    const desktop = new Device('desktop');
    const rest = laptop.write({ kind: 'rest', date: day, on: day });
    const undo = desktop.write({ kind: 'rest-undo', date: day, on: day }, 5000);
    expect(fold([undo, rest]).rest).toEqual([]);
    expect(fold([rest, undo, laptop.write({ kind: 'rest', date: day, on: day }, 9000)]).rest).toEqual([day]);
  });

  it('ticks replay as the state file\'s log did: the last of done and undo for each task wins, undone ones still named', () => {
    const laptop = new Device('laptop');
    const desktop = new Device('desktop');
    const done = laptop.write({ kind: 'done', date: day, plan: '6-week', task: 'd1.read', day: 1, text: 'Read' });
    const undo = desktop.write({ kind: 'undo', date: day, plan: '6-week', task: 'd1.read', day: 1, text: 'Read' }, 5000);
    const check = laptop.write({ kind: 'check', date: day, plan: '6-week', task: 'd1.read', text: 'Ready' }, 6000);
    const view = fold([check, undo, done]);
    expect(view.log.map((e) => [e.kind, e.id])).toEqual([
      ['undo', 'd1.read'],
      ['check', 'd1.read'],
    ]);
    expect(view.log[0]).toEqual({ at: new Date(undo.hlc[0]).toISOString(), date: day, plan: '6-week', kind: 'undo', id: 'd1.read', day: 1, text: 'Read' });
  });

  it('plan-file carries a curriculum, plan-remove takes it away; the last one wins', () => {
    const laptop = new Device('laptop');
    const add = laptop.write({ kind: 'plan-file', date: day, plan: 'mine', text: '---\nid: mine\n---\n' });
    expect(fold([add]).curricula).toEqual({ mine: '---\nid: mine\n---\n' });
    expect(fold([add, laptop.write({ kind: 'plan-remove', date: day, plan: 'mine' })]).curricula).toEqual({});
  });

  it('a replacing import sets aside what came before it; what came after stays', () => {
    const laptop = new Device('laptop');
    const before = [laptop.write({ kind: 'switch', date: day, plan: '6-week' }), laptop.write({ kind: 'rest', date: day, on: day }), laptop.write({ kind: 'done', date: day, plan: '6-week', task: 'd1.read' })];
    const replace = laptop.write({ kind: 'import', date: day, source: 'backup.json', events: 1, replace: true });
    const after = laptop.write({ kind: 'switch', date: day, plan: '90-day' });
    const view = fold([...before, replace, after]);
    expect(view).toMatchObject({ activePlan: '90-day', rest: [], log: [], events: 5 });
    // A merging import is only a note: everything stays.
    expect(fold([...before, { ...replace, replace: undefined }]).log).toHaveLength(1);
  });

  it('a deadline per plan: the last set or clear wins, on every device', () => {
    const laptop = new Device('laptop');
    const desktop = new Device('desktop');
    const set = laptop.write({ kind: 'deadline', date: day, plan: '6-week', on: '2026-04-20' });
    const other = laptop.write({ kind: 'deadline', date: day, plan: '90-day', on: '2026-06-01' });
    const clear = desktop.write({ kind: 'deadline', date: day, plan: '6-week', on: null }, 5000);
    expect(fold([set, other]).deadlines).toEqual({ '6-week': '2026-04-20', '90-day': '2026-06-01' });
    expect(fold([clear, other, set]).deadlines).toEqual({ '90-day': '2026-06-01' });
    const again = laptop.write({ kind: 'deadline', date: day, plan: '6-week', on: '2026-05-04' }, 9000);
    expect(fold([set, clear, again]).deadlines).toEqual({ '6-week': '2026-05-04' });
  });

  describe('rebalanced schedules', () => {
    const schedule = (until: string, slices: [number, number, number][]) => ({ from: day, until, capacity: 'daily 2h', slices });
    const setUp = () => {
      const laptop = new Device('laptop');
      const start = laptop.write({ kind: 'start', date: '2026-03-01', plan: '6-week', start: '2026-03-01' });
      const first = laptop.write({ kind: 'rebalance', date: day, plan: '6-week', ...schedule('2026-04-20', [[0, 11, 0], [1, 11, 5000]]) });
      const second = laptop.write({ kind: 'rebalance', date: day, plan: '6-week', ...schedule('2026-04-30', [[0, 11, 0]]) });
      return { laptop, start, first, second };
    };

    it('a later rebalance replaces an earlier one; the view carries the one in force and how many undo can go back through', () => {
      const { start, first, second } = setUp();
      expect(fold([start, first]).schedules['6-week']).toEqual({ id: first.id, date: day, ...schedule('2026-04-20', [[0, 11, 0], [1, 11, 5000]]), earlier: 0 });
      expect(fold([second, start, first]).schedules['6-week']).toMatchObject({ id: second.id, until: '2026-04-30', earlier: 1 });
    });

    it('undo restores the earlier schedule, then the plan\'s calendar; an undo of one no longer in force changes nothing', () => {
      const { laptop, start, first, second } = setUp();
      const undoSecond = laptop.write({ kind: 'rebalance-undo', date: day, plan: '6-week', of: second.id });
      expect(fold([start, first, second, undoSecond]).schedules['6-week']).toMatchObject({ id: first.id, earlier: 0 });
      const undoFirst = laptop.write({ kind: 'rebalance-undo', date: day, plan: '6-week', of: first.id });
      expect(fold([start, first, second, undoSecond, undoFirst]).schedules).toEqual({});
      // Undo of the first while the second is in force (another device had rebalanced again): nothing.
      const stale = laptop.write({ kind: 'rebalance-undo', date: day, plan: '6-week', of: first.id });
      expect(fold([start, first, second, stale]).schedules['6-week']).toMatchObject({ id: second.id, earlier: 1 });
    });

    it('a catch-up that moves the start, or a new start, puts the plan back on its calendar; the deadline stays', () => {
      const { laptop, start, first } = setUp();
      const deadline = laptop.write({ kind: 'deadline', date: day, plan: '6-week', on: '2026-04-20' });
      const catchUp = laptop.write({ kind: 'catch-up', date: day, plan: '6-week', from: '2026-03-01', start: '2026-03-04' });
      expect(fold([start, first, deadline, catchUp])).toMatchObject({ schedules: {}, deadlines: { '6-week': '2026-04-20' } });
      const stale = laptop.write({ kind: 'catch-up', date: day, plan: '6-week', from: '2026-02-01', start: '2026-03-04' });
      expect(fold([start, first, stale]).schedules['6-week']).toMatchObject({ id: first.id }); // it moved nothing
      const restart = laptop.write({ kind: 'start', date: day, plan: '6-week', start: day });
      expect(fold([start, first, restart]).schedules).toEqual({});
    });

    it(`keeps the last ${SCHEDULES_KEPT} schedules of a plan for undo`, () => {
      const laptop = new Device('laptop');
      const many = Array.from({ length: SCHEDULES_KEPT + 3 }, (_, n) => laptop.write({ kind: 'rebalance', date: day, plan: '6-week', ...schedule(`2026-04-${String(n + 10)}`, []) }));
      const view = fold(many);
      expect(view.schedules['6-week']).toMatchObject({ id: many.at(-1)!.id, earlier: SCHEDULES_KEPT - 1 });
    });

    it('a replacing import sets deadlines and schedules aside too', () => {
      const { laptop, start, first } = setUp();
      const deadline = laptop.write({ kind: 'deadline', date: day, plan: '6-week', on: '2026-04-20' });
      const replace = laptop.write({ kind: 'import', date: day, source: 'backup.json', events: 1, replace: true });
      expect(fold([start, first, deadline, replace])).toMatchObject({ schedules: {}, deadlines: {} });
    });

    it('refuses a schedule whose parts are not [date offset, plan day, share]', () => {
      const { first } = setUp();
      expect(checkEvent({ ...first, slices: [[0, 0, 0]] })).toBe('the slices of a rebalance event is [[0,0,0]]');
      expect(checkEvent({ ...first, slices: [[0, 1, 10_001]] })).toMatch(/^the slices of a rebalance event is/);
      expect(checkEvent({ ...first, slices: 'all' })).toBe('the slices of a rebalance event is "all"');
      expect(checkEvent({ ...first, until: 'soon' })).toBe('the until of a rebalance event is "soon"');
      expect(checkEvent(first)).toBe(first);
    });
  });

  it('a kind from a newer prep folds as nothing, but its device and count are seen', () => {
    const phone = new Device('phone');
    const mood = { ...phone.write({ kind: 'rest', date: day, on: day }), kind: 'mood', body: 'hi' } as LogEvent;
    const view = fold([mood]);
    expect(view).toMatchObject({ activePlan: null, rest: [], log: [], events: 1, devices: { phone: { events: 1 } } });
  });

  it('plans named like Object.prototype\'s keys are only plans', () => {
    const laptop = new Device('laptop');
    const view = fold([laptop.write({ kind: 'start', date: day, plan: '__proto__', start: day }), laptop.write({ kind: 'switch', date: day, plan: 'constructor' })]);
    expect(Object.keys(view.plans)).toEqual(['__proto__']);
    expect(view.plans.constructor).toBeUndefined();
  });
});
