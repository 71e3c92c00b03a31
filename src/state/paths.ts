// Where prep keeps its files: PREP_HOME when set (tests always set it), else the XDG locations.
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface Paths {
  /** Directory of the state file. */
  stateDir: string;
  stateFile: string;
  cacheDir: string;
  /** The user's own curricula, added with `prep plan add`. */
  userCurricula: string;
}

export function resolvePaths(env: NodeJS.ProcessEnv): Paths {
  if (env.PREP_HOME) {
    const home = env.PREP_HOME;
    return { stateDir: home, stateFile: join(home, 'state.json'), cacheDir: join(home, 'cache'), userCurricula: join(home, 'curricula') };
  }
  const home = env.HOME || homedir();
  const stateDir = join(env.XDG_STATE_HOME || join(home, '.local', 'state'), 'prep');
  return {
    stateDir,
    stateFile: join(stateDir, 'state.json'),
    cacheDir: join(env.XDG_CACHE_HOME || join(home, '.cache'), 'prep'),
    userCurricula: join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'prep', 'curricula'),
  };
}
