// The word walker behind `prep __complete`: the real command tree, and a small one for aliases and hidden commands.
import { Argument, Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { completion } from '../../src/commands/completion.js';
import { completePlans, completeShells, withCompleter } from '../../src/completion/completers.js';
import { completeWords, type Sources } from '../../src/completion/walk.js';
import { UsageError } from '../../src/errors.js';

/** What `linkedTasks` was asked with, last: the --day and --date typed on the line. */
let asked: Readonly<Record<string, string>> | undefined;
const sources: Sources = {
  plans: ['6-week', '90-day', 'my-plan'],
  shells: ['bash', 'zsh', 'fish'],
  settings: ['day-start', 'default-plan', 'prompt-format'],
  linkedTasks: async (options) => {
    asked = options;
    return options.day === '5' ? ['2'] : ['1', '3', '12'];
  },
};
const complete = async (line: string, program?: Command) => completeWords(program ?? (await buildProgram()), line.split(' '), sources);

describe('completeWords on prep\'s commands', () => {
  it.each([
    ['pl', ['plan']],
    ['c', ['checklist', 'check', 'config', 'completion']],
    ['plan sw', ['switch']],
    ['plan ', ['list', 'show', 'switch', 'catch-up', 'rebalance', 'add', 'remove', 'import', 'validate', 'help']],
    ['plan switch 9', ['90-day']],
    ['plan switch ', ['6-week', '90-day', 'my-plan']],
    ['plan show m', ['my-plan']],
    ['plan remove ', ['6-week', '90-day', 'my-plan']],
    ['plan switch 90-day ', []], // one plan argument only
    ['--json plan switch 6', ['6-week']], // a global option before the command
    ['plan switch --start 2026-03-02 9', ['90-day']], // an option's value is not the argument
    ['--date 2026-03-02 pl', ['plan']],
    ['--date=2026-03-02 pl', ['plan']],
    ['today --date ', []], // a date: nothing to offer
    ['config set default-plan 6', ['6-week']],
    ['config set day-start ', []],
    ['config get ', ['day-start', 'default-plan', 'prompt-format']],
    ['config set d', ['day-start', 'default-plan']],
    ['prompt init ', ['bash', 'zsh', 'fish']],
    ['prompt ', ['init']], // it runs on its own too, so commander adds no help command
    ['completion z', ['zsh']],
    ['today --j', ['--json']],
    ['done --', ['--all', '--day', '--help', '--version', '--date', '--json', '--no-color', '--no-input']],
    ['plan remove my-plan --f', ['--force']],
    ['-', ['--version', '--date', '--json', '--no-color', '--no-input', '--help']],
    ['done -- -', []], // after --, a word starting with - is an argument
    ['nope ', []],
    ['today extra ', []],
    ['open ', ['1', '3', '12']], // the day's tasks that have a link
    ['open 1', ['1', '12']],
    ['open --day 5 ', ['2']],
    ['open 3 ', []], // one task only
    ['open --link ', []], // a link number: nothing to offer
    ['done ', []], // any task may be marked: no list of numbers
  ])('prep %s', async (line, words) => {
    expect((await complete(line)).words).toEqual(words);
  });

  it.each([
    ['open ', {}],
    ['open --day 5 ', { day: '5' }],
    ['open --day=5 ', { day: '5' }],
    ['--date 2026-03-02 open --day 5 --print ', { date: '2026-03-02', day: '5' }],
    ['open --date=yesterday ', { date: 'yesterday' }],
  ])('prep %s asks for the linked tasks with the options typed', async (line, options) => {
    asked = undefined;
    await complete(line);
    expect(asked).toEqual(options);
  });

  it('reads the linked tasks only where a task number goes', async () => {
    asked = undefined;
    for (const line of ['', 'op', 'open -', 'plan switch ', 'done ', 'today --day ']) await complete(line);
    expect(asked).toBeUndefined();
  });

  it.each([
    ['plan add ', true],
    ['plan validate a.md b', true], // variadic: every word is a file
    ['plan add --', false],
    ['plan switch ', false],
  ])('prep %s takes a file: %s', async (line, files) => {
    expect((await complete(line)).files).toBe(files);
  });
});

describe('completeWords on any commander tree', () => {
  const program = new Command('x');
  // Each argument completes as its own completer says, whatever its name.
  program.command('visible').alias('vis').option('-q, --quiet').addArgument(withCompleter(new Argument('[plan]'), completePlans));
  program.command('secret', { hidden: true }).addArgument(withCompleter(new Argument('<shell>'), completeShells));
  program.addHelpCommand(false);

  it.each([
    ['', ['visible']], // hidden commands are not offered
    ['secret ', ['bash', 'zsh', 'fish']], // but typed in full, they complete like any other
    ['vis ', ['6-week', '90-day', 'my-plan']], // an alias walks into its command
    ['vis -', ['--quiet', '--help']],
  ])('x %s', async (line, words) => {
    expect((await complete(line, program)).words).toEqual(words);
  });
});

describe('prep completion', () => {
  it.each(['bash', 'zsh', 'fish'])('has a script for %s that calls prep __complete', (shell) => {
    expect(completion(shell)).toContain('prep __complete');
  });

  it('names the shells there are for any other', () => {
    expect(() => completion('powershell')).toThrow(UsageError);
    expect(() => completion('powershell')).toThrow(/no completion script for "powershell"/);
  });
});
