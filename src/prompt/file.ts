// The segment file the shell snippets read with builtins: rewritten atomically after state changes.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { studyDate } from '../schedule/dates.js';
import type { Paths } from '../state/paths.js';
import { dayEnds, DEFAULT_FORMAT, formatSegment, promptData, segmentLine } from './segment.js';

export function segmentFile(paths: Paths): string {
  return join(paths.cacheDir, 'prompt');
}

/** Best effort: a segment that cannot be written must never fail the command that changed state. */
export async function refreshSegment(paths: Paths, now: Date): Promise<void> {
  const file = segmentFile(paths);
  try {
    const result = await promptData(paths, undefined, now);
    if (!result) {
      rmSync(file, { force: true });
      return;
    }
    const { data, state } = result;
    const { dayStart, promptFormat } = state.settings;
    const segment = formatSegment(data, promptFormat ?? DEFAULT_FORMAT, false);
    mkdirSync(paths.cacheDir, { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, segmentLine(segment, dayEnds(studyDate(now, dayStart), dayStart), now), { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    // a stale segment is refreshed by the snippet when its day is over
  }
}
