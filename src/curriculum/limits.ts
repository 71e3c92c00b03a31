// What a curriculum may be: the form of its id, how many days it spans, and how much it may hold
// (the last checked by a line scan before any Markdown is read). One place for each, so the parser,
// the importer and the commands agree.
import type { Problem } from './types.js';

/** A plan id: lowercase letters and digits in dash-separated words, such as `6-week`. */
export const PLAN_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The most days a plan may have: ten years. */
export const MAX_DAYS = 3660;

// Plans are for humans: the longest shipped plan has 228 tasks. Far more is a mistake or an attack,
// refused before the Markdown is read, so that any file under the size limit is answered at once.
export const MAX_LIST_ITEMS = 20_000;
export const MAX_HEADINGS = 10_000;

/** The line on which the body passes a limit of list items or headings, and what it passed; null when it does not. */
export function overLimit(body: string): Problem | null {
  let items = 0;
  let headings = 0;
  let line = 0;
  for (let start = 0; start < body.length; line++) {
    const end = body.indexOf('\n', start);
    const text = body.slice(start, end === -1 ? body.length : end);
    start = end === -1 ? body.length : end + 1;
    if (/^ {0,3}#{1,6}(?:[ \t]|$)/.test(text) && ++headings > MAX_HEADINGS) {
      return { severity: 'error', line: line + 1, col: 1, message: `more than ${MAX_HEADINGS.toLocaleString('en')} headings: a study plan has far fewer; split the file or remove the repeats` };
    }
    if (/^\s*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/.test(text) && ++items > MAX_LIST_ITEMS) {
      return { severity: 'error', line: line + 1, col: 1, message: `more than ${MAX_LIST_ITEMS.toLocaleString('en')} list items: a study plan has far fewer tasks; split the file or remove the repeats` };
    }
  }
  return null;
}
