// stdout and stderr without process.stdout: creating that stream loads node:stream and node:net,
// about 3 ms a run, as much as `prep prompt` spends on its own work. Text goes out with writeSync.
import { fstatSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Descriptors that hit EAGAIN (a full non-blocking pipe): from then on their stream writes, in order. */
const streamed = new Set<number>();

function stream(fd: 1 | 2): NodeJS.WriteStream {
  const target = fd === 1 ? process.stdout : process.stderr;
  if (!streamed.has(fd)) {
    streamed.add(fd);
    target.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  return target;
}

/** Set once an interactive prompt has used the process's own stdin and stdout streams. */
let terminalStreamsUsed = false;

/** Called before a prompt reads the terminal: its streams may then hold writes still to go out. */
export function useTerminalStreams(): void {
  terminalStreamsUsed = true;
}

/**
 * Ends the run now, with its exit code, when every byte has been written: Node's own teardown of
 * the heap at a natural exit costs about 1 ms. Output left in a stream (a full pipe, a prompt) is
 * instead left to drain as the run ends by itself.
 */
export function exitWhenWritten(): void {
  if (!terminalStreamsUsed && streamed.size === 0) process.exit();
}

/** Writes all of `text`; a closed pipe (`prep plan show | head`) ends the run quietly, as a shell tool should. */
export function writeOut(text: string, fd: 1 | 2 = 1): void {
  if (streamed.has(fd)) {
    stream(fd).write(text);
    return;
  }
  const bytes = Buffer.from(text);
  let offset = 0;
  try {
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
  } catch (caught) {
    const code = (caught as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (code !== 'EAGAIN') throw caught;
    stream(fd).write(bytes.subarray(offset));
  }
}

/** Whether fd is a terminal. Only a character device can be one: pipes and files skip node:tty (and node:net). */
export function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  const { isatty } = createRequire(import.meta.url)('node:tty') as typeof import('node:tty');
  return isatty(fd);
}

/** The process's terminal facts for createContext, each looked up only when a command asks. */
export const processStreams = () => ({
  env: process.env,
  stdin: {
    get isTTY() {
      return isTerminal(0);
    },
  },
  stdout: {
    get isTTY() {
      return isTerminal(1);
    },
    get columns() {
      return isTerminal(1) ? process.stdout.columns : undefined;
    },
    get rows() {
      return isTerminal(1) ? process.stdout.rows : undefined;
    },
  },
  stderr: { write: (text: string) => writeOut(text, 2) },
  cwd: process.cwd(),
});
