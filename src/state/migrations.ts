// Explicit state-schema migrations, one step per version, each with its inverse. Pure functions of
// the parsed JSON: the store runs them under its lock. Migrating to the version a file already has
// changes nothing, so running one twice is harmless.
import { StateError } from '../errors.js';

type Raw = Record<string, unknown>;

interface Migration {
  /** The version this step upgrades to (from `to - 1`). */
  to: number;
  what: string;
  up(state: Raw): Raw;
  /** Throws a StateError when the newer data cannot be said in the older version. */
  down(state: Raw): Raw;
}

const plansOf = (state: Raw) => (state.plans ?? {}) as Record<string, Raw>;
const mapPlans = (state: Raw, change: (plan: Raw, id: string) => Raw): Raw => ({
  ...state,
  plans: Object.fromEntries(Object.entries(plansOf(state)).map(([id, plan]) => [id, change(plan, id)])),
});

export const MIGRATIONS: readonly Migration[] = [
  {
    to: 2,
    what: 'plans can be paused (`prep pause`, `prep resume`)',
    up: (state) => ({ ...mapPlans(state, (plan) => ({ ...plan, paused: Array.isArray(plan.paused) ? plan.paused : [] })), version: 2 }),
    down: (state) => {
      const pausedPlan = Object.entries(plansOf(state)).find(([, plan]) => Array.isArray(plan.paused) && plan.paused.length > 0);
      if (pausedPlan) {
        throw new StateError(`the plan "${pausedPlan[0]}" has pauses, which state version 1 cannot hold`, 'Keep this version of prep, or clear its pauses first; nothing was changed.');
      }
      return {
        ...mapPlans(state, (plan) => {
          const { paused: _paused, ...rest } = plan;
          return rest;
        }),
        version: 1,
      };
    },
  },
];

export const OLDEST_VERSION = 1;
export const LATEST_VERSION = OLDEST_VERSION + MIGRATIONS.length;

/** The state at `target`, stepping up or down one version at a time. */
export function migrate(state: Raw, target: number): Raw {
  const from = state.version;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < OLDEST_VERSION) {
    throw new StateError(`the state has no known version (${JSON.stringify(from)})`, 'It was not written by prep; nothing was changed.');
  }
  if (target < OLDEST_VERSION || target > LATEST_VERSION) {
    throw new StateError(`there is no state version ${target}; this prep knows ${OLDEST_VERSION} to ${LATEST_VERSION}`);
  }
  if (from > LATEST_VERSION) throw new StateError(`the state has version ${from}, newer than this prep knows (${LATEST_VERSION})`, 'Upgrade prep; nothing was changed.');
  let current = state;
  for (const step of MIGRATIONS) if (step.to > from && step.to <= target) current = step.up(current);
  for (const step of [...MIGRATIONS].reverse()) if (step.to <= from && step.to > target) current = step.down(current);
  return current;
}
