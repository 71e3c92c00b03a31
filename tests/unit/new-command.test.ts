// Adding a command is one new module and one line in the table: the module below, declared through
// the same table src/cli.ts holds, is run, printed, helped and completed like the others.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CommandEntry } from '../../src/app/define.js';
import { buildProgram, COMMANDS } from '../../src/cli.js';
import { completeWords } from '../../src/completion/walk.js';

const printed: { text: string; fd: number }[] = [];
vi.mock('../../src/output.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/output.js')>()),
  writeOut: (text: string, fd = 1) => void printed.push({ text, fd }),
}));

// The one line.
const table: CommandEntry[] = [...COMMANDS, { name: 'greet', load: () => import('../support/example-command.js') }];

let home: string;
const savedHome = process.env.PREP_HOME;
beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'prep-new-command-'));
  process.env.PREP_HOME = home;
});
afterAll(() => {
  if (savedHome === undefined) delete process.env.PREP_HOME;
  else process.env.PREP_HOME = savedHome;
  rmSync(home, { recursive: true, force: true });
});
beforeEach(() => {
  printed.length = 0;
});

const run = async (...args: string[]) => {
  await (await buildProgram(args[0], table)).parseAsync(['node', 'prep', ...args]);
  return printed.filter((p) => p.fd === 1).map((p) => p.text).join('');
};

describe('a command added with one module and one table line', () => {
  it('runs, its arguments and options by name, and prints what its renderer draws', async () => {
    expect(await run('greet', '90-day', '--loud')).toBe('HELLO, 90-DAY!\n');
  });

  it('prints its data with --json', async () => {
    expect(JSON.parse(await run('greet', '--json'))).toEqual({ greeting: 'Hello, everyone', plan: null });
  });

  it('is in the help, which leads with its examples', async () => {
    const program = await buildProgram(undefined, table);
    let help = '';
    const greet = program.commands.find((command) => command.name() === 'greet')!;
    greet.configureOutput({ writeOut: (text) => void (help += text) });
    greet.outputHelp();
    expect(help).toMatch(/^Examples:\n {2}\$ prep greet 90-day\n/);
    expect(help).toContain('--loud');
    expect(program.helpInformation()).toContain('say hello to a plan');
  });

  it('completes its argument with the completer it names', async () => {
    const sources = { plans: ['6-week', '90-day'], shells: [], settings: [], linkedTasks: async () => [] };
    expect((await completeWords(await buildProgram(undefined, table), ['greet', '9'], sources)).words).toEqual(['90-day']);
  });

  it('is not declared when another command runs', async () => {
    expect((await buildProgram('today', table)).commands.map((command) => command.name())).toEqual(['today']);
  });
});
