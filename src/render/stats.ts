import type { HeatmapKind, StatsData } from '../commands/stats.js';
import { renderReviewStats } from './review.js';
import { humanDate, MONTHS } from './dates.js';
import { outlookParts } from './outlook.js';
import { displayWidth, headline, joinParts, padEnd, wrapText } from './layout.js';
import { plural, truncate, type RenderOptions } from './style.js';
import { streakLine } from './streak.js';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
// Shades that read without colour, like a contribution graph; rest and paused days have their own marks.
const SHADES = ['░', '▒', '▓', '█'] as const;
const MARKS: Record<Exclude<HeatmapKind, 'study'>, string> = { none: '·', rest: '~', paused: '=', future: ' ' };

function cell(entry: StatsData['heatmap'][number], most: number, style: RenderOptions['style']): string {
  if (entry.kind !== 'study') return entry.kind === 'none' ? style.dim(MARKS.none) : MARKS[entry.kind];
  const level = Math.min(SHADES.length, Math.ceil((SHADES.length * entry.count) / most));
  return style.green(SHADES[level - 1]!);
}

/** Seven rows (Monday to Sunday) of one cell per day, a column per week, months named above; the legend last. */
export function renderHeatmap(heatmap: StatsData['heatmap'], style: RenderOptions['style']): string[] {
  const weeks = heatmap.length / 7;
  const most = Math.max(1, ...heatmap.map((e) => e.count));
  const months = Array.from({ length: weeks * 2 + 1 }, () => ' ');
  let lastMonth = -1;
  for (let week = 0; week < weeks; week++) {
    const monthOf = (w: number) => Number(heatmap[w * 7]?.date.slice(5, 7)) - 1;
    const month = monthOf(week);
    // A month is named above its first week when there is room; a lone first column is left unnamed.
    const room = months.slice(Math.max(0, week * 2 - 1), week * 2).every((c) => c === ' ') && (week > 0 || monthOf(1) === month);
    if (month !== lastMonth && room) {
      MONTHS[month]!.split('').forEach((char, i) => {
        if (week * 2 + i < months.length) months[week * 2 + i] = char;
      });
    }
    lastMonth = month;
  }
  const lines = [`     ${months.join('').trimEnd()}`];
  for (let weekday = 0; weekday < 7; weekday++) {
    const cells = Array.from({ length: weeks }, (_, week) => cell(heatmap[week * 7 + weekday]!, most, style));
    lines.push(`${WEEKDAYS[weekday]}  ${cells.join(' ')}`.trimEnd());
  }
  lines.push(style.dim(`     ${MARKS.none} none  ${SHADES.join('')} fewer → more tasks  ${MARKS.rest} rest  ${MARKS.paused} paused`));
  return lines;
}

/** The groups that fit in `room` lines: a window around the current one, then what is left out. */
function fitGroups<Group extends { to: number }>(groups: Group[], day: number, room: number | undefined, note: (before: number, after: number) => string[]): { shown: Group[]; more: string[] } {
  if (room === undefined || groups.length <= room) return { shown: groups, more: [] };
  const current = Math.max(0, groups.findIndex((g) => day <= g.to));
  let count = Math.max(1, room - 1);
  for (;;) {
    const start = Math.min(Math.max(0, current - Math.floor(count / 2)), groups.length - count);
    const more = note(start, groups.length - start - count);
    if (count + more.length <= room || count === 1) return { shown: groups.slice(start, start + count), more };
    count--;
  }
}

function bar(done: number, total: number, width: number): string {
  const filled = total === 0 ? 0 : Math.round((width * done) / total);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

function schedule(behind: number): string {
  if (behind > 0) return `${plural(behind, 'day')} behind`;
  if (behind < 0) return `${plural(-behind, 'day')} ahead`;
  return 'on schedule';
}

export function renderStats(data: StatsData, options: RenderOptions): string {
  const { style, columns, wrapAt } = options;
  const where = data.status === 'active' ? `day ${data.day}/${data.plan.days}` : data.status === 'not-started' ? 'not started' : data.status === 'ended' ? `ended ${humanDate(data.end)}` : 'finished';
  // The title stays on screen: a terminal of 24 rows shows the command, the whole report and the next prompt.
  const lines = [...headline([data.plan.title], '', options).map((line) => style.bold(line))];
  const facts = [data.plan.id, where, humanDate(data.date), ...(data.pausedSince ? [style.yellow(`paused since ${humanDate(data.pausedSince)}`)] : [])];
  lines.push(...headline(facts, ' · ', options).map((line) => style.dim(line)));
  lines.push('');
  lines.push(...joinParts([streakLine(data.streak, style).replace(/^streak /, ''), `${plural(data.studyDays, 'day')} studied`], ' · ', wrapAt, { prefix: `${style.bold('Streak')}    ` }));
  const pace = data.status === 'active' || data.status === 'ended' ? [schedule(data.behind)] : [];
  lines.push(...joinParts([`${data.progress.done}/${data.progress.total} tasks (${data.progress.percent}%)`, ...pace], ' · ', wrapAt, { prefix: `${style.bold('Progress')}  ` }));
  if (data.status !== 'not-started') {
    const ahead = outlookParts(data, data.end);
    lines.push(...joinParts(ahead.pace, ' · ', wrapAt, { prefix: `${style.bold('Pace')}      ` }));
    if (ahead.deadline) lines.push(...joinParts(ahead.deadline, ' · ', wrapAt, { prefix: `${style.bold('Deadline')}  ` }));
    if (ahead.late) lines.push(...wrapText(ahead.late, wrapAt, { prefix: '          ' }).map((line) => style.yellow(line)));
  }
  const reviews = renderReviewStats(data.reviews, options);
  const heatmap = renderHeatmap(data.heatmap, style);
  const groups = data.weeks.filter((w) => w.total > 0);
  // On a screen too short for every group, the heatmap's legend gives way first, then the review line (`--json` has it).
  const tight = () => options.rows !== undefined && groups.length > options.rows - 2 - lines.length - reviews.length - heatmap.length - 2;
  if (tight()) heatmap.pop();
  if (tight()) reviews.length = 0;
  lines.push(...reviews, '', ...heatmap, '');

  const note = (before: number, after: number) => {
    const hidden = [before > 0 ? `${before} earlier` : '', after > 0 ? `${after} later` : ''].filter(Boolean).join(' and ');
    return wrapText(style.dim(`… ${hidden} not shown (\`prep stats --json\` has all)`), wrapAt);
  };
  const { shown, more } = fitGroups(groups, data.day, options.rows === undefined ? undefined : options.rows - 2 - lines.length, note);
  const countWidth = Math.max(...shown.map((w) => `${w.done}/${w.total}`.length), 3);
  const labelWidth = Math.min(Math.max(...shown.map((w) => displayWidth(w.label)), 5), Math.max(12, columns - countWidth - 16));
  const barWidth = Math.max(8, Math.min(24, columns - labelWidth - countWidth - 5));
  for (const week of shown) {
    const label = padEnd(truncate(week.label, labelWidth), labelWidth);
    const count = `${week.done}/${week.total}`.padStart(countWidth);
    lines.push(`${week.done === week.total ? style.green(label) : label}  ${bar(week.done, week.total, barWidth)}  ${count}`);
  }
  lines.push(...more);
  return `${lines.join('\n')}\n`;
}
