// The capacity a plan is scheduled by: the `capacity` setting (`prep config set capacity ...`),
// else the plan's own statement of daily time (else what its days take on average).
import type { Plan } from '../curriculum/types.js';
import { formatCapacity, parseCapacity, planCapacity, type Capacity } from '../schedule/capacity.js';
import type { Settings } from '../state/schema.js';

export interface UserCapacity {
  hours: Capacity;
  /** As formatCapacity writes it: "mon-fri 3h, sat 8h, sun 6h". */
  text: string;
  /** `setting`: the user's; `plan`: the plan's own. */
  source: 'setting' | 'plan';
}

export function userCapacity(settings: Pick<Settings, 'capacity'>, plan: Pick<Plan, 'effort'>): UserCapacity {
  const hours = settings.capacity === undefined ? planCapacity(plan.effort.statement, plan.effort.days) : parseCapacity(settings.capacity);
  return { hours, text: formatCapacity(hours), source: settings.capacity === undefined ? 'plan' : 'setting' };
}
