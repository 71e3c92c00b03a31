// Curricula added with `plan add` ride in the log (plan-file events), so a second machine has them
// too. Where this machine has no file of that id of its own, a copy is kept in the cache directory
// (the catalog's last place to look), made from the log and removed once the log removes the plan:
// derived, like every file there, and safe to delete.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeCacheFile } from '../io/cache-file.js';
import { PLAN_ID } from '../curriculum/limits.js';

const ids = (dir: string): string[] => {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.md'))
      .map((name) => name.slice(0, -3));
  } catch {
    return [];
  }
};

/**
 * Makes `dir` hold exactly the curricula of `curricula` (id → text) that no directory of `own`
 * (shipped plans, the user's own) has a file for. Best effort: a copy that cannot be written costs
 * only the plan's absence here, and `plan add` on this machine brings it back.
 */
export function materializeCurricula(curricula: Readonly<Record<string, string>>, dir: string, own: readonly string[]): void {
  const present = new Set(ids(dir));
  if (present.size === 0 && Object.keys(curricula).length === 0) return;
  const taken = new Set(own.flatMap(ids));
  const wanted = Object.entries(curricula).filter(([id]) => PLAN_ID.test(id) && !taken.has(id));
  for (const [id, text] of wanted) {
    const file = join(dir, `${id}.md`);
    if (present.has(id) && sameText(file, text)) continue;
    writeCacheFile(file, text);
  }
  const keep = new Set(wanted.map(([id]) => id));
  for (const id of present) if (!keep.has(id)) rmSync(join(dir, `${id}.md`), { force: true });
}

function sameText(file: string, text: string): boolean {
  try {
    return readFileSync(file, 'utf8') === text;
  } catch {
    return false;
  }
}
