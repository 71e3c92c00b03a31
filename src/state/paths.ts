// Where prep keeps its files: PREP_HOME when set (tests always set it), else the XDG locations.
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface Paths {
  /** Directory of the state file. */
  stateDir: string;
  stateFile: string;
  cacheDir: string;
}

export function resolvePaths(env: NodeJS.ProcessEnv): Paths {
  if (env.PREP_HOME) {
    return { stateDir: env.PREP_HOME, stateFile: join(env.PREP_HOME, 'state.json'), cacheDir: join(env.PREP_HOME, 'cache') };
  }
  const home = env.HOME || homedir();
  const stateDir = join(env.XDG_STATE_HOME || join(home, '.local', 'state'), 'prep');
  return { stateDir, stateFile: join(stateDir, 'state.json'), cacheDir: join(env.XDG_CACHE_HOME || join(home, '.cache'), 'prep') };
}
