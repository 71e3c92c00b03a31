// `prep plan rebalance`: what moved (the old and new end), the hours of each week against its
// capacity, and, when the target is too tight, by how many hours and what would fit instead.
import type { RebalanceData, RebalanceUndoData } from '../commands/rebalance.js';
import { hoursText } from '../schedule/capacity.js';
import { humanDate } from './dates.js';
import { message } from './layout.js';
import { daysPhrase, plural, type RenderOptions } from './style.js';

/** `23.5h`: hours as a person reads them, to the minute. */
const hours = (n: number) => (n === 0 ? '0h' : hoursText(n));

function undone(data: RebalanceUndoData, { style, wrapAt }: RenderOptions): string {
  const now = data.now === 'calendar' ? 'by its calendar again' : 'by the schedule before it';
  return message([`Took back the rebalance of ${humanDate(data.undid.date)}: ${style.bold(data.plan.id)} goes ${now}, ending on ${humanDate(data.end)}.`], wrapAt);
}

function tightLines(data: RebalanceData, options: RenderOptions): string[] {
  const { style } = options;
  const tight = data.tight!;
  const lines = data.excess.length > 0
    ? [style.yellow(`Too tight: ${hours(data.excess.reduce((sum, e) => sum + e.hours, 0))} of ${daysPhrase(data.excess[0]!.day, data.excess.at(-1)!.day)} do not fit by then, even over capacity (each run of the plan's weekend days needs a weekend of its own).`)]
    : [style.yellow(`Too tight by ${hours(tight.shortBy)} at ${data.capacity.text}: to fit, every date goes ${Math.round((data.factor - 1) * 100)}% over its capacity.`)];
  if (tight.later) lines.push(`  A later date fits: ${humanDate(tight.later)} (\`prep plan rebalance --until ${tight.later}\`).`);
  if (tight.capacity) lines.push(`  Or more hours a day: \`prep config set capacity "${tight.capacity.text}"\`.`);
  return lines;
}

export function renderRebalance(data: RebalanceData | RebalanceUndoData, options: RenderOptions): string {
  if (data.action === 'undone') return undone(data, options);
  const { style, wrapAt } = options;
  const to = data.target.by === 'deadline' ? `${humanDate(data.target.date)}, the eve of the deadline` : humanDate(data.target.date);
  const verb = { rebalanced: 'Rebalanced', 'dry-run': 'Would rebalance', declined: 'Would rebalance' }[data.action];
  const lines = [`${verb} ${style.bold(data.plan.id)}: ${plural(data.open.tasks, 'open task')} (${hours(data.open.hours)}) from ${humanDate(data.from)} to ${to}.`];
  const ends = data.action === 'rebalanced' ? 'It now ends' : 'It would end';
  if (data.newEnd) lines.push(`${ends} on ${humanDate(data.newEnd)} instead of ${humanDate(data.oldEnd)}. Everything you did stays done.`);
  const source = data.capacity.source === 'plan' ? `the plan's own; \`prep config set capacity\` sets yours` : 'yours';
  lines.push(style.dim(`Capacity: ${data.capacity.text} (${source}).`));
  if (data.factor > 0 && data.factor < 1) lines.push(style.dim(`Lighter days: each date takes ${Math.round(data.factor * 100)}% of its capacity.`));
  lines.push('', 'Hours per week:');
  for (const week of data.weeks) lines.push(`  week of ${humanDate(week.week).padEnd(15)}  ${hours(week.hours).padStart(6)} of ${hours(week.capacity)}`);
  if (data.tight) lines.push('', ...tightLines(data, options));
  if (data.action === 'dry-run') lines.push('', style.dim('A dry run: nothing was changed. `prep plan rebalance --yes` does it.'));
  else if (data.action === 'declined') lines.push('', style.dim('Nothing was changed.'));
  else lines.push('', style.dim('`prep today` shows what is due each day; `prep plan rebalance --undo` takes it back.'));
  return message(lines, wrapAt);
}
