// The command registry: declares commands and options, and runs each in one place (emit).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { createContext, wantsColor, type Context, type GlobalOptions } from './context.js';
import { processStreams, writeOut } from './output.js';
import { cleanText } from './curriculum/text.js';
import { completion } from './commands/completion.js';
import { config } from './commands/config.js';
import { doctor } from './commands/doctor.js';
import { planAdd, planRemove } from './commands/plan-add-remove.js';
import { renderAdd, renderRemove } from './render/plan-add-remove.js';
import { renderDoctor } from './render/doctor.js';
import { packageRoot } from './package-root.js';
import { segmentFile } from './prompt/file.js';
import { initSnippet } from './prompt/init.js';
import { resolvePaths } from './state/paths.js';
import { runPrompt } from './prompt/run.js';
import { inquirerPrompter } from './prompts.js';
import type { RenderOptions } from './render/style.js';
// Commands and renderers are small and bundled with the CLI; what is heavy (the Markdown parser,
// inquirer, cli-table3, conf) is loaded only by the code that needs it.
import { catchUp } from './commands/catch-up.js';
import { checklist } from './commands/checklist.js';
import { exportPlan } from './commands/export.js';
import { importState } from './commands/import-state.js';
import { planImport } from './commands/plan-import.js';
import { renderExport } from './render/export.js';
import { renderImport as renderImportState } from './render/import-state.js';
import { renderPlanImport, renderPlanImportReport } from './render/plan-import.js';
import { renderPlanList } from './render/plan-list.js';
import { renderWeek } from './render/week.js';
import { pause } from './commands/pause.js';
import { markTasks } from './commands/done.js';
import { openLink } from './commands/open.js';
import { planList } from './commands/plan-list.js';
import { planShow } from './commands/plan-show.js';
import { planSwitch } from './commands/plan-switch.js';
import { planValidate } from './commands/plan-validate.js';
import { rest } from './commands/rest.js';
import { stats } from './commands/stats.js';
import { sync, syncInit, syncStatus } from './commands/sync.js';
import { renderSync, renderSyncInit, renderSyncStatus } from './render/sync.js';
import { week } from './commands/week.js';
import { today } from './commands/today.js';
import { renderCatchUp } from './render/catch-up.js';
import { renderChecklist } from './render/checklist.js';
import { renderPause } from './render/pause.js';
import { renderConfig } from './render/config.js';
import { renderMark } from './render/done.js';
import { renderOpen, renderOpenReport } from './render/open.js';
import { renderPlanShow } from './render/plan-show.js';
import { renderSwitch } from './render/plan-switch.js';
import { renderValidate } from './render/plan-validate.js';
import { renderRest } from './render/rest.js';
import { renderStats } from './render/stats.js';
import { renderHints, renderToday } from './render/today.js';

type Render<Data> = (data: Data, options: RenderOptions) => string;

interface EmitExtras<Data> {
  exitCode?: (data: Data) => number;
  /** A report for stderr (not with --json), when stdout carries the data itself. */
  report?: () => Promise<Render<Data>>;
  /** A document to print as it is instead (`prep export` without -o). */
  document?: (data: Data) => string | undefined;
}

/** Runs a command and prints its data in one place: JSON with --json, else the rendered text. */
async function emit<Data>(command: Command, run: (ctx: Context) => Promise<Data>, render: () => Promise<Render<Data>>, extras: EmitExtras<Data> = {}): Promise<void> {
  const options = command.optsWithGlobals<GlobalOptions>();
  const streams = processStreams();
  const ctx = createContext(options, streams, inquirerPrompter(wantsColor(options, streams)));
  const data = await run(ctx);
  if (extras.report && !ctx.json) writeOut((await extras.report())(data, ctx), 2);
  writeOut(extras.document?.(data) ?? (ctx.json ? `${JSON.stringify(data, null, 2)}\n` : (await render())(data, ctx)));
  process.exitCode = extras.exitCode?.(data) ?? 0;
}

declare const PREP_VERSION: string | undefined;

/** Stamped into the bundle at build time; read from package.json when running from source. */
function version(): string {
  if (typeof PREP_VERSION === 'string') return PREP_VERSION;
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

// Help leads with examples: most people read the first lines and try one.
const examples = (...lines: string[]) => `Examples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;

/**
 * The top-level commands by name (aliases too), each registered on its own: a run declares only the
 * command it runs (options, help texts), not the other thirty; help and typos get them all.
 */
const COMMANDS: [names: string[], register: (program: Command) => void][] = [
  [
    ['today'],
    (program) => {
      program
        .command('today')
        .description('today\'s tasks, numbered, with the streak, overdue work, checklist and progress')
        .option('--day <n>', 'preview plan day N, on the date it falls on')
        .addOption(new Option('--hints', 'what `prep` alone adds: a line on other commands').hideHelp())
        .addHelpText('before', examples('prep today', 'prep today --date tomorrow   # preview a day', 'prep today --day 12          # preview plan day 12', 'prep today --json'))
        .action(async (options: { hints?: boolean; day?: string }, command: Command) => {
          await emit(command, (ctx) => today({ day: options.day }, ctx), async () => (options.hints ? (data, o) => `${renderToday(data, o)}${renderHints(o)}` : renderToday));
        });
    },
  ],
  [
    ['done', 'undo'],
    (program) => {
      for (const action of ['done', 'undo'] as const) {
        program
          .command(action)
          .description(action === 'done' ? 'mark tasks of today (or of --day N) done; with no numbers on a terminal, pick them from a list' : 'mark tasks not done after all')
          .argument('[numbers...]', 'task numbers as `prep today` shows them')
          .option('-a, --all', `mark every task of the day ${action === 'done' ? 'done' : 'not done'}`)
          .option('--day <days>', action === 'done' ? 'a plan day instead of today\'s, to catch up on earlier tasks; a range such as 29-33 marks the tasks on each of its days' : 'a plan day (or a range of days, such as 29-33) instead of today\'s, whose tasks to mark not done')
          .addHelpText('before', action === 'done' ? examples('prep done 3', 'prep done 1 2 4', 'prep done --all', 'prep done --day 5 2        # task 2 of plan day 5', 'prep done --day 29-33 2    # task 2 of each of days 29 to 33', 'prep done --date yesterday 1   # forgot to log it yesterday') : examples('prep undo 3', 'prep undo --all', 'prep undo --day 5 2        # task 2 of plan day 5'))
          .action(async (numbers: string[], options: { all?: boolean; day?: string }, command: Command) => {
            await emit(command, (ctx) => markTasks({ numbers, ...options }, action, ctx), async () => renderMark);
          });
      }
    },
  ],
  [
    ['open'],
    (program) => {
      program
        .command('open')
        .description('open a task\'s link in the browser ($BROWSER, else the system\'s opener); --print prints the address instead')
        .argument('<task>', 'a task number as `prep today` shows it')
        .option('--day <n>', 'a plan day instead of today\'s, its tasks numbered as `prep done --day N` numbers them')
        .option('--link <k>', 'which of the task\'s links (default: the first; the others are listed)')
        .option('--print', 'print the address on stdout instead, and nothing else (done too where there is no display)')
        .addHelpText('before', examples('prep open 1', 'prep open 1 --link 2', 'prep open --day 5 2        # task 2 of plan day 5', 'prep open 1 --print | xargs curl -sI', 'BROWSER=firefox prep open 1'))
        .addHelpText('after', `
    $BROWSER is a list of commands separated by ":", tried in order; "%s" in one stands for the
    address, else it comes last. Without $BROWSER: open on macOS, xdg-open on Linux and the BSDs
    (with a display; without one the address is printed), wslview on WSL, the URL handler on Windows.
    Only http and https links are opened. Exit 2 for a task without a link, 1 when no browser starts.`)
        .action(async (task: string, options: { day?: string; link?: string; print?: boolean }, command: Command) => {
          await emit(command, (ctx) => openLink({ task, ...options }, ctx), async () => renderOpen, { report: async () => renderOpenReport });
        });
    },
  ],
  [
    ['plan'],
    (program) => {
      const plan = program
        .command('plan')
        .description('list, show, switch, catch up, validate, add and import study plans')
        .addHelpText('before', examples('prep plan', 'prep plan show 90', 'prep plan switch 90-day', 'prep plan catch-up', 'prep plan import notes.txt -o my-plan.md'))
        // `list` is the default, but a mistyped subcommand is a typo to name, not words to pass to it.
        .hook('preSubcommand', (self, sub) => {
          const word = self.args[0];
          if (word !== undefined && !word.startsWith('-') && word !== sub.name() && !sub.aliases().includes(word)) (self as unknown as { unknownCommand(): never }).unknownCommand();
        });

      plan
        .command('list', { isDefault: true })
        .description('the plans there are, with days, tasks and checklist items; * marks the active one')
        .addHelpText('before', examples('prep plan list', 'prep plan list --json'))
        .action(async (_options, command: Command) => {
          await emit(command, (ctx) => planList({}, ctx), async () => renderPlanList);
        });

      plan
        .command('show')
        .description('one plan\'s outline: groups, days, task counts and the final checklist')
        .argument('[plan]', 'a plan id, a unique prefix of one, or the path of a curriculum file (default: the active plan)')
        .addHelpText('before', examples('prep plan show 90-day', 'prep plan show 90          # a unique prefix is enough', 'prep plan show ./my-plan.md --json'))
        .action(async (planArg: string | undefined, _options, command: Command) => {
          await emit(command, (ctx) => planShow(planArg === undefined ? {} : { plan: planArg }, ctx), async () => renderPlanShow);
        });

      plan
        .command('switch')
        .description('make another plan the active one; each plan keeps its own start date and progress')
        .argument('[plan]', 'a plan id or a unique prefix; on a terminal, leave it out to pick from a list')
        .option('--start <date>', 'the plan\'s day 1: today, yesterday or YYYY-MM-DD (default: kept, or today for a new plan)')
        .addHelpText('before', examples('prep plan switch 90-day', 'prep plan switch 6 --start 2026-03-02', 'prep plan switch'))
        .action(async (planArg: string | undefined, options: { start?: string }, command: Command) => {
          await emit(command, (ctx) => planSwitch({ ...(planArg === undefined ? {} : { plan: planArg }), ...options }, ctx), async () => renderSwitch);
        });

      plan
        .command('catch-up')
        .description('fell behind? move the plan so its first unfinished day is today; the end date moves, nothing done is lost')
        .addHelpText('before', examples('prep plan catch-up', 'prep plan catch-up --json'))
        .action(async (_options, command: Command) => {
          await emit(command, (ctx) => catchUp({}, ctx), async () => renderCatchUp);
        });

      plan
        .command('add')
        .description('validate a curriculum file and add it to your plans (a copy is kept in your data directory)')
        .argument('<file>', 'a curriculum Markdown file')
        .option('--force', 'replace a plan of yours with the same id (its progress is kept)')
        .addHelpText('before', examples('prep plan add my-plan.md', 'prep plan add my-plan.md --force'))
        .action(async (file: string, options: { force?: boolean }, command: Command) => {
          await emit(command, (ctx) => planAdd({ file, ...options }, ctx), async () => renderAdd);
        });

      plan
        .command('remove')
        .description('remove a plan you added; its progress stays in your log')
        .argument('<plan>', 'the id of a plan you added')
        .option('--force', 'also when it is the active plan')
        .option('-y, --yes', 'do not ask first')
        .addHelpText('before', examples('prep plan remove my-plan', 'prep plan remove my-plan --force --yes'))
        .action(async (id: string, options: { force?: boolean; yes?: boolean }, command: Command) => {
          await emit(command, (ctx) => planRemove({ id, ...options }, ctx), async () => renderRemove);
        });

      plan
        .command('import')
        .description('turn a freeform study plan (Markdown or plain text) into a curriculum file that validates')
        .argument('<file>', 'the study plan to read')
        .option('-o, --output <file>', 'write the curriculum to this file (atomically) instead of stdout')
        .option('--id <id>', 'the plan id (default: from the file name)')
        .option('--title <title>', 'the plan title (default: its first heading or line)')
        .option('--start-day <n>', 'number the first day found N (default 1)')
        .option('--force', 'replace the -o file if it exists')
        .addHelpText(
          'before',
          examples(
            'prep plan import six-weeks.txt -o six-weeks.md && prep plan add six-weeks.md',
            'prep plan import notes.md > my-plan.md          # curriculum on stdout, report on stderr',
            'prep plan import notes.md --id interview-prep --title "Interview prep"',
            'prep plan import fragment.md --start-day 1      # a plan counting from Day 0 or Day 15 starts at 1',
            'prep plan import notes.md --json',
          ),
        )
        .addHelpText(
          'after',
          `
    It finds "Day N", "Days N-M", "Day N (Feb 2)" and "Day N — Title" in headings, bold list
    items or plain lines; "Week N" sections (with days, or week-level tasks of their own); weekday
    blocks (Monday … Sunday are consecutive days); tables with a Day column; Morning/Evening and
    5:00–7:00 labels as sections; rest days; and a checklist under a heading or line naming a
    checklist, "before the interview" or a final review. Prose and resources it cannot place go to
    the intro, a notes section or the nearest day; the report on stderr lists the lines it guessed
    about. --start-day N renumbers the days so the first one found is day N; with N > 1 the days
    before it are rest days. Exit 2 when the file holds no schedule.`,
        )
        .action(async (file: string, options: { output?: string; id?: string; title?: string; startDay?: string; force?: boolean }, command: Command) => {
          await emit(command, (ctx) => planImport({ file, ...options }, ctx), async () => renderPlanImport, { report: async () => renderPlanImportReport });
        });

      plan
        .command('validate')
        .description('check curriculum files; prints file:line:col: message for each problem, exits 1 on any error')
        .argument('<files...>', 'curriculum Markdown files')
        .addHelpText('before', examples('prep plan validate my-plan.md', 'prep plan validate curricula/*.md --json'))
        .action(async (files: string[], _options, command: Command) => {
          await emit(command, (ctx) => planValidate({ files }, ctx), async () => renderValidate, { exitCode: (data) => (data.ok ? 0 : 1) });
        });
    },
  ],
  [
    ['stats', 'streak'],
    (program) => {
      program
        .command('stats')
        .alias('streak')
        .description('streaks, a heatmap of the last 17 weeks, progress per week or phase, and how far ahead or behind you are')
        .addHelpText('before', examples('prep stats', 'prep streak', 'prep stats --json | jq .streak'))
        .action(async (_options, command: Command) => {
          await emit(command, (ctx) => stats({}, ctx), async () => renderStats);
        });
    },
  ],
  [
    ['week'],
    (program) => {
      program
        .command('week')
        .description('this plan week\'s seven days in a table: day, date, title and tasks done')
        .addHelpText('before', examples('prep week', 'prep week --date 2026-03-09   # another week', 'prep week --json'))
        .action(async (_options, command: Command) => {
          await emit(command, (ctx) => week({}, ctx), async () => renderWeek);
        });
    },
  ],
  [
    ['checklist'],
    (program) => {
      program
        .command('checklist')
        .description('the active plan\'s final checklist, with your ticks')
        .addHelpText('before', examples('prep checklist', 'prep check 1 2', 'prep uncheck 2'))
        .action(async (_options, command: Command) => {
          await emit(command, (ctx) => checklist({}, ctx), async () => renderChecklist);
        });
    },
  ],
  [
    ['check', 'uncheck'],
    (program) => {
      for (const action of ['check', 'uncheck'] as const) {
        program
          .command(action)
          .description(action === 'check' ? 'tick final-checklist items' : 'untick final-checklist items')
          .argument('<numbers...>', 'item numbers as `prep checklist` shows them')
          .addHelpText('before', examples(`prep ${action} 1 3`))
          .action(async (numbers: string[], _options, command: Command) => {
            await emit(command, (ctx) => checklist({ numbers, action }, ctx), async () => renderChecklist);
          });
      }
    },
  ],
  [
    ['rest'],
    (program) => {
      program
        .command('rest')
        .description('declare today (or --date) a rest day: it bridges the streak; at most one in any 7 days, never on a day you studied')
        .option('--undo', 'take back a rest day you declared')
        .addHelpText('before', examples('prep rest', 'prep rest --date yesterday', 'prep rest --undo --date yesterday'))
        .action(async (options: { undo?: boolean }, command: Command) => {
          await emit(command, (ctx) => rest(options, ctx), async () => renderRest);
        });
    },
  ],
  [
    ['pause', 'resume'],
    (program) => {
      for (const action of ['pause', 'resume'] as const) {
        program
          .command(action)
          .description(action === 'pause' ? 'stop the active plan\'s clock (travel, illness): paused days neither move the plan on nor break the streak' : 'start the paused plan\'s clock again, at the day it stopped')
          .addHelpText('before', action === 'pause' ? examples('prep pause', 'prep pause --date yesterday   # it began yesterday') : examples('prep resume', 'prep resume --json'))
          .action(async (_options, command: Command) => {
            await emit(command, (ctx) => pause({ resume: action === 'resume' }, ctx), async () => renderPause);
          });
      }
    },
  ],
  [
    ['doctor'],
    (program) => {
      program
        .command('doctor')
        .description('check the study log (every file and line) and the config file; exit 1 for damaged lines; --restore repairs what it can')
        .option('--restore', 'move damaged lines out of this device\'s log file (kept aside); bring an older state file\'s last good copy into the log when the file is broken')
        .addHelpText('before', examples('prep doctor', 'prep doctor --restore', 'prep doctor --json | jq .log.problems'))
        .action(async (options: { restore?: boolean }, command: Command) => {
          await emit(command, (ctx) => doctor(options, ctx), async () => renderDoctor, { exitCode: (data) => (data.ok ? 0 : 1) });
        });
    },
  ],
  [
    ['sync'],
    (program) => {
      const syncCommand = program
        .command('sync')
        .description('share the study log between machines: a folder a sync tool keeps, or a git remote; `prep sync` alone commits, fetches, merges and pushes (git)')
        .addHelpText('before', examples('prep sync init ~/Sync/prep        # Syncthing, Dropbox, iCloud Drive, a network share', 'prep sync init --git git@example.com:me/prep-log.git', 'prep sync                         # with git: commit, fetch, merge, push', 'prep sync status'))
        .action(async (_options, command: Command) => {
          await emit(command, (ctx) => sync({}, ctx), async () => renderSync);
        });
      syncCommand
        .command('init')
        .description('move this machine\'s log into a shared folder (or a clone of a git remote); prep reads every device\'s file there and writes only its own')
        .argument('[dir]', 'the folder (with --git: where the clone goes; default: sync/ in the state directory)')
        .option('--git <url>', 'a git remote to share the log through (`prep sync` then commits, fetches, merges and pushes)')
        .addHelpText('before', examples('prep sync init ~/Dropbox/prep', 'prep sync init --git git@example.com:me/prep-log.git', 'prep sync init --git ~/prep-log.git ~/prep-log'))
        .action(async (dir: string | undefined, options: { git?: string }, command: Command) => {
          await emit(command, (ctx) => syncInit({ ...(dir === undefined ? {} : { dir }), ...options }, ctx), async () => renderSyncInit);
        });
      syncCommand
        .command('status')
        .description('the devices seen in the log, each one\'s last event, conflict copies merged, and (git) what is not pushed yet')
        .addHelpText('before', examples('prep sync status', 'prep sync status --json'))
        .action(async (_options, command: Command) => {
          await emit(command, (ctx) => syncStatus({}, ctx), async () => renderSyncStatus);
        });
    },
  ],
  [
    ['export'],
    (program) => {
      program
        .command('export')
        .description('the active plan as a calendar file (--ics), or a backup of your whole state (--json); to stdout, or to a file with -o')
        .addOption(new Option('--format <format>', 'what to export: ics or json (--ics and --json say the same)'))
        .option('--ics', 'the active plan as an iCalendar file: one all-day event per plan day, on its date')
        .option('-o, --output <file>', 'write to this file (atomically) instead of stdout')
        .option('--force', 'replace the file if it exists')
        .addHelpText('before', examples(
          'prep export --ics -o plan.ics          # import into your calendar; re-importing updates the events',
          'prep export --json -o backup.json      # a backup of your state, readable by you only',
          'prep export --ics > plan.ics',
          'prep import-state backup.json          # put a backup back',
        ))
        .addHelpText('after', `
    --json is the global option (only JSON on stdout): alone it names the backup (with -o FILE, only the
    file is written); with --ics -o FILE it prints a JSON report of what was written. A note of a
    written file goes to stderr.`)
        .action(async (options: { format?: string; ics?: boolean; output?: string; force?: boolean }, command: Command) => {
          const { json } = command.optsWithGlobals<GlobalOptions>();
          await emit(
            command,
            (ctx) => exportPlan({ ...options, ...(json ? { json } : {}) }, ctx),
            async () => renderExport,
            // `--json -o FILE` names the backup: the file is all there is to print, and its note is on stderr.
            { document: (data) => data.document ?? (json && !options.ics && options.format === undefined ? '' : undefined) },
          );
        });
    },
  ],
  [
    ['import-state'],
    (program) => {
      program
        .command('import-state')
        .description('merge a backup from `prep export --json` into your log (checked first; nothing is dropped, each event counted once); --replace sets your state aside for it')
        .argument('<file>', 'a backup from `prep export --json`, or a copy of a state file')
        .option('-y, --yes', 'do not ask first (needed without a terminal)')
        .option('--replace', 'instead of merging, set everything before it aside (its events stay in the log\'s files)')
        .addHelpText('before', examples('prep import-state backup.json', 'prep import-state backup.json --yes', 'prep import-state ~/old/state.json.bak --yes', 'prep import-state backup.json --replace --yes'))
        .action(async (file: string, options: { yes?: boolean; replace?: boolean }, command: Command) => {
          await emit(command, (ctx) => importState({ file, ...options }, ctx), async () => renderImportState);
        });
    },
  ],
  [
    ['config'],
    (program) => {
      const configCommand = program
        .command('config')
        .description('where state lives, and settings: day-start, default-plan, prompt-format')
        .addHelpText('before', examples('prep config path', 'prep config get', 'prep config set day-start 04:00'));
      const configAction = (action: 'path' | 'get' | 'set') => async (key: string | undefined, value: string | undefined, _options: unknown, command: Command) => {
        const options = { action, ...(typeof key === 'string' ? { key } : {}), ...(typeof value === 'string' ? { value } : {}) };
        await emit(command, (ctx) => config(options, ctx), async () => renderConfig);
      };
      configCommand
        .command('path')
        .description('print the folder of the study log (your history)')
        .addHelpText('before', examples('prep config path', 'prep config path --json   # the config file and the cache directory too'))
        .action((_o, c: Command) => configAction('path')(undefined, undefined, _o, c));
      configCommand
        .command('get')
        .description('print settings')
        .argument('[key]', 'day-start, default-plan or prompt-format')
        .addHelpText('before', examples('prep config get', 'prep config get day-start'))
        .action((key: string | undefined, _o, c: Command) => configAction('get')(key, undefined, _o, c));
      configCommand
        .command('set')
        .description('change a setting')
        .argument('<key>', 'day-start (HH:MM, when a new study day begins), default-plan (a plan id) or prompt-format (the shell snippets\' segment)')
        .argument('<value>')
        .addHelpText('before', examples('prep config set day-start 04:00', 'prep config set default-plan 90-day', "prep config set prompt-format '{streak}d {done}/{total}'"))
        .action((key: string, value: string, _o, c: Command) => configAction('set')(key, value, _o, c));
    },
  ],
  [
    ['prompt'],
    (program) => {
      const prompt = program
        .command('prompt')
        .description('a short segment for the shell prompt: streak and today\'s done/total; prints nothing when no plan is active')
        .option('--format <format>', 'tokens: {streak} {longest} {done} {total} {day} {days} {plan} {risk}')
        .option('--ascii', 'no emoji')
        .option('--debug', 'show an error instead of printing nothing')
        .option('--refresh', 'also rewrite the segment file the shell snippets read')
        .addHelpText('before', examples('prep prompt', "prep prompt --format '{plan} day {day}/{days} 🔥{streak}'", 'eval "$(prep prompt init bash)"   # in ~/.bashrc: no process per prompt'))
        .action(async (options: { format?: string; ascii?: boolean; debug?: boolean; refresh?: boolean }, command: Command) => {
          const date = command.optsWithGlobals<GlobalOptions>().date;
          process.exitCode = await runPrompt({ ...options, ...(date === undefined ? {} : { date }) }, process.env, (text) => writeOut(text));
        });
      prompt
        .command('init')
        .description('print the snippet to eval in your shell\'s rc file: bash, zsh or fish')
        .argument('<shell>', 'bash, zsh or fish')
        .addHelpText('before', examples('eval "$(prep prompt init bash)"    # ~/.bashrc', 'eval "$(prep prompt init zsh)"     # ~/.zshrc', 'prep prompt init fish | source    # ~/.config/fish/config.fish'))
        .action(async (shell: string, _options, command: Command) => {
          await emit(command, async () => initSnippet(shell, segmentFile(resolvePaths(process.env)), [process.execPath, join(packageRoot(), 'bin', 'prep.cjs')]), async () => (text: string) => text);
        });
    },
  ],
  [
    ['completion'],
    (program) => {
      program
        .command('completion')
        .description('print the Tab-completion script for your shell: bash, zsh or fish (commands, options, plan ids)')
        .argument('<shell>', 'bash, zsh or fish')
        .addHelpText('before', examples(
          'eval "$(prep completion bash)"    # ~/.bashrc',
          'prep completion bash > ~/.local/share/bash-completion/completions/prep',
          'eval "$(prep completion zsh)"     # ~/.zshrc, after compinit',
          'prep completion fish > ~/.config/fish/completions/prep.fish',
        ))
        .action(async (shell: string, _options, command: Command) => {
          await emit(command, async () => completion(shell), async () => (text: string) => text);
        });
    },
  ],
];

/** The CLI, with every command or only `only`'s (the command word of this run). */
export function buildProgram(only?: string): Command {
  const program = new Command('prep')
    .description('A study coach for the terminal: today\'s tasks, streaks and progress from a Markdown study plan.')
    .version(version(), '-V, --version')
    .addOption(new Option('--date <when>', 'act as if today were this date: today, yesterday, tomorrow (to read) or YYYY-MM-DD'))
    .addOption(new Option('--json', 'print only JSON on stdout'))
    .addOption(new Option('--no-color', 'no colour, even on a terminal (NO_COLOR and TERM=dumb work too)'))
    .addOption(new Option('--no-input', 'never prompt; fail with a message instead'))
    .showSuggestionAfterError()
    .exitOverride()
    // Help and commander's messages go out like everything else: a closed pipe ends the run quietly;
    // its errors quote the words typed, cleaned.
    .configureOutput({ writeOut: (text) => writeOut(text), writeErr: (text) => writeOut(cleanText(text), 2) });
  program.configureHelp({ showGlobalOptions: true });
  program.addHelpText('before', examples('prep                        # today\'s page', 'prep done 1 3', 'prep done --date yesterday 2', 'prep stats', 'prep plan switch 90', 'prep pause                  # travelling: the plan waits'));
  for (const [names, register] of COMMANDS) if (only === undefined || names.includes(only)) register(program);
  return program;
}
