// Array helpers for lists as long as a 2 MB file allows.

/** Appends `items` to `target` in place: `push(...items)` overflows the stack past ~100 000 items. */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
