// The hash that tells whether the bytes before a snapshot's offset are still the ones it folded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashBytes } from '../../src/log/snapshot.js';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('hashing a window of a log file', () => {
  it.each([
    ['a changed byte in a whole word', bytes(1, 2, 3, 4, 5, 6, 7, 8), bytes(1, 2, 3, 4, 5, 6, 9, 8)],
    ['a changed byte in the last, partial word', bytes(1, 2, 3, 4, 5), bytes(1, 2, 3, 4, 6)],
    ['a zero byte more at the end', bytes(1, 2, 3, 4, 5), bytes(1, 2, 3, 4, 5, 0)],
    ['the same bytes in another order', bytes(1, 2, 3, 4, 5, 6, 7, 8), bytes(5, 6, 7, 8, 1, 2, 3, 4)],
    ['nothing against one zero byte', bytes(), bytes(0)],
  ])('tells %s apart', (_, before, after) => {
    expect(hashBytes(after)).not.toBe(hashBytes(before));
  });

  it('is 16 hex digits, the same for the same bytes however they are held', () => {
    const text = Buffer.from('{"id":"a"}\n{"id":"b"}\n');
    const copy = Buffer.concat([Buffer.from('xyz'), text]).subarray(3);
    expect(hashBytes(text)).toMatch(/^[0-9a-f]{16}$/);
    expect(hashBytes(copy)).toBe(hashBytes(text));
  });

  it('changes when any one byte of a window changes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (window, at, delta) => {
        const changed = Uint8Array.from(window);
        const index = at % window.length;
        changed[index] = (changed[index]! + delta) % 256;
        expect(hashBytes(changed)).not.toBe(hashBytes(window));
      }),
    );
  });
});
