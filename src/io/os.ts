// node:os on first use: its load (a binding, about 0.3 ms) is paid only by a run that asks for the
// home directory, or for the host name or the uptime where /proc does not give them (not Linux).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

let loaded: typeof import('node:os') | undefined;

export const nodeOs = (): typeof import('node:os') => (loaded ??= createRequire(import.meta.url)('node:os') as typeof import('node:os'));

/** A file of /proc, on Linux; undefined elsewhere, or when it cannot be read. */
function fromProc(file: string): string | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    return readFileSync(file, 'latin1').trim() || undefined;
  } catch {
    return undefined;
  }
}

let host: string | undefined;

/** This machine's name, as gethostname(2) gives it (and node:os): every write's lock names it. */
export function hostName(): string {
  return (host ??= fromProc('/proc/sys/kernel/hostname') ?? nodeOs().hostname());
}

/** Seconds since boot, from /proc/uptime where there is one (the fish snippet reads that file too). */
export function upTime(): number {
  const seconds = Number.parseFloat(fromProc('/proc/uptime') ?? '');
  return Number.isFinite(seconds) ? seconds : nodeOs().uptime();
}
