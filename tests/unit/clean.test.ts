import { describe, expect, it } from 'vitest';
import { cleanStrings } from '../../src/state/clean.js';

describe('cleanStrings', () => {
  it('cleans every string of a parsed state, keys included, in place', () => {
    const state = JSON.parse('{"activePlan":"a\\u001b[2Jb","plans":{"p\\u202E":{"start":"2026-03-02"}},"log":[{"text":"\\u009b2Jt","day":1}],"n":null}');
    expect(cleanStrings(state)).toBe(state);
    expect(state).toEqual({ activePlan: 'a[2Jb', plans: { p: { start: '2026-03-02' } }, log: [{ text: '2Jt', day: 1 }], n: null });
  });

  it('keeps a key named __proto__ a key, and leaves the prototype alone', () => {
    const state = JSON.parse('{"plans":{"__proto__\\u001b":{"start":"x"},"__proto__":{"start":"y"}}}');
    cleanStrings(state);
    expect(Object.getPrototypeOf(state.plans)).toBe(Object.prototype);
    expect(Object.keys(state.plans)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(state.plans, '__proto__')?.value).toEqual({ start: 'y' });
  });

  it('keeps the clean key when two keys clean to the same text', () => {
    expect(cleanStrings(JSON.parse('{"a\\u001b":1,"a":2}'))).toEqual({ a: 2 });
    expect(cleanStrings(JSON.parse('{"a":2,"a\\u001b":1}'))).toEqual({ a: 2 });
  });

  it('walks any depth without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}"\\u001b"${']'.repeat(100_000)}`) as unknown;
    cleanStrings(deep);
    let inner = deep;
    while (Array.isArray(inner)) inner = inner[0];
    expect(inner).toBe('');
  });
});
