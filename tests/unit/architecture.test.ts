// The shape of the code, held by a test: no import circles, renderers that take only types from
// commands, no file past about 400 lines, and a command table that matches the command modules.
import { describe, expect, it } from 'vitest';
import { RENDERERS } from '../../src/app/renderers.js';
import { definitionOf } from '../../src/app/plain-run.js';
import { COMMANDS } from '../../src/cli.js';
import { DAILY_COMMANDS, DAILY_RENDERERS } from '../../src/daily.js';
import { DAILY_WORDS } from '../../src/startup/argv.js';
import { ROOT } from '../helpers.js';
import { importCircles, sourceFiles } from '../support/import-graph.js';

const sources = sourceFiles(ROOT);

describe('the import graph of src/', () => {
  it('reads every module and its imports', () => {
    const cli = sources.find((source) => source.path === 'src/cli.ts');
    expect(cli?.imports.map((i) => i.path)).toEqual(expect.arrayContaining(['src/app/declare.ts', 'src/daily.ts', 'src/commands/open.ts']));
    expect(sources.length).toBeGreaterThan(100);
  });

  it('has no circle, type imports included', () => {
    expect(importCircles(sources)).toEqual([]);
  });

  it('finds a circle where there is one', () => {
    const a = { path: 'a.ts', text: '', packages: [], imports: [{ path: 'b.ts', typeOnly: false }] };
    const b = { path: 'b.ts', text: '', packages: [], imports: [{ path: 'a.ts', typeOnly: true }] };
    expect(importCircles([a, b])).toEqual([['a.ts', 'b.ts']]);
  });

  it('has renderers that take nothing from src/commands/ but types', () => {
    const crossing = sources.filter((s) => s.path.startsWith('src/render/')).flatMap((s) => s.imports.filter((i) => i.path.startsWith('src/commands/') && !i.typeOnly).map((i) => `${s.path} → ${i.path}`));
    expect(crossing).toEqual([]);
  });

  it('leaves the disk and the process to the context: no node:fs or process under src/commands/', () => {
    const commands = sources.filter((s) => s.path.startsWith('src/commands/'));
    expect(commands.filter((s) => s.packages.some((p) => /^(node:)?fs(\/|$)/.test(p))).map((s) => s.path)).toEqual([]);
    expect(commands.filter((s) => /\bprocess\./.test(s.text)).map((s) => s.path)).toEqual([]);
  });

  it('keeps the build\'s branches (PREP_BUILD, PREP_VERSION) in src/startup/', () => {
    expect(sources.filter((s) => /\bPREP_(BUILD|VERSION)\b/.test(s.text) && !s.path.startsWith('src/startup/')).map((s) => s.path)).toEqual([]);
  });

  it('keeps src/commands/ for commands: every module there defines one', () => {
    const modules = sources.filter((s) => s.path.startsWith('src/commands/'));
    expect(modules.filter((s) => !/^export default /m.test(s.text)).map((s) => s.path)).toEqual([]);
  });
});

describe('names', () => {
  it('gives no two exported things of src/ the same name', () => {
    const owners = new Map<string, Set<string>>();
    for (const source of sources) {
      for (const match of source.text.matchAll(/^export (?:async )?(?:function|const|class|interface|type|let|enum) ([A-Za-z_$][\w$]*)/gm)) {
        owners.set(match[1]!, (owners.get(match[1]!) ?? new Set()).add(source.path));
      }
    }
    expect([...owners].filter(([, paths]) => paths.size > 1).map(([name, paths]) => `${name}: ${[...paths].join(', ')}`)).toEqual([]);
  });
});

describe('file sizes', () => {
  it('has no source file over 400 lines', () => {
    const long = sources.map((s) => ({ path: s.path, lines: s.text.split('\n').length - (s.text.endsWith('\n') ? 1 : 0) })).filter((s) => s.lines > 400);
    expect(long).toEqual([]);
  });

  it('keeps src/cli.ts a short table', () => {
    expect(sources.find((s) => s.path === 'src/cli.ts')!.text.split('\n').length).toBeLessThanOrEqual(120);
  });
});

describe('the command table', () => {
  it('loads from each entry a definition of its name, with a renderer there is', async () => {
    for (const entry of COMMANDS) {
      const definition = await definitionOf(entry);
      expect(definition.name).toBe(entry.name);
      for (const named of [definition.render, definition.report]) if (typeof named === 'string') expect(Object.keys(RENDERERS)).toContain(named);
      if (definition.run && !definition.document) expect(definition.render).toBeDefined();
    }
  });

  it('lists every command each module defines', async () => {
    const modules = new Set(COMMANDS.map((entry) => entry.load));
    const names = COMMANDS.map((entry) => entry.name);
    for (const load of modules) {
      const exported = (await load()).default;
      for (const definition of Array.isArray(exported) ? exported : [exported]) expect(names).toContain(definition.name);
    }
  });

  it('has the daily bundle run the commands boot sends it, and the whole CLI know them too', () => {
    expect(DAILY_COMMANDS.map((entry) => entry.name)).toEqual([...DAILY_WORDS]);
    expect(COMMANDS.slice(0, DAILY_COMMANDS.length)).toEqual(DAILY_COMMANDS);
    for (const [name, load] of Object.entries(DAILY_RENDERERS)) expect(RENDERERS[name]).toBe(load);
  });
});
