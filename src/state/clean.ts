// The state file is outside text too (edited by hand, or written by an older prep): every string in
// it, keys included, is cleaned on the way in, so what prep shows and exports is clean. The same
// goes for the study log's lines, which may come from another machine.
import { cleanText } from '../curriculum/text.js';

/** Sets a key as data, so that a key such as `__proto__` stays a key and never becomes the prototype. */
const define = (record: Record<string, unknown>, key: string, value: unknown) => Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });

/**
 * Runs `clean` over every string of a parsed JSON value, object keys included, in place, and returns
 * the value. A loop, not recursion: no nesting is deep enough to overflow the stack. Should two keys
 * clean to the same text, the one already clean is kept.
 */
export function cleanStrings<T>(root: T, clean: (text: string) => string = cleanText): T {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== 'object' || node === null) continue;
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const value = record[key];
      const cleaned = typeof value === 'string' ? clean(value) : value;
      if (typeof cleaned === 'object' && cleaned !== null) pending.push(cleaned);
      const cleanKey = Array.isArray(record) ? key : clean(key);
      if (cleanKey === key) {
        if (cleaned !== value) define(record, key, cleaned);
        continue;
      }
      delete record[key];
      if (!Object.hasOwn(record, cleanKey)) define(record, cleanKey, cleaned);
    }
  }
  return root;
}

/** Whether objects and arrays in `value` nest deeper than `max`: a walk with its own stack, not recursion. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth > max) return true;
    for (const inner of Object.values(item)) if (typeof inner === 'object' && inner !== null) stack.push([inner, depth + 1]);
  }
  return false;
}
