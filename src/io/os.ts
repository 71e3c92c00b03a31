// node:os on first use: its load (a binding, about 0.3 ms) is paid only by a run that asks for the
// host name, the home directory or the uptime, which the prompt and a plain read never do.
import { createRequire } from 'node:module';

let loaded: typeof import('node:os') | undefined;

export const nodeOs = (): typeof import('node:os') => (loaded ??= createRequire(import.meta.url)('node:os') as typeof import('node:os'));
