// The study log's files are JSON lines: one event per line, appended whole. Reading takes the bytes
// of a file (or of its new part) and gives its events and what was wrong with the rest: a damaged
// line is named by file and line and skipped, never the reason nothing can be read; a last line
// without its newline is still being written (by a sync tool, or a writer that was killed) and is
// left for later, reported as partial. Every string is cleaned on the way in: files may come from
// another machine.
import { cleanStrings, nestedDeeperThan } from '../state/clean.js';
import { checkEvent, type LogEvent } from './events.js';

export interface LogProblem {
  /** The file's name in the log directory. */
  file: string;
  /** 1-based; absent for a problem with the whole file. */
  line?: number;
  reason: string;
  /** A last line without its newline: not damage, only not whole yet. */
  partial?: true;
}

export interface DecodedLines {
  events: LogEvent[];
  problems: LogProblem[];
  /** How many of the bytes are whole lines: where the next read starts. */
  whole: number;
  /** How many whole lines they are. */
  lines: number;
}

// An event is two or three levels deep; far deeper is damage, and could overflow what walks it.
const MAX_DEPTH = 16;

const NEWLINE = 0x0a;

/** An event that would not read back as written: never appended. */
export class InvalidEvent extends Error {}

/** Why one line is not an event, or the event. */
function decodeLine(text: string): LogEvent | string {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return 'it is not valid JSON';
  }
  if (nestedDeeperThan(raw, MAX_DEPTH)) return `it nests more than ${MAX_DEPTH} levels deep, which prep never writes`;
  return checkEvent(cleanStrings(raw));
}

/**
 * The events in `bytes`, the lines of `file` from line `firstLine` on. Blank lines are skipped;
 * bytes after the last newline are not read but reported as a partial line.
 */
export function decodeLines(bytes: Buffer, file: string, firstLine = 1): DecodedLines {
  const whole = bytes.lastIndexOf(NEWLINE) + 1;
  const text = bytes.toString('utf8', 0, whole);
  const events: LogEvent[] = [];
  const problems: LogProblem[] = [];
  let line = firstLine - 1;
  for (let from = 0; from < text.length; ) {
    const end = text.indexOf('\n', from);
    const lineText = text.slice(from, end);
    from = end + 1;
    line++;
    if (lineText.trim() === '') continue;
    const decoded = decodeLine(lineText);
    if (typeof decoded === 'string') problems.push({ file, line, reason: `${decoded}; skipped` });
    else events.push(decoded);
  }
  if (whole < bytes.length) problems.push({ file, line: line + 1, reason: 'its last line has no newline yet (still being written, or cut short); ignored until it is whole', partial: true });
  return { events, problems, whole, lines: line - firstLine + 1 };
}

/** One event as its line, newline included; throws InvalidEvent for one that would not read back. */
export function encodeEvent(event: LogEvent): string {
  const line = JSON.stringify(event);
  const back = decodeLine(line);
  if (typeof back === 'string') throw new InvalidEvent(`refused to write an event that would not read back: ${back}`);
  return `${line}\n`;
}
