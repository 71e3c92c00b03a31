// The segment file the shell snippets read with builtins: rewritten atomically after each change.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeCacheFile } from '../io/cache-file.js';
import { studyDate } from '../schedule/dates.js';
import type { Paths } from '../state/paths.js';
import type { StudyState } from '../state/study-read.js';
import { dayEnds, DEFAULT_FORMAT, formatSegment, promptData, segmentLine } from './segment.js';

export function segmentFile(paths: Paths): string {
  return join(paths.cacheDir, 'prompt');
}

/**
 * Best effort: a segment that cannot be written must never fail the command that changed state.
 * `state` is what that command recorded (null: nothing is recorded); without it, the files are read.
 */
export async function refreshSegment(paths: Paths, now: Date, state?: StudyState | null): Promise<void> {
  const file = segmentFile(paths);
  try {
    const result = state === null ? undefined : await promptData(paths, undefined, now, state);
    if (!result) {
      rmSync(file, { force: true });
      return;
    }
    const { data, settings } = result;
    const { dayStart, promptFormat } = settings;
    const segment = formatSegment(data, promptFormat ?? DEFAULT_FORMAT, false);
    writeCacheFile(file, segmentLine(segment, dayEnds(studyDate(now, dayStart), dayStart), now));
  } catch {
    // a stale segment is refreshed by the snippet when its day is over
  }
}
