// A plain command line is read without commander (src/app/plain-args.ts): wherever that reader
// answers, it must answer what commander would, and anything unusual must be left to commander.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { AnyCommand } from '../../src/app/define.js';
import { parsePlainArgs } from '../../src/app/plain-args.js';
import { definitionOf } from '../../src/app/plain-run.js';
import { buildProgram, COMMANDS } from '../../src/cli.js';

const ran: { options: object; globals: object }[] = [];
vi.mock('../../src/app/run.js', () => ({
  runCommand: (_definition: unknown, options: object, globals: object) => void ran.push({ options, globals }),
}));
vi.mock('../../src/output.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/output.js')>()),
  writeOut: () => undefined,
}));

/** What commander hands the command for `args`, or 'refused' when it stops with a message. */
async function commanderReads(word: string, args: readonly string[]) {
  ran.length = 0;
  try {
    await (await buildProgram(word)).parseAsync([...args], { from: 'user' });
  } catch (caught) {
    if (caught instanceof Error && 'code' in caught && String(caught.code).startsWith('commander.')) return 'refused';
    throw caught;
  }
  return ran[0] ?? 'refused';
}

// The commands a plain run can be: one word, no subcommands.
const leaves = COMMANDS.filter((entry) => !entry.name.includes(' ') && !COMMANDS.some((other) => other.name.startsWith(`${entry.name} `)));

/** Words a user might type to `definition`: its flags, the global ones, values, numbers, and things left to commander. */
function vocabulary(definition: AnyCommand): string[] {
  const flags = [...(definition.options ?? []).map((option) => option.flags), '--date <when>', '--json', '--no-color', '--no-input'];
  const words = flags.flatMap((flags) => flags.split(/[ ,]+/).filter((word) => word.startsWith('-')));
  const inline = flags.filter((flags) => flags.includes(' <')).map((flags) => `${flags.split(' <')[0]!.split(', ').at(-1)}=2026-01-05`);
  return [...words, ...inline, '3', '12', 'yesterday', '6-week', 'x', '-', '--', '-h', '--help', '-ab', '-3', '--nope', '--json=1', definition.name];
}

describe('the plain reader of command lines', () => {
  it('reads `done 3 --day 2 --json` as commander does', async () => {
    const done = await definitionOf(COMMANDS.find((entry) => entry.name === 'done')!);
    const args = ['done', '3', '--day', '2', '--json'];
    expect(parsePlainArgs(done, args)).toEqual({ options: { numbers: ['3'], day: '2' }, globals: { day: '2', json: true, color: true, input: true } });
    expect(await commanderReads('done', args)).toEqual(parsePlainArgs(done, args));
  });

  it('leaves help, `--`, grouped and unknown flags and wrong counts of arguments to commander', async () => {
    const done = await definitionOf(COMMANDS.find((entry) => entry.name === 'done')!);
    for (const args of [['done', '--help'], ['done', '--', '3'], ['done', '-ay'], ['done', '--nope', '3'], ['--all', 'done'], ['done', '--day'], ['done', '--all=1'], ['today', 'done', '3']]) {
      expect(parsePlainArgs(done, args), args.join(' ')).toBeUndefined();
    }
    const importState = await definitionOf(COMMANDS.find((entry) => entry.name === 'import-state')!);
    for (const args of [['import-state'], ['import-state', 'a.json', 'b.json']]) expect(parsePlainArgs(importState, args), args.join(' ')).toBeUndefined();
    expect(parsePlainArgs(importState, ['import-state', 'a.json'])?.options).toEqual({ file: 'a.json' });
  });

  it.each(leaves.map((entry) => [entry.name, entry] as const))('agrees with commander on random command lines of %s', async (_name, entry) => {
    const definition = await definitionOf(entry);
    const words = vocabulary(definition);
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...words), { maxLength: 6 }), fc.nat(6), async (rest, at) => {
        const args = [...rest.slice(0, at), entry.name, ...rest.slice(at)];
        const plain = parsePlainArgs(definition, args);
        if (plain === undefined) return;
        answered++;
        expect(await commanderReads(entry.name, args)).toEqual(plain);
      }),
      { numRuns: 400 },
    );
    // The property is about something: every runnable command has plain lines.
    if (definition.run && !definition.runsElsewhere) expect(answered).toBeGreaterThan(0);
  });
});
