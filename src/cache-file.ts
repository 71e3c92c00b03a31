// Files under the cache directory: written whole (a temp file, then rename), private to the user,
// and never worth failing a command over: a cache that cannot be written costs only time next run.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes `data` to `file` atomically; false when it could not (read-only or full disk). */
export function writeCacheFile(file: string, data: string | Uint8Array): boolean {
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, data, { mode: 0o600 });
    renameSync(temp, file);
    return true;
  } catch {
    return false;
  }
}
