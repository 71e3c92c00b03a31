// The command registry: declares commands and options, and lazy-imports each command when it runs.
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { createContext, type Context, type GlobalOptions } from './context.js';
import type { RenderOptions } from './render/style.js';

type Render<Data> = (data: Data, options: RenderOptions) => string;

/** Runs a command and prints its data in one place: JSON with --json, else the rendered text. */
async function emit<Data>(
  command: Command,
  run: (ctx: Context) => Promise<Data>,
  render: Render<Data>,
  exitCode: (data: Data) => number = () => 0,
): Promise<void> {
  const ctx = createContext(command.optsWithGlobals<GlobalOptions>(), { env: process.env, stdout: process.stdout, cwd: process.cwd() });
  const data = await run(ctx);
  process.stdout.write(ctx.json ? `${JSON.stringify(data, null, 2)}\n` : render(data, ctx));
  process.exitCode = exitCode(data);
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export function buildProgram(): Command {
  const program = new Command('prep')
    .description('A study coach for the terminal: today\'s tasks, streaks and progress from a Markdown study plan.')
    .version(version(), '-V, --version')
    .addOption(new Option('--json', 'print only JSON on stdout'))
    .addOption(new Option('--no-color', 'no colour, even on a terminal (NO_COLOR and TERM=dumb work too)'))
    .showSuggestionAfterError()
    .exitOverride();
  program.configureHelp({ showGlobalOptions: true });

  const plan = program.command('plan').description('list, show and validate study plans');

  plan
    .command('list', { isDefault: true })
    .description('the plans there are, with days, tasks and checklist items')
    .addHelpText('after', '\nExamples:\n  $ prep plan list\n  $ prep plan list --json')
    .action(async (_options, command: Command) => {
      const [{ planList }, { renderPlanList }] = await Promise.all([import('./commands/plan-list.js'), import('./render/plan-list.js')]);
      await emit(command, (ctx) => planList({}, ctx), renderPlanList);
    });

  plan
    .command('show')
    .description('one plan\'s outline: groups, days, task counts and the final checklist')
    .argument('[plan]', 'a plan id, a unique prefix of one, or the path of a curriculum file (default: 6-week)')
    .addHelpText('after', '\nExamples:\n  $ prep plan show 90-day\n  $ prep plan show 90          # a unique prefix is enough\n  $ prep plan show ./my-plan.md --json')
    .action(async (planArg: string | undefined, _options, command: Command) => {
      const [{ planShow }, { renderPlanShow }] = await Promise.all([import('./commands/plan-show.js'), import('./render/plan-show.js')]);
      await emit(command, (ctx) => planShow(planArg === undefined ? {} : { plan: planArg }, ctx), renderPlanShow);
    });

  plan
    .command('validate')
    .description('check curriculum files; prints file:line:col: message for each problem, exits 1 on any error')
    .argument('<files...>', 'curriculum Markdown files')
    .addHelpText('after', '\nExamples:\n  $ prep plan validate my-plan.md\n  $ prep plan validate curricula/*.md --json')
    .action(async (files: string[], _options, command: Command) => {
      const [{ planValidate }, { renderValidate }] = await Promise.all([import('./commands/plan-validate.js'), import('./render/plan-validate.js')]);
      await emit(command, (ctx) => planValidate({ files }, ctx), renderValidate, (data) => (data.ok ? 0 : 1));
    });

  return program;
}
