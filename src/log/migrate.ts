// A state file (v1 or v2, checked and upgraded by the store's parseState) as events: what the log
// starts from on a machine's first write, and what `import-state` merges. Pure and deterministic:
// the same state, device and time give the same events, ids included, so importing a backup
// twice, or migrating two copies of one state file, counts every event once.
import { fnv1a } from '../curriculum/cache.js';
import type { LocalDate } from '../schedule/dates.js';
import type { State } from '../state/schema.js';
import { tick, type Clock } from './hlc.js';
import { stamped, type KnownEvent, type Payload, type TickEvent } from './events.js';

export interface MigrationOptions {
  /** The device whose file the events go to. */
  device: string;
  /**
   * When the state's plans, pauses, rest days and active plan were last true (the file's mtime, a
   * backup's exportedAt): they are stamped then, after every log entry, and sort before what was
   * done after it on any device.
   */
  wall: number;
  /** The study date to give the events that have none of their own (the active plan). */
  date: LocalDate;
  /**
   * To stamp every event after this clock instead (an import that replaces everything: its events
   * must sort after the import itself); the log entries keep their order and their `at`.
   */
  after?: Clock;
  /** The user's own curricula, to travel with the log: id and text. */
  curricula?: readonly { id: string; text: string }[];
}

/** The events that fold to `state`'s plans, rest days, active plan and log (settings are not events). */
export function stateToEvents(state: Pick<State, 'activePlan' | 'plans' | 'rest' | 'log'>, options: MigrationOptions): KnownEvent[] {
  let clock: Clock = options.after ?? { wall: 0, counter: 0, device: options.device };
  const events: KnownEvent[] = [];
  const add = (payload: Payload, wall: number) => {
    const stamp = tick(clock, options.after ? clock.wall : wall);
    clock = stamp;
    // Named by what it says and when: the same entry of the same state is the same event.
    events.push(stamped(payload, stamp, `m${fnv1a(JSON.stringify([payload, stamp]))}`));
  };
  for (const entry of state.log) {
    const at = Date.parse(entry.at);
    const tickPayload: Omit<TickEvent, 'id' | 'dev' | 'hlc'> = { kind: entry.kind, date: entry.date, plan: entry.plan, task: entry.id, at: entry.at };
    if (entry.day !== undefined) tickPayload.day = entry.day;
    if (entry.text !== undefined) tickPayload.text = entry.text;
    // The log's order is its truth (an older clock may have run backwards): a time never goes back.
    add(tickPayload, Number.isNaN(at) ? clock.wall : at);
  }
  const wall = Math.max(options.wall, clock.wall);
  for (const [plan, { start, paused }] of Object.entries(state.plans)) {
    add({ kind: 'start', date: start, plan, start }, wall);
    for (const pause of paused) {
      add({ kind: 'pause', date: pause.from, plan, from: pause.from }, wall);
      if (pause.resume !== undefined) add({ kind: 'resume', date: pause.resume, plan, on: pause.resume }, wall);
    }
  }
  for (const on of new Set(state.rest)) add({ kind: 'rest', date: on, on }, wall);
  if (state.activePlan !== null) add({ kind: 'switch', date: options.date, plan: state.activePlan }, wall);
  for (const { id, text } of options.curricula ?? []) add({ kind: 'plan-file', date: options.date, plan: id, text }, wall);
  return events;
}
