// The one place that reads the environment and the terminal; commands get everything from here.
import { Chalk, type ChalkInstance } from 'chalk';
import { SHIPPED_CURRICULA } from './curriculum/read.js';

export interface GlobalOptions {
  json?: boolean;
  color?: boolean; // commander's `--no-color` sets this to false
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
}

export interface Streams {
  env: NodeJS.ProcessEnv;
  stdout: { isTTY?: boolean; columns?: number };
  cwd: string;
}

/** Colour only on a TTY, never with NO_COLOR (any value but empty), TERM=dumb or --no-color. */
export function wantsColor(options: GlobalOptions, streams: Streams): boolean {
  const { env } = streams;
  if (options.color === false || options.json) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return streams.stdout.isTTY === true;
}

export function createContext(options: GlobalOptions, streams: Streams): Context {
  const color = wantsColor(options, streams);
  return {
    json: options.json === true,
    style: new Chalk({ level: color ? 1 : 0 }),
    columns: streams.stdout.isTTY && streams.stdout.columns ? streams.stdout.columns : 80,
    cwd: streams.cwd,
    curriculaDirs: [SHIPPED_CURRICULA],
  };
}
