// The shells prep prints snippets for: the prompt widget and Tab completion name them alike.
import { UsageError } from './errors.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** `name` if prep knows that shell, else a usage error listing the shells, with `example` as the fix. */
export function parseShell(name: string, what: string, example: string): Shell {
  if ((SHELLS as readonly string[]).includes(name)) return name as Shell;
  throw new UsageError(`no ${what} for "${name}"`, `Shells: ${SHELLS.join(', ')}. For example: ${example}`);
}
