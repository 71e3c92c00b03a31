// The one place that reads the clock, the environment and the terminal; commands get all of it here.
import { createRequire } from 'node:module';
import { Chalk, type ChalkInstance } from 'chalk';
import { DEFAULT_PLAN_ID, SHIPPED_CURRICULA } from './curriculum/read.js';
import type { DesktopFacts, Launch } from './open/browser.js';
import type { Prompter } from './prompts.js';
import { resolvePaths, type Paths } from './state/paths.js';
import { checkPrivatePaths } from './state/private-dir.js';
import { StateStore } from './state/store.js';

export interface GlobalOptions {
  json?: boolean;
  color?: boolean; // commander's `--no-color` sets this to false
  input?: boolean; // `--no-input` sets this to false
  date?: string;
}

export interface Context {
  json: boolean;
  /** chalk with colour on only for a terminal that wants it. */
  style: ChalkInstance;
  /** Width to lay tables out in. */
  columns: number;
  cwd: string;
  /** Where plans are looked up by id, in order of precedence. */
  curriculaDirs: string[];
  /** The wall clock, read once per run. */
  now: Date;
  /** `--date` as given: acts as "today" for every command. */
  dateArg: string | undefined;
  /** Prompts are allowed: stdin and stdout are terminals and --no-input was not given. */
  interactive: boolean;
  paths: Paths;
  store: StateStore;
  ask: Prompter;
  /** A note for the user on stderr, never on stdout (which --json keeps for JSON). */
  notify(message: string): void;
  desktop: Desktop;
}

/** What opening a link in a browser needs from outside: $BROWSER, the platform, and a way to start a program. */
export interface Desktop extends DesktopFacts {
  /** $BROWSER as set (undefined when unset or empty): the user's browsers, tried in order. */
  browser: string | undefined;
  /** Starts a program detached, its output ignored, without waiting for it: undefined once it runs, else why not (ENOENT…). */
  start(launch: Launch): Promise<string | undefined>;
}

/** Starts `launch` on its own: it outlives prep, never holds its terminal, and is not waited for. */
function startDetached({ command, args }: Launch): Promise<string | undefined> {
  // Required here, not imported: node:child_process costs every other command ~3 ms at start-up.
  const { spawn } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
      child.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      child.once('spawn', () => {
        child.unref();
        resolve(undefined);
      });
    } catch (caught) {
      resolve((caught as NodeJS.ErrnoException).code ?? String(caught));
    }
  });
}

export interface Streams {
  env: NodeJS.ProcessEnv;
  stdin: { isTTY?: boolean };
  stdout: { isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown };
  cwd: string;
}

/** Colour only on a TTY, never with NO_COLOR (any value but empty), TERM=dumb or --no-color. */
export function wantsColor(options: GlobalOptions, streams: Pick<Streams, 'env' | 'stdout'>): boolean {
  const { env } = streams;
  if (options.color === false || options.json) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return streams.stdout.isTTY === true;
}

export function createContext(options: GlobalOptions, streams: Streams, ask: Prompter): Context {
  const color = wantsColor(options, streams);
  const paths = resolvePaths(streams.env);
  // Before anything is read: a directory another user can write to may hold files they planted.
  checkPrivatePaths(paths);
  // Looked up on first use: asking whether stdin is a terminal costs a module load most commands never need.
  let columns: number | undefined;
  let interactive: boolean | undefined;
  return {
    json: options.json === true,
    style: new Chalk({ level: color ? 1 : 0 }),
    get columns() {
      return (columns ??= streams.stdout.isTTY && streams.stdout.columns ? streams.stdout.columns : 80);
    },
    set columns(value) {
      columns = value;
    },
    cwd: streams.cwd,
    // Shipped plans first: a user plan can never shadow one (plan add refuses their ids).
    curriculaDirs: [SHIPPED_CURRICULA, paths.userCurricula],
    now: new Date(),
    dateArg: options.date,
    // --json keeps stdout for JSON: a prompt there would corrupt it.
    get interactive() {
      // TERM=dumb cannot draw a prompt: the command says which numbers to pass instead.
      return (interactive ??= options.input !== false && options.json !== true && streams.env.TERM !== 'dumb' && streams.stdin.isTTY === true && streams.stdout.isTTY === true);
    },
    set interactive(value) {
      interactive = value;
    },
    paths,
    store: new StateStore(paths.stateFile, DEFAULT_PLAN_ID),
    ask,
    notify: (message) => void streams.stderr.write(`${message}\n`),
    desktop: {
      browser: streams.env.BROWSER || undefined,
      platform: process.platform,
      wsl: process.platform === 'linux' && Boolean(streams.env.WSL_DISTRO_NAME || streams.env.WSL_INTEROP),
      display: Boolean(streams.env.DISPLAY || streams.env.WAYLAND_DISPLAY),
      start: startDetached,
    },
  };
}
