// The shape of the build that start-up time depends on (npm test builds before it runs this).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const dist = join(ROOT, 'dist');
const read = (...parts: string[]) => readFileSync(join(dist, ...parts), 'utf8');

describe('the bundle', () => {
  it('is one CommonJS file that loads nothing of its own; the heavy packages come through boot.cjs', () => {
    const main = read('main.cjs');
    // Every start pays for each file it loads: the one other file is required on first use only.
    expect([...main.matchAll(/require\("(\.{1,2}\/[^"]*)"\)/g)].map((m) => m[1])).toEqual(['./measure.cjs']);
    expect(main).toMatch(/load = \(\) => m \?\?= require\("\.\/measure\.cjs"\)/);
    expect(main).not.toMatch(/\bimport\(/); // run from a code cache (vm.Script), it could not import()
    expect(main).toContain('__prepVendorImport');
    expect(read('boot.cjs')).toContain('main.cjs');
    expect(readdirSync(join(dist, 'vendor')).sort()).toEqual(['inquirer.mjs']);
    expect(readFileSync(join(ROOT, 'bin', 'prep.cjs'), 'utf8')).toContain("require('../dist/boot.cjs')");
  });

  it('keeps remark out of every file but dist/remark.cjs, which the parser requires only on first use', () => {
    const files = ['main.cjs', 'boot.cjs', 'prompt.cjs', 'prompt-compute.cjs', 'parser.cjs', ...readdirSync(join(dist, 'vendor')).map((f) => join('vendor', f))];
    for (const file of files) expect(read(file), file).not.toMatch(/micromark/);
    expect(read('remark.cjs')).toMatch(/micromark/);
    expect(read('parser.cjs')).toMatch(/quickTree/);
    expect(read('parser.cjs')).toMatch(/load = \(\) => m \?\?= require\("\.\/remark\.cjs"\)/);
  });

  it('keeps the prompt to one small file while its last answer holds: what reads the log is required only on a miss', () => {
    const prompt = read('prompt.cjs');
    const required = new Set([...prompt.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]));
    expect([...required].sort()).toEqual(['./prompt-compute.cjs', 'node:fs', 'node:os', 'node:path']);
    expect(prompt).toMatch(/load = \(\) => m \?\?= require\("\.\/prompt-compute\.cjs"\)/);
    expect(prompt).not.toMatch(/\bimport\(/);
    // The log's reader, its fold and the plan index are in the other file.
    expect(prompt).not.toMatch(/LogReader = class|function foldInto|loadPlanIndex/);
    expect(read('prompt-compute.cjs')).toMatch(/LogReader = class/);
    const computeRequires = new Set([...read('prompt-compute.cjs').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!));
    expect([...computeRequires].filter((name) => !name.startsWith('node:'))).toEqual([]);
  });

  it('keeps string-width in dist/measure.cjs alone: the CLI requires it only to measure text it cannot count', () => {
    // string-width's emoji pattern and its East Asian width table.
    const library = /RGI_Emoji|function eastAsianWidth/;
    for (const file of ['main.cjs', 'boot.cjs', 'prompt.cjs', 'prompt-compute.cjs', 'parser.cjs']) expect(read(file), file).not.toMatch(library);
    expect(read('measure.cjs')).toMatch(library);
    expect(read('prompt.cjs')).not.toMatch(/measure/);
  });

  it('ships every curriculum parsed', () => {
    expect(readdirSync(join(dist, 'plans')).sort()).toEqual(readdirSync(join(ROOT, 'curricula')).filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, '.json')).sort());
  });
});
