// `prep plan rebalance [--until DATE] [--dry-run] [--yes] [--undo] [--plan ID]`: what is left of
// a plan, in plan order, fitted to the dates from today to the target (--until, else the eve of
// the deadline, else the plan's current end), each date up to the user's capacity. It says what
// moved; on a terminal it asks before applying, without one it needs --yes. --undo takes the
// rebalance back: the schedule before it, or the plan's calendar.
import { defineCommand } from '../app/define.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { humanDate } from '../render/dates.js';
import type { LocalDate } from '../schedule/dates.js';
import { doneIn } from '../schedule/progress.js';
import type { Rebalance } from '../schedule/rebalance.js';
import { coachOf } from '../session/coach.js';
import { planTarget, type PlanTarget } from '../session/plan-target.js';
import { propose, type Proposal } from '../session/rebalance-proposal.js';
import { confirmed, openSession } from '../session/session.js';
import type { StudyState } from '../state/study-store.js';

export interface RebalanceData extends Pick<Rebalance, 'oldEnd' | 'newEnd' | 'factor' | 'weeks' | 'tight' | 'excess'>, Pick<Proposal, 'target' | 'capacity' | 'open'> {
  action: 'rebalanced' | 'dry-run' | 'declined';
  plan: { id: string; title: string };
  from: LocalDate;
  /** Each date that carries work: its hours, its capacity, the plan days whose tasks fall on it and how many tasks. */
  dates: { date: LocalDate; hours: number; capacity: number; days: number[]; tasks: number }[];
}

export interface RebalanceUndoData {
  action: 'undone';
  plan: { id: string; title: string };
  /** The rebalance taken back: its event's id and the date it was made on. */
  undid: { id: string; date: LocalDate };
  /** What the plan goes by now: an earlier rebalance, or its calendar; and the end that gives. */
  now: 'earlier-schedule' | 'calendar';
  end: LocalDate;
}

/** The refusal of a schedule that leaves work out: it does not fit by the target even over capacity. */
function misfit({ result, target }: Proposal): UsageError {
  const later = result.tight?.later;
  return new UsageError(`what is left does not fit by ${target.date}, even over capacity`, `${later ? `A later date fits: \`prep plan rebalance --until ${later}\`. ` : ''}\`prep plan rebalance --dry-run\` shows what is left over.`);
}

const view = (target: PlanTarget) => ({ id: target.plan.id, title: target.plan.title });

function report(action: RebalanceData['action'], target: PlanTarget, proposal: Proposal, from: LocalDate): RebalanceData {
  const { result } = proposal;
  return {
    action,
    plan: view(target),
    from,
    target: proposal.target,
    capacity: proposal.capacity,
    open: proposal.open,
    oldEnd: result.oldEnd,
    newEnd: result.newEnd,
    factor: result.factor,
    weeks: result.weeks,
    tight: result.tight,
    excess: result.excess,
    // The plan days whose tasks fall on the date, as `prep today` will show them (a sliver of a day's hours may carry none).
    dates: result.dates.map((d) => ({ date: d.date, hours: d.hours, capacity: d.capacity, days: [...new Set(d.pieces.filter((p) => p.tasks.length > 0).map((p) => p.day))], tasks: d.pieces.reduce((sum, p) => sum + p.tasks.length, 0) })),
  };
}

function endOf(state: StudyState, target: PlanTarget): LocalDate {
  return coachOf(target.plan, target.days, doneIn(state.log, target.plan.id, target.days), target.position!, state).end;
}

async function undo(target: PlanTarget, today: LocalDate, session: Awaited<ReturnType<typeof openSession>>): Promise<RebalanceUndoData> {
  const id = target.plan.id;
  const none = () => new UsageError(`${id} has no rebalanced schedule to undo: it goes by its calendar`, '`prep plan rebalance --dry-run` shows what a rebalance would do.');
  let undid: RebalanceUndoData['undid'] | undefined;
  const { state } = await session.update((current) => {
    // The schedule in force under the lock: two undos at once take back one rebalance each.
    const schedule = current.schedules[id];
    if (!schedule) throw none();
    undid = { id: schedule.id, date: schedule.date };
    return [{ kind: 'rebalance-undo', date: today, plan: id, of: schedule.id }];
  });
  return { action: 'undone', plan: view(target), undid: undid!, now: state.schedules[id] ? 'earlier-schedule' : 'calendar', end: endOf(state, target) };
}

export async function planRebalance(options: { until?: string; dryRun?: boolean; yes?: boolean; undo?: boolean; plan?: string }, ctx: Context): Promise<RebalanceData | RebalanceUndoData> {
  if (options.undo && (options.until !== undefined || options.dryRun)) throw new UsageError('--undo takes back the last rebalance: it takes no --until or --dry-run', '`prep plan rebalance --undo` restores the schedule before it.');
  const session = await openSession(ctx, 'record');
  const target = await planTarget(session, options.plan, ctx);
  const today = session.today;
  if (options.undo) return undo(target, today, session);
  const proposal = propose(session.state, target, today, options.until);
  if (options.dryRun) return report('dry-run', target, proposal, today);
  const { result } = proposal;
  if (result.excess.length > 0) throw misfit(proposal);
  const over = result.factor > 1 ? `, ${Math.round((result.factor - 1) * 100)}% over your capacity` : '';
  const question = `Fit ${target.plan.id}'s ${proposal.open.tasks} open tasks into the days to ${humanDate(proposal.target.date)}, ending on ${humanDate(result.newEnd ?? today)} instead of ${humanDate(result.oldEnd)}${over}?`;
  const refusal = new UsageError('prep plan rebalance changes the dates of your open work: pass --yes to apply it', '`prep plan rebalance --dry-run` shows what it would do, and changes nothing.');
  if (!(await confirmed(ctx, options.yes, question, refusal))) return report('declined', target, proposal, today);
  let made = proposal;
  await session.update((current) => {
    // Made again on the log under the lock: what is done may have changed since the report.
    made = propose(current, target, today, options.until);
    if (made.result.excess.length > 0) throw misfit(made);
    return [{ kind: 'rebalance', date: today, plan: target.plan.id, ...made.stored }];
  });
  return report('rebalanced', target, made, today);
}

export default defineCommand({
  name: 'plan rebalance',
  summary: 'fit what is left into the days to your deadline (or --until DATE), each day up to your capacity; says what moved, asks before applying',
  options: [
    { flags: '--until <date>', description: 'the last date to fill (default: the eve of the deadline, else the plan\'s end)' },
    { flags: '--dry-run', description: 'say what it would do, and change nothing' },
    { flags: '-y, --yes', description: 'apply without asking (needed without a terminal)' },
    { flags: '--undo', description: 'take back the last rebalance' },
    { flags: '--plan <id>', description: 'a plan other than the active one' },
  ],
  examples: ['prep plan rebalance --dry-run', 'prep plan rebalance --yes', 'prep plan rebalance --until 2026-05-01 --dry-run', 'prep plan rebalance --undo'],
  details: `
    The capacity is \`prep config get capacity\` (the plan's own until set). Declared rest days take
    nothing. A later catch-up, or a new start, puts the plan back on its calendar.`,
  run: planRebalance,
  render: 'rebalance',
});
