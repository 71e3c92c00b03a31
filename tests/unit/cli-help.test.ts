// Every command's --help leads with examples, and every example names a command that exists.
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';

function commands(command: Command, path: string[] = []): [string, Command][] {
  const hidden = (c: Command) => (c as unknown as { _hidden?: boolean })._hidden === true;
  return [[path.join(' ') || '(prep)', command], ...command.commands.filter((c) => !hidden(c) && c.name() !== 'help').flatMap((c) => commands(c, [...path, c.name()]))];
}

function helpOf(command: Command): string {
  let text = '';
  command.configureOutput({ writeOut: (s) => void (text += s), writeErr: (s) => void (text += s) });
  command.outputHelp();
  return text;
}

const program = await buildProgram();
const all = commands(program);

describe('--help', () => {
  it('covers every command', () => {
    expect(all.map(([name]) => name)).toEqual(expect.arrayContaining(['(prep)', 'today', 'done', 'plan switch', 'plan catch-up', 'stats', 'week', 'pause', 'resume', 'config set', 'prompt init']));
  });

  it.each(all)('%s leads with examples of itself', (name, command) => {
    const help = helpOf(command);
    expect(help).toMatch(/^Examples:\n {2}\$ /);
    const examples = help.slice(0, help.indexOf('\n\n')).split('\n').slice(1);
    expect(examples.length).toBeGreaterThan(0);
    if (name !== '(prep)') expect(examples.some((line) => line.includes(`prep ${name}`))).toBe(true);
    expect(help).toContain('Usage: prep');
  });
});

describe('option texts', () => {
  it('undo --day says what undo does with the day, not catching up', () => {
    const undo = helpOf(all.find(([name]) => name === 'undo')![1]);
    expect(undo).toMatch(/--day <days>\s+a plan day \(or a range of days, such as 29-33\) instead of\s+today's, whose tasks to mark not done/);
    expect(undo).not.toContain('catch up');
  });
});
