// Typed errors. Commands throw them; only src/main.ts turns them into messages and exit codes.
import { cleanText } from './curriculum/text.js';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

// Each class names itself: the built CLI is minified, so a class's own name is not its name.
export abstract class PrepError extends Error {
  abstract readonly exitCode: number;
  /** One line telling the user what to do next. */
  readonly hint: string | undefined;

  constructor(message: string, hint?: string) {
    // Messages echo arguments, file names and file contents: cleaned once, where they are made.
    super(cleanText(message));
    this.hint = hint === undefined ? undefined : cleanText(hint);
  }
}

/** Bad arguments or bad input from the user: exit 2. */
export class UsageError extends PrepError {
  override readonly name = 'UsageError';
  readonly exitCode = EXIT_USAGE;
}

/** A curriculum that cannot be read or does not parse: exit 1. */
export class CurriculumError extends PrepError {
  override readonly name = 'CurriculumError';
  readonly exitCode = EXIT_FAILURE;
}

/** The state file is unreadable or from the future: exit 1, and the file is left as it is. */
export class StateError extends PrepError {
  override readonly name = 'StateError';
  readonly exitCode = EXIT_FAILURE;
}

/** Ctrl-C (or SIGTERM) before anything was written: the conventional 128 + signal number. */
export class InterruptedError extends PrepError {
  override readonly name = 'InterruptedError';
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** A program prep was to start (a browser) could not be started: exit 1. */
export class LaunchError extends PrepError {
  override readonly name = 'LaunchError';
  readonly exitCode = EXIT_FAILURE;
}
