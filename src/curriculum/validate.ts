// Whole-plan checks on a parsed curriculum: every day from 1 to `days` scheduled exactly once, and
// warnings where its hours or weekdays cannot be right.
import { MAX_DAY_HOURS, WEEKDAY_NAMES, weekdayOfDay } from './coach-fields.js';
import { spanDays, statedDay } from './effort.js';
import { spanLabel } from './span-label.js';
import type { Plan, Problem, Span } from './types.js';

function describe(span: Span): string {
  return `${spanLabel(span.kind, span.from, span.to, '-')}${span.kind === 'week' ? ` (days ${span.from}-${span.to})` : ''}`;
}

/** Consecutive runs of sorted day numbers: [3,4,5,9] → 3-5, 9-9. */
export function runs(days: number[]): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  for (const day of days) {
    const last = out[out.length - 1];
    if (last && day === last.to + 1) last.to = day;
    else out.push({ from: day, to: day });
  }
  return out;
}

export function validatePlan(plan: Omit<Plan, 'effort'>): Problem[] {
  const problems: Problem[] = [];
  const error = (line: number, col: number, message: string) => problems.push({ severity: 'error', line, col, message });
  const daysLine = plan.keyLines.days ?? 1;
  const restLine = plan.keyLines.rest ?? 1;

  // Which span (or front-matter rest entry) claims each day; one message per clashing pair.
  const owner = new Map<number, { line: number; what: string }>();
  const claim = (from: number, to: number, line: number, col: number, what: string) => {
    const clashes = new Map<string, { line: number; days: number[] }>();
    for (let day = from; day <= to; day++) {
      const previous = owner.get(day);
      if (!previous) {
        owner.set(day, { line, what });
        continue;
      }
      const clash = clashes.get(previous.what) ?? { line: previous.line, days: [] };
      clash.days.push(day);
      clashes.set(previous.what, clash);
    }
    for (const [other, clash] of clashes) {
      const days = runs(clash.days).map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(', ');
      error(line, col, `${what} overlaps ${other} (line ${clash.line}) on day${clash.days.length > 1 ? 's' : ''} ${days}: each day may be scheduled once`);
    }
  };

  for (const span of plan.spans) {
    const what = describe(span);
    if (span.from > span.to) {
      error(span.line, span.col, `${what}: a range must run from the lower day to the higher`);
      continue;
    }
    if (span.from < 1 || span.to > plan.days) {
      error(span.line, span.col, `${what} is outside the plan: days run from 1 to ${plan.days} (\`days:\` on line ${daysLine})`);
      continue;
    }
    if (span.kind !== 'rest' && span.tasks.length === 0) {
      error(span.line, span.col, `${what} has no tasks: add a list of tasks, or make it a rest day (a title with "Rest", or \`rest: [${span.from}]\`)`);
    }
    claim(span.from, span.to, span.line, span.col, what);
  }

  for (const day of plan.rest) {
    if (day < 1 || day > plan.days) error(restLine, 1, `rest day ${day} is outside the plan: days run from 1 to ${plan.days}`);
    else claim(day, day, restLine, 1, `rest day ${day} in front matter`);
  }

  const missing: number[] = [];
  for (let day = 1; day <= plan.days; day++) if (!owner.has(day)) missing.push(day);
  for (const run of runs(missing)) {
    // Point at the first heading after the gap: that is where the missing days belong.
    const next = plan.spans.find((s) => s.from > run.from);
    const label = run.from === run.to ? `day ${run.from} is` : `days ${run.from}-${run.to} are`;
    error(next?.line ?? daysLine, next?.col ?? 1, `${label} not scheduled: add a \`### Day N\` heading, or list rest days in \`rest:\``);
  }

  effortWarnings(plan, problems);

  if (plan.checklist.length === 0) {
    problems.push({ severity: 'warning', line: 1, col: 1, message: 'no final checklist: add a `## Final Checklist` heading with a list of items' });
  }
  return problems;
}

const hoursText = (hours: number) => `${Math.round(hours * 100) / 100} hours`;
const weekdayName = (day: number) => WEEKDAY_NAMES[day]!.replace(/^./, (c) => c.toUpperCase());

/** A day whose sections take more hours than a day has; a "Weekend" day that `starts-on` puts on a weekday. */
function effortWarnings(plan: Omit<Plan, 'effort'>, problems: Problem[]): void {
  const warn = (span: Span, message: string) => problems.push({ severity: 'warning', line: span.line, col: span.col, message });
  const named = new Map<string, number>();
  for (const span of plan.spans) {
    if (span.kind === 'rest' || span.from > span.to) continue;
    if (span.kind === 'week') {
      statedDay(span, span.tasks, named); // a week's sections are the week's: only their names are learnt
      continue;
    }
    let most = 0;
    let sharedSeen = false;
    for (const { tasks, shared } of spanDays(span)) {
      if (shared && sharedSeen) continue;
      sharedSeen ||= shared;
      const stated = statedDay(span, tasks, named);
      most = Math.max(most, stated.total ?? stated.sections);
    }
    if (most > MAX_DAY_HOURS) {
      const whose = span.from === span.to ? `${describe(span)}'s sections add` : `${describe(span)}: a day's sections add`;
      warn(span, `${whose} up to ${hoursText(most)}, more than a day has: check the hours in its labels`);
    }
    if (plan.startsOn !== undefined && span.kind === 'day' && /\bweek-?ends?\b/i.test(span.title)) {
      const weekday = weekdayOfDay(plan.startsOn, span.from);
      if (weekday < 5) {
        warn(span, `${describe(span)} is a weekend day by its title, but \`starts-on: ${WEEKDAY_NAMES[plan.startsOn]}\` (line ${plan.keyLines['starts-on'] ?? 1}) puts it on a ${weekdayName(weekday)}: check \`starts-on\``);
      }
    }
  }
}
