// `prep sync` for a log folder that is a git work tree: this device's file committed (under the
// lock, so no append is half in it), the remote fetched, its commits merged (other devices' files
// only, so never a conflict), and pushed; a push another device beat is fetched, merged and tried
// again. A remote that cannot be reached loses nothing: the commit stays here for the next sync.
import { StateError } from '../errors.js';
import { deviceFileName } from '../log/files.js';
import { GitFailure, GitFolder } from './git.js';
import type { StudyStore } from './study-store.js';

export interface GitSyncResult {
  branch: string;
  /** This device's file had events the last commit did not: committed now. */
  committed: boolean;
  /** Events of the log after, less before: what came from other devices. */
  received: number;
  pushed: boolean;
}

const ATTEMPTS = 3;

function unreachable(url: string, dir: string, caught: GitFailure, what: string): StateError {
  return new StateError(`cannot ${what} ${url}: ${caught.message}`, `Nothing was lost: this device's events are committed in ${dir}, and \`prep sync\` sends them once the remote answers.`);
}

export async function syncWithGit(store: StudyStore, repo: GitFolder, url: string): Promise<GitSyncResult> {
  const device = await store.ensureDevice();
  const before = store.read()?.events ?? 0;
  const branch = await repo.branch();
  const own = deviceFileName(device);
  const message = `prep: ${device}, ${store.read()?.devices[device]?.events ?? 0} events`;
  const committed = await store.locked(() => repo.commit([own, '.gitattributes'], device, message));
  let pushed = false;
  for (let attempt = 1; !pushed; attempt++) {
    try {
      await repo.git('fetch', '--quiet', 'origin');
    } catch (caught) {
      if (caught instanceof GitFailure) throw unreachable(url, repo.dir, caught, 'fetch from');
      throw caught;
    }
    if (await repo.hasRemote(branch)) {
      try {
        await repo.merge(`refs/remotes/origin/${branch}`, device);
      } catch (caught) {
        if (!(caught instanceof GitFailure)) throw caught;
        await repo.asks('merge', '--abort');
        throw new StateError(`cannot merge what ${url} has: ${caught.message}`, `Nothing was lost; the merge was undone. Look at ${repo.dir} with \`git status\` (only prep writes its .jsonl files), then run \`prep sync\` again.`);
      }
    }
    try {
      await repo.git('push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`);
      pushed = true;
    } catch (caught) {
      if (!(caught instanceof GitFailure)) throw caught;
      // Another device pushed in between: fetch its commits and merge them, then try again.
      const beaten = /rejected|non-fast-forward|fetch first/i.test(caught.result.stderr);
      if (!beaten || attempt >= ATTEMPTS) throw unreachable(url, repo.dir, caught, 'push to');
    }
  }
  store.forget();
  const state = store.read();
  const after = state?.events ?? 0;
  // What came from other devices shows in the shell snippets' segment at once.
  if (after !== before) await store.options.onChange?.(state);
  return { branch, committed, received: Math.max(0, after - before), pushed };
}
