// Today's page under a rebalanced schedule: its head names what the date holds ("Day 12 and day
// 13, tasks 1–4") or, for a date with none, the next date with work; each task's section says
// its plan day; being behind points to a new rebalance rather than a catch-up.
import type { TodayData } from '../commands/today.js';
import type { WeekData } from '../commands/week.js';
import { humanDate } from './dates.js';
import { headline } from './layout.js';
import { daysPhrase, plural, type RenderOptions } from './style.js';
import { borderless, type Cell } from './table.js';

export function scheduleHead(data: TodayData, schedule: NonNullable<TodayData['schedule']>, options: RenderOptions): string[] {
  const { style } = options;
  const head = schedule.label === '' ? `Nothing due today${schedule.next ? `; next: ${humanDate(schedule.next)}` : ''}` : schedule.label;
  const where = [data.plan.id, 'rebalanced', `ends ${humanDate(data.end)}`];
  return [`${style.bold(head)}   ${style.dim(humanDate(data.date))}`, ...headline(where, ' · ', options).map((line) => style.dim(line))];
}

/** A task's section under a schedule: `Day 12 · Morning (2 hours)`. */
export function scheduledSection(task: TodayData['tasks'][number]): string | null {
  if (task.day === undefined) return task.section;
  return `Day ${task.day}${task.section ? ` · ${task.section}` : ''}`;
}

/** A plan past its end with tasks open: the other way on. */
export const ENDED_REBALANCE = 'Or `prep plan rebalance --until DATE` (with a deadline, `prep plan rebalance`) fits what is left into the days to a date.';

export const behindScheduleLines = (behind: number): [string, string] => [`You are ${plural(behind, 'day')} behind your schedule.`, '`prep plan rebalance` fits what is left into the days ahead; nothing done is lost.'];

/** `prep week` under a schedule: the calendar week's dates, the plan days due on each, and how many of their tasks are done. */
export function renderScheduledWeek(dates: NonNullable<WeekData['schedule']>, style: RenderOptions['style']): string {
  const rows: Cell[][] = dates.map((d) => {
    const mark = (text: string) => (d.today ? style.bold(text) : text);
    const due = d.days.length === 0 ? '' : d.days.length === 1 ? daysPhrase(d.days[0]!, d.days[0]!) : d.days.at(-1)! - d.days[0]! === d.days.length - 1 ? daysPhrase(d.days[0]!, d.days.at(-1)!) : `days ${d.days.join(', ')}`;
    const complete = d.total > 0 && d.done === d.total;
    const progress = d.total === 0 ? '–' : `${d.done}/${d.total}`;
    return [d.today ? style.green('>') : ' ', mark(humanDate(d.date)), mark(due), { hAlign: 'right', content: complete ? style.green(`✔ ${progress}`) : progress }];
  });
  const footer = dates.some((d) => d.today) ? `${style.dim('> today · rebalanced: `prep today` lists what is due')}\n` : '';
  return `${borderless(['', 'DATE', 'DUE', 'DONE'], rows, style)}\n${footer}`;
}
