// The one place that reads the clock, the environment and the terminal; commands get all of it here.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DEFAULT_PLAN_ID, SHIPPED_CURRICULA } from './curriculum/read.js';
import type { DesktopFacts, Launch } from './open/browser.js';
import type { Prompter } from './ask.js';
import { editorFrom, editText } from './io/editor.js';
import { drawScreen, openKeys, type KeyReader } from './io/keys.js';
import { diskFiles, type Files } from './io/files.js';
import { PLAIN_STYLE, type Style } from './render/style.js';
import { packageRoot } from './startup/package-root.js';
import type { EventLog } from './log/event-log.js';
import { refreshSegment } from './shell-prompt/file.js';
import { materializeCurricula } from './state/log-curricula.js';
import { resolvePaths, type Paths } from './state/paths.js';
import { checkPrivatePaths } from './state/private-dir.js';
import { StudyStore, type StudyState } from './state/study-store.js';

export interface GlobalOptions {
  json?: boolean;
  color?: boolean; // commander's `--no-color` sets this to false
  input?: boolean; // `--no-input` sets this to false
  date?: string;
}

export interface Context {
  json: boolean;
  /** Colour only for a terminal that wants it (styleFor). */
  style: Style;
  /** Width to lay tables out in: the terminal's, else 80. */
  columns: number;
  /** Width prose wraps at: the terminal's; undefined for a pipe or a file, which get one line per item. */
  wrapAt: number | undefined;
  /** The terminal's height; undefined for a pipe or a file. */
  rows: number | undefined;
  /** Links are written as OSC 8 hyperlinks: a terminal that supports them, no --json, --no-color or TERM=dumb. */
  hyperlinks: boolean;
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
  /** What commands read (`read()`: the log folded, with the settings) and record (`update(decide)`). */
  store: StudyStore;
  /** The study log itself (`ctx.log.read().view`); record through `store.update`, which also makes the device id. */
  readonly log: EventLog;
  /** The disk, for what a command reads and writes itself (src/io/files.ts). */
  files: Files;
  ask: Prompter;
  /** A note for the user on stderr, never on stdout (which --json keeps for JSON). */
  notify(message: string): void;
  desktop: Desktop;
  /** The command line that runs this prep again (the shell snippets start it to refresh the segment). */
  launcher: readonly string[];
  /** Runs a program (git, for `prep sync`) with arguments as given, never through a shell, and waits for it. */
  exec: Exec;
  /** $VISUAL, else $EDITOR, split into words (never run by a shell); undefined when neither is set. */
  editor: readonly string[] | undefined;
  /** Opens `editor` on a private temporary file holding `initial`; returns what the file holds after. */
  editText(editor: readonly string[], initial: string): string;
  /** The terminal's keys one at a time (raw mode until closed), and a screen drawn from its top: for `prep review`. */
  keys(): KeyReader;
  draw(text: string): void;
}

export interface ExecResult {
  /** The exit code; null when it could not start (`error` says why: ENOENT for a program not installed). */
  code: number | null;
  stdout: string;
  stderr: string;
  error?: string;
}

export type Exec = (command: string, args: readonly string[], options: { cwd: string }) => Promise<ExecResult>;

/** Runs `command` with `args` in `cwd`, its output collected; it may not ask for input (a password prompt would hang a script). */
function execWith(env: NodeJS.ProcessEnv): Exec {
  return (command, args, { cwd }) => {
    // Required here, not imported: node:child_process costs every other command ~3 ms at start-up.
    const { spawn } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
    return new Promise((resolve) => {
      const child = spawn(command, args, { cwd, env: { ...env, GIT_TERMINAL_PROMPT: '0' }, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
      const text = (chunks: Buffer[]) => Buffer.concat(chunks).toString('utf8');
      child.once('error', (error: NodeJS.ErrnoException) => resolve({ code: null, stdout: text(out), stderr: text(err), error: error.code ?? error.message }));
      child.once('close', (code) => resolve({ code: code ?? 1, stdout: text(out), stderr: text(err) }));
    });
  };
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
  stdout: { isTTY?: boolean; columns?: number; rows?: number };
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

const version = (text = '') => text.split('.').map((part) => Number.parseInt(part, 10) || 0);
const atLeast = (text: string | undefined, ...minimum: number[]) => {
  const parts = version(text);
  for (const [index, wanted] of minimum.entries()) {
    const part = parts[index] ?? 0;
    if (part !== wanted) return part > wanted;
  }
  return true;
};

/**
 * Whether the terminal shows OSC 8 hyperlinks, from the environment alone (as the supports-hyperlinks
 * package decides, without its colour detection, which loads node:tty). FORCE_HYPERLINK=1 or 0 says so.
 * Where a terminal that ignores them would hide the URL, plain `text: url` is the safe side.
 */
export function supportsHyperlinks(env: NodeJS.ProcessEnv): boolean {
  if (env.FORCE_HYPERLINK !== undefined && env.FORCE_HYPERLINK !== '') return env.FORCE_HYPERLINK !== '0';
  // tmux and screen pass hyperlinks on only when configured to, and drop them (URL and all) otherwise.
  if (env.TMUX || env.STY || /^(screen|tmux)/.test(env.TERM ?? '')) return false;
  if (env.CI || env.TEAMCITY_VERSION) return false;
  if (env.WT_SESSION) return true;
  switch (env.TERM_PROGRAM) {
    case 'iTerm.app':
      return atLeast(env.TERM_PROGRAM_VERSION, 3, 1);
    case 'WezTerm':
      return atLeast(env.TERM_PROGRAM_VERSION?.replace(/^0-unstable-(\d{4})-(\d{2})-(\d{2})$/, '$1$2$3'), 20200620);
    case 'vscode':
      return Boolean(env.CURSOR_TRACE_ID) || atLeast(env.TERM_PROGRAM_VERSION, 1, 72);
    case 'ghostty':
    case 'zed':
    case 'WarpTerminal':
      return true;
    default:
      break;
  }
  // VTE (GNOME Terminal, Tilix, …) from 0.50, written 5000 and up; 0.50.0 itself crashed on them.
  if (env.VTE_VERSION) return env.VTE_VERSION !== '0.50.0' && (/^\d+$/.test(env.VTE_VERSION) ? Number(env.VTE_VERSION) >= 5000 : atLeast(env.VTE_VERSION, 0, 50));
  return env.TERM === 'xterm-kitty' || env.TERM === 'alacritty' || Boolean(env.KITTY_WINDOW_ID);
}

/** chalk, when colour is on; without it, PLAIN_STYLE, and chalk is never loaded. */
export async function styleFor(color: boolean): Promise<Style> {
  if (!color) return PLAIN_STYLE;
  const { Chalk } = await import('chalk');
  return new Chalk({ level: 1 });
}

/** `style`: styleFor(wantsColor(options, streams)). */
export function createContext(options: GlobalOptions, streams: Streams, ask: Prompter, style: Style): Context {
  const paths = resolvePaths(streams.env);
  // For tests of machines whose clocks disagree: the wall clock shifted by this many ms.
  const now = new Date(Date.now() + (Number(streams.env.PREP_TEST_CLOCK_OFFSET_MS) || 0));
  const notify = (message: string) => void streams.stderr.write(`${message}\n`);
  // The store stamps with the run's clock, read through the context (which a test may set).
  const onChange = async (state: StudyState | undefined) => {
    // The review's due dates first: the segment counts today's reviews from them.
    if (state) await (await import('./session/review-deck.js')).writeDueFile(ctx, state);
    // And the free dates of a rebalanced schedule: the segment's streak bridges them.
    if (state) await (await import('./session/schedule-free.js')).writeFreeFile(ctx, state);
    await refreshSegment(paths, ctx.now, state ?? null);
  };
  const store = new StudyStore({ paths, defaultPlan: DEFAULT_PLAN_ID, now: () => ctx.now, onChange, warn: notify });
  // Before anything is read: a directory another user can write to may hold files they planted.
  checkPrivatePaths(paths);
  // Looked up on first use: asking whether stdin is a terminal costs a module load most commands never need.
  let columns: number | undefined;
  let wrapAt: number | null | undefined;
  let hyperlinks: boolean | undefined;
  let interactive: boolean | undefined;
  let curriculaDirs: string[] | undefined;
  const ctx: Context = {
    json: options.json === true,
    style,
    get columns() {
      return (columns ??= streams.stdout.isTTY && streams.stdout.columns ? streams.stdout.columns : 80);
    },
    set columns(value) {
      columns = value;
    },
    // Only a terminal wraps: piped output keeps one item on one line, for grep.
    get wrapAt() {
      return (wrapAt ??= streams.stdout.isTTY === true ? this.columns : null) ?? undefined;
    },
    set wrapAt(value) {
      wrapAt = value ?? null;
    },
    get rows() {
      return streams.stdout.isTTY === true ? streams.stdout.rows || undefined : undefined;
    },
    get hyperlinks() {
      return (hyperlinks ??= options.json !== true && options.color !== false && streams.env.TERM !== 'dumb' && streams.stdout.isTTY === true && supportsHyperlinks(streams.env));
    },
    set hyperlinks(value) {
      hyperlinks = value;
    },
    cwd: streams.cwd,
    // Shipped plans first: a user plan can never shadow one (plan add refuses their ids); last, the
    // plans that came with the log from another machine, copied from it on first use.
    get curriculaDirs() {
      if (curriculaDirs === undefined) {
        curriculaDirs = [SHIPPED_CURRICULA, paths.userCurricula, paths.logCurricula];
        try {
          const curricula = store.read()?.curricula;
          if (curricula) materializeCurricula(curricula, paths.logCurricula, curriculaDirs.slice(0, 2));
        } catch {
          // a log that cannot be read says so where it is read; the plans on disk are still there
        }
      }
      return curriculaDirs;
    },
    set curriculaDirs(value) {
      curriculaDirs = value;
    },
    now,
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
    store,
    files: diskFiles({ cwd: streams.cwd, store, paths }),
    get log() {
      return store.log;
    },
    ask,
    notify,
    desktop: {
      browser: streams.env.BROWSER || undefined,
      platform: process.platform,
      wsl: process.platform === 'linux' && Boolean(streams.env.WSL_DISTRO_NAME || streams.env.WSL_INTEROP),
      display: Boolean(streams.env.DISPLAY || streams.env.WAYLAND_DISPLAY),
      start: startDetached,
    },
    // Looked up on first use: finding the package root costs a few stats that most commands never need.
    get launcher() {
      return [process.execPath, join(packageRoot(), 'bin', 'prep.cjs')];
    },
    exec: execWith(streams.env),
    editor: editorFrom(streams.env),
    editText,
    keys: openKeys,
    draw: drawScreen,
  };
  return ctx;
}
