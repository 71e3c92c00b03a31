// Tests that need a program the README does not install (fish, zsh, tmux) or root (to mount a
// file system): on a machine without it they are skipped with the reason in their name; where
// PREP_TEST_REQUIRE names it (.ci/run sets it), its absence fails instead of skipping.
import { spawnSync } from 'node:child_process';
import { describe, it } from 'vitest';

export type Requirement = 'fish' | 'zsh' | 'tmux' | 'root';

const required = new Set((process.env.PREP_TEST_REQUIRE ?? '').split(/[\s,]+/).filter(Boolean));

/** True when the requirement is met on this machine. */
export function has(requirement: Requirement): boolean {
  if (requirement === 'root') return process.getuid?.() === 0;
  return spawnSync('sh', ['-c', `command -v ${requirement}`], { stdio: 'ignore' }).status === 0;
}

const why = (requirement: Requirement) => (requirement === 'root' ? 'not running as root' : `${requirement} is not installed`);

/** `describe`, run only where every requirement is met: skipped with the reason, or failed where required. */
export function describeWith(requirements: Requirement[], title: string, body: () => void): void {
  const missing = requirements.filter((requirement) => !has(requirement));
  if (missing.length === 0) {
    describe(title, body);
    return;
  }
  const reason = missing.map(why).join(', ');
  const demanded = missing.filter((requirement) => required.has(requirement));
  if (demanded.length > 0) {
    describe(title, () => {
      it(`needs ${demanded.join(', ')}`, () => {
        throw new Error(`${reason}, and PREP_TEST_REQUIRE says this machine must have it`);
      });
    });
    return;
  }
  // Said where the default reporter shows it, not only in a verbose listing.
  console.warn(`skipped: "${title}": ${reason} (.ci/run installs what is missing)`);
  describe.skip(`${title} [skipped: ${reason}]`, body);
}
