// A real terminal for end-to-end tests: a command in a detached tmux pane of a fixed size, driven by
// keys and read back as the screen shows it. Each terminal has its own tmux server (a private socket).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TerminalOptions {
  env: Record<string, string>;
  cwd?: string;
  columns?: number;
  rows?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Terminal {
  private readonly dir: string;
  private readonly socket: string;
  private readonly statusFile: string;
  private readonly env: Record<string, string>;

  /** Starts `command` (run as is, no shell) in a pane of `columns`×`rows`, 80×24 by default. */
  constructor(command: readonly string[], options: TerminalOptions) {
    this.dir = mkdtempSync(join(tmpdir(), 'prep-tmux-'));
    this.socket = join(this.dir, 'socket');
    // The server takes its environment from this first client: TERM for tmux itself, the rest for the command.
    this.env = { TERM: 'xterm-256color', ...options.env };
    // A pane that stays after its command ends keeps the last screen; no status line.
    const config = join(this.dir, 'tmux.conf');
    writeFileSync(config, 'set -g remain-on-exit on\nset -g status off\n');
    // The exit status comes from a wrapping sh: under load tmux was seen to leave the ended
    // command a zombie for seconds, so #{pane_dead_status} cannot be relied on.
    this.statusFile = join(this.dir, 'status');
    const wrapped = ['sh', '-c', '"$@"; echo $? > "$0"', this.statusFile, ...command];
    this.tmux('-f', config, 'new-session', '-d', '-s', 'test', '-x', String(options.columns ?? 80), '-y', String(options.rows ?? 24), '-c', options.cwd ?? this.dir, '--', ...wrapped);
  }

  private tmux(...args: string[]): string {
    const result = spawnSync('tmux', ['-S', this.socket, ...args], { encoding: 'utf8', env: this.env, timeout: 5_000 });
    if (result.error) throw result.error;
    if (result.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${result.stderr.trim()}`);
    return result.stdout;
  }

  /**
   * The visible screen, one line per row, trailing blanks trimmed; with `scrollback`, the rows above it too.
   * With `joined`, a line the terminal wrapped (one wider than the pane) comes back as the one line it was.
   */
  screen(scrollback = false, { joined = false } = {}): string {
    return this.tmux('capture-pane', '-p', ...(joined ? ['-J'] : []), ...(scrollback ? ['-S', '-'] : []), '-t', 'test');
  }

  /** tmux key names or literal text: 'Space', 'Enter', 'Down', 'C-c', 'abc'. */
  send(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'test', ...keys);
  }

  /** Polls the screen until `test` holds; on timeout, fails showing the last screen. */
  async waitFor(test: RegExp | string | ((screen: string) => boolean), timeoutMs = 5_000): Promise<string> {
    const holds = typeof test === 'function' ? test : typeof test === 'string' ? (s: string) => s.includes(test) : (s: string) => test.test(s);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (holds(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${String(test)}; the screen:\n${screen}`);
      await sleep(50);
    }
  }

  /** Waits for the command to end and returns its exit status (128 + N for signal N). */
  async exitCode(timeoutMs = 5_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = existsSync(this.statusFile) ? readFileSync(this.statusFile, 'utf8') : '';
      if (status.endsWith('\n')) return Number(status);
      if (Date.now() > deadline) throw new Error(`the command still runs after ${timeoutMs} ms; the screen:\n${this.screen()}`);
      await sleep(50);
    }
  }

  /** Ends the tmux server (and the command, if it still runs) and removes the socket's directory. */
  close(): void {
    spawnSync('tmux', ['-S', this.socket, 'kill-server'], { env: this.env, timeout: 5_000 });
    rmSync(this.dir, { recursive: true, force: true });
  }
}
