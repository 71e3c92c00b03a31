// The shape of the build that start-up time depends on (npm test builds before it runs this).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const dist = join(ROOT, 'dist');

/** Files a start of dist/main.js loads before running anything: its static imports, transitively. */
function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const match of readFileSync(file, 'utf8').matchAll(/(?:^|\n|;)\s*(?:import|export)\s*(?:[^;'"]*?\bfrom\s*)?"(\.[^"]+)"/g)) staticGraph(resolve(dirname(file), match[1]!), seen);
  return seen;
}

describe('the bundle', () => {
  it('starts from at most three files: each one more costs a resolve and an instantiate on every run', () => {
    expect(staticGraph(join(dist, 'main.js')).size).toBeLessThanOrEqual(3);
  });

  it('keeps the Markdown parser out of every file but dist/parser.cjs', () => {
    const files = [join(dist, 'main.js'), join(dist, 'prompt.cjs'), ...readdirSync(join(dist, 'chunks')).map((f) => join(dist, 'chunks', f))];
    for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toMatch(/micromark/);
    expect(readFileSync(join(dist, 'parser.cjs'), 'utf8')).toMatch(/micromark/);
  });

  it('ships every curriculum parsed', () => {
    expect(readdirSync(join(dist, 'plans')).sort()).toEqual(readdirSync(join(ROOT, 'curricula')).filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, '.json')).sort());
  });
});
