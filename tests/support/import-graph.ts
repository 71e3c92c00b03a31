// prep's own modules and what each imports (static, dynamic, type-only and re-exports alike), read
// from the source text: the architecture test walks it for circles and for imports across layers.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface SourceFile {
  /** Relative to the root, with `/`: `src/commands/today.ts`. */
  path: string;
  text: string;
  /** Modules of src/ it imports, as paths like `path`. */
  imports: { path: string; typeOnly: boolean }[];
  /** Node built-ins and packages it imports: `node:fs`, `commander`. */
  packages: string[];
}

const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

export function sourceFiles(root: string): SourceFile[] {
  return files(join(root, 'src')).map((file) => {
    const text = readFileSync(file, 'utf8');
    const imports: SourceFile['imports'] = [];
    const packages: string[] = [];
    for (const match of text.matchAll(IMPORT)) {
      const specifier = match[3] ?? match[4]!;
      if (!specifier.startsWith('.')) packages.push(specifier);
      else imports.push({ path: relative(root, resolve(dirname(file), specifier.replace(/\.js$/, '.ts'))).split('\\').join('/'), typeOnly: match[2] !== undefined });
    }
    return { path: relative(root, file).split('\\').join('/'), text, imports, packages };
  });
}

/** Every circle of imports (strongly connected parts of more than one module, or a module importing itself). */
export function importCircles(sources: readonly SourceFile[]): string[][] {
  const edges = new Map(sources.map((source) => [source.path, source.imports.map((i) => i.path)]));
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const circles: string[][] = [];
  const visit = (path: string) => {
    order.set(path, order.size);
    low.set(path, order.get(path)!);
    stack.push(path);
    for (const next of edges.get(path) ?? []) {
      if (!edges.has(next)) continue;
      if (!order.has(next)) {
        visit(next);
        low.set(path, Math.min(low.get(path)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(path, Math.min(low.get(path)!, order.get(next)!));
    }
    if (low.get(path) !== order.get(path)) return;
    const part: string[] = [];
    let top: string;
    do {
      top = stack.pop()!;
      part.push(top);
    } while (top !== path);
    if (part.length > 1 || edges.get(path)!.includes(path)) circles.push(part.sort());
  };
  for (const path of edges.keys()) if (!order.has(path)) visit(path);
  return circles;
}
