// Where prep keeps its files: PREP_HOME when set (tests always set it), else the XDG locations.
import { nodeOs } from '../io/os.js';
import { join } from 'node:path';

export interface Paths {
  /** Directory of the study log's lock, the settings and (without a sync folder) the log itself. */
  stateDir: string;
  /** The state file of a prep before the study log: read until the first write turns it into the log. */
  stateFile: string;
  /** Settings and this machine's device id (src/state/config.ts). */
  configFile: string;
  /** The study log's own folder, used while no sync folder is set up (`prep sync init`). */
  logDir: string;
  cacheDir: string;
  /** The user's own curricula, added with `prep plan add`. */
  userCurricula: string;
  /** Curricula that came with the log from another machine: copies in the cache, made from the log. */
  logCurricula: string;
}

function within(stateDir: string, cacheDir: string, userCurricula: string): Paths {
  return {
    stateDir,
    stateFile: join(stateDir, 'state.json'),
    configFile: join(stateDir, 'config.json'),
    logDir: join(stateDir, 'log'),
    cacheDir,
    userCurricula,
    logCurricula: join(cacheDir, 'log-curricula'),
  };
}

export function resolvePaths(env: NodeJS.ProcessEnv): Paths {
  if (env.PREP_HOME) {
    const home = env.PREP_HOME;
    return within(home, join(home, 'cache'), join(home, 'curricula'));
  }
  const home = env.HOME || nodeOs().homedir();
  return within(join(env.XDG_STATE_HOME || join(home, '.local', 'state'), 'prep'), join(env.XDG_CACHE_HOME || join(home, '.cache'), 'prep'), join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'prep', 'curricula'));
}
