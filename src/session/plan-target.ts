// `--plan ID`: a command that acts on one plan acts on the active one, or on the one named (an id
// or a unique prefix), with that plan's days and, once it has started, its clock and position.
import type { Context } from '../context.js';
import type { Plan } from '../curriculum/types.js';
import type { PlanClock } from '../schedule/clock.js';
import { planDays, type PlanDay } from '../schedule/plan-days.js';
import { position, type Position } from '../schedule/progress.js';
import { findCatalogEntry, findPlan, type Session } from './session.js';

export interface PlanTarget {
  plan: Plan;
  days: readonly PlanDay[];
  /** Undefined for a plan that has never started. */
  clock: PlanClock | undefined;
  position: Position | undefined;
  active: boolean;
}

export async function planTarget(session: Session, planArg: string | undefined, ctx: Context): Promise<PlanTarget> {
  const id = planArg === undefined ? session.plan.id : (await findCatalogEntry(planArg, ctx)).id;
  if (id === session.plan.id) return { plan: session.plan, days: session.days, clock: session.clock, position: session.position, active: true };
  const plan = await findPlan(id, ctx);
  const clock = session.state.plans[id];
  return { plan, days: planDays(plan), clock, position: clock && position(clock, plan.days, session.today), active: false };
}
