// `prep open N`: a task's link in the browser ($BROWSER, else the platform's opener), or printed.
import { completeLinkedTasks } from '../completion/completers.js';
import { defineCommand } from '../app/define.js';
import type { Context } from '../context.js';
import { cleanLine } from '../curriculum/text.js';
import { LaunchError, UsageError } from '../errors.js';
import { browserLaunches, platformLaunches, webAddress } from '../open/browser.js';
import { taskLinks } from '../open/links.js';
import type { LocalDate } from '../schedule/dates.js';
import { parseTaskNumbers } from './done.js';
import { tasksOfDay } from '../session/plan-day.js';
import { openSession } from '../session/session.js';

export interface OpenOptions {
  task: string;
  day?: string;
  link?: string;
  print?: boolean;
}

export interface OpenData {
  date: LocalDate;
  plan: string;
  day: number;
  task: { n: number; id: string; text: string };
  /** Every link of the task, numbered as --link takes them. */
  links: { n: number; text: string; url: string }[];
  /** The number of the link opened or printed, and its address. */
  link: number;
  url: string;
  /** Whether --link named it; if not, the first was taken and the others are worth a mention. */
  linkGiven: boolean;
  action: 'opened' | 'printed';
  /** The program that opened it. */
  browser: string | null;
  /** Printed because there was nothing to open it with: no $BROWSER and no display. */
  noDisplay: boolean;
}

const WHY_NOT: Record<string, string> = { ENOENT: 'not found', EACCES: 'not executable', EPERM: 'not permitted' };

/** `--link K`: one of the task's links, 1 to `count`. */
function parseLinkNumber(arg: string, count: number, task: number): number {
  const range = count === 1 ? 'which has one link' : `which has ${count} links: pass --link 1 to ${count}`;
  const k = Number(arg);
  if (!/^\d+$/.test(arg.trim()) || k < 1 || k > count) throw new UsageError(`there is no link ${arg} of task ${task}, ${range}`, '`prep today` lists each task\'s links under it.');
  return k;
}

export async function openLink(options: OpenOptions, ctx: Context): Promise<OpenData> {
  const session = await openSession(ctx);
  const { day, tasks } = tasksOfDay(session, options.day, 'open');
  const [n] = parseTaskNumbers([options.task], tasks.length, 'open', 'task', true) as [number];
  const task = tasks[n - 1]!;
  const links = taskLinks(task).map((link, index) => ({ n: index + 1, ...link }));
  if (links.length === 0) throw new UsageError(`task ${n} of day ${day} has no link: ${task.text}`, 'Tasks with links list them under the task in `prep today`.');
  const k = options.link === undefined ? 1 : parseLinkNumber(options.link, links.length, n);
  const link = links[k - 1]!;
  const url = webAddress(link.url);
  if (url === undefined) {
    throw new UsageError(`link ${k} of task ${n} is not a web address, so it is neither opened nor printed: ${link.url}`, `\`prep open\` takes http and https links only${links.length > 1 ? `; --link 1 to ${links.length} picks another` : ''}.`);
  }

  const data: OpenData = { date: session.today, plan: session.plan.id, day, task: { n, id: task.id, text: task.text }, links, link: k, url, linkGiven: options.link !== undefined, action: 'printed', browser: null, noDisplay: false };
  if (options.print) return data;
  const { desktop } = ctx;
  const chosen = desktop.browser === undefined ? [] : browserLaunches(desktop.browser, url, desktop.platform);
  // $BROWSER names the user's browsers: when it is set, nothing else is tried.
  const launches = chosen.length > 0 ? chosen : platformLaunches(desktop, url);
  if (launches.length === 0) return { ...data, noDisplay: true };
  const failed: string[] = [];
  for (const launch of launches) {
    const failure = await desktop.start(launch);
    if (failure === undefined) return { ...data, action: 'opened', browser: cleanLine(launch.command) };
    failed.push(`${launch.command} (${WHY_NOT[failure] ?? failure})`);
  }
  throw new LaunchError('no browser found: set $BROWSER or use --print', `Tried ${failed.join(', ')}.`);
}

/**
 * For Tab completion: the numbers of the day's tasks (--day D, else today's) with a link to open.
 * None before a plan was started: a Tab press must not start one, nor write anything.
 */
export async function linkedTaskNumbers(options: { day?: string }, ctx: Context): Promise<string[]> {
  if (!ctx.store.read()?.activePlan) return [];
  const { tasks } = tasksOfDay(await openSession(ctx), options.day, 'open');
  return tasks.filter((task) => taskLinks(task).some((link) => webAddress(link.url) !== undefined)).map((task) => String(task.n));
}

export default defineCommand({
  name: 'open',
  summary: 'open a task\'s link in the browser ($BROWSER, else the system\'s opener); --print prints the address instead',
  arguments: [{ syntax: '<task>', description: 'a task number as `prep today` shows it', complete: completeLinkedTasks }],
  options: [
    { flags: '--day <n>', description: 'a plan day instead of today\'s, its tasks numbered as `prep done --day N` numbers them' },
    { flags: '--link <k>', description: 'which of the task\'s links (default: the first; the others are listed)' },
    { flags: '--print', description: 'print the address on stdout instead, and nothing else (done too where there is no display)' },
  ],
  examples: ['prep open 1', 'prep open 1 --link 2', 'prep open --day 5 2        # task 2 of plan day 5', 'prep open 1 --print | xargs curl -sI', 'BROWSER=firefox prep open 1'],
  details: `
    $BROWSER is a list of commands separated by ":", tried in order; "%s" in one stands for the
    address, else it comes last. Without $BROWSER: open on macOS, xdg-open on Linux and the BSDs
    (with a display; without one the address is printed), wslview on WSL, the URL handler on Windows.
    Only http and https links are opened. Exit 2 for a task without a link, 1 when no browser starts.`,
  run: openLink,
  render: 'open',
  report: 'open-report',
});
