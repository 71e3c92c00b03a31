// Keypresses from the terminal, one at a time, for `prep review`: stdin in raw mode through
// node:readline's keypress events. The terminal is put back (cooked mode, cursor shown) on every
// way out: close(), an error, Ctrl-C (read as a key in raw mode), or the process exiting.
import { createRequire } from 'node:module';
import { writeOut } from '../output.js';

export interface KeyReader {
  /** The next key, by name: `space`, `return`, `q`, `1`, `escape`, `ctrl-c`. */
  next(): Promise<string>;
  /** Puts the terminal back; safe to call more than once. */
  close(): void;
}

/** A keypress as readline reports it, by the name the review's reducer takes (src/review/loop.ts). */
export function keyName(text: string | undefined, key: { name?: string; ctrl?: boolean } | undefined): string {
  if (key?.ctrl && key.name === 'c') return 'ctrl-c';
  if (key?.ctrl && key.name === 'd') return 'ctrl-c';
  return key?.name ?? text ?? '';
}

export function openKeys(): KeyReader {
  // Required here, not imported: readline and the stdin stream cost every other command their load.
  const readline = createRequire(import.meta.url)('node:readline') as typeof import('node:readline');
  const stdin = process.stdin;
  readline.emitKeypressEvents(stdin);
  const raw = stdin.isTTY === true;
  if (raw) stdin.setRawMode(true);
  stdin.resume();
  const waiting: ((key: string) => void)[] = [];
  const pressed: string[] = [];
  const onKey = (text: string | undefined, key: { name?: string; ctrl?: boolean } | undefined) => {
    const name = keyName(text, key);
    const resolve = waiting.shift();
    if (resolve) resolve(name);
    else pressed.push(name);
  };
  stdin.on('keypress', onKey);
  // The input closed (a pipe at its end): as if the user stopped.
  const onEnd = () => onKey(undefined, { name: 'c', ctrl: true });
  stdin.once('end', onEnd);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    stdin.off('keypress', onKey);
    stdin.off('end', onEnd);
    if (raw) stdin.setRawMode(false);
    stdin.pause();
    process.off('exit', close);
  };
  process.once('exit', close);
  return {
    next: () => (pressed.length > 0 ? Promise.resolve(pressed.shift()!) : new Promise((resolve) => waiting.push(resolve))),
    close,
  };
}

/** Draws a screen from the top of the terminal, what was on it cleared. */
export function drawScreen(text: string): void {
  writeOut(`\u001b[H\u001b[2J${text}`);
}
