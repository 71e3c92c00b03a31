// Notes as they are listed and found: newest first by plan day, a word filter, short ids that a
// unique prefix finds, the counts the day views show.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import type { Note } from '../../src/log/fold-review.js';
import { findNote, noteCount, noteCounts, notesByDay, noteText, shortIds } from '../../src/review/notes.js';

const note = (id: string, plan: string, day: number, text: string, extra: Partial<Note> = {}): Note => ({ id, plan, day, text, date: '2026-03-02', ...extra });
// Oldest first, as the fold gives them.
const notes = [
  note('k3f9q1w2e3r4', 't', 1, 'LSM trees write fast'),
  note('a1b2c3d4e5f6', 't', 2, 'B-Trees split on insert'),
  note('k3f0zzzzzzzz', 't', 1, 'compaction costs I/O', { task: 'd1.read' }),
  note('p9p9p9p9p9p9', 'other', 1, 'not this plan'),
];

describe('listing notes', () => {
  it('newest first, grouped by plan day, the group of the newest note first', () => {
    expect(notesByDay(notes).map((g) => [g.plan, g.day, g.notes.map((n) => n.short)])).toEqual([
      ['other', 1, ['p9p9']],
      ['t', 1, ['k3f0', 'k3f9']],
      ['t', 2, ['a1b2']],
    ]);
  });

  it.each([
    ['one plan', { plan: 't' }, ['k3f0', 'k3f9', 'a1b2']],
    ['a word, case aside: the newest match first', { grep: 'trees' }, ['a1b2', 'k3f9']],
    ['a word cleaned as typed', { grep: ' b-TREES\u001b ' }, ['a1b2']],
    ['a word and a plan', { plan: 'other', grep: 'trees' }, []],
    ['a word no note holds', { grep: 'raft' }, []],
  ])('filters by %s', (_name, filter, expected) => {
    expect(notesByDay(notes, filter).flatMap((g) => g.notes.map((n) => n.short))).toEqual(expected);
  });

  it('counts a day\'s notes, on the day and its tasks', () => {
    expect(noteCount(notes, 't', 1)).toBe(2);
    expect(noteCount(notes, 't', 3)).toBe(0);
    expect([...noteCounts(notes, 't')]).toEqual([[1, 2], [2, 1]]);
  });

  it('keeps newlines and takes out control characters on the way in', () => {
    expect(noteText('\r\n  first\u001b[2J line\r\nsecond\u202e line\n\n')).toBe('first[2J line\nsecond line');
  });
});

describe('note ids', () => {
  it('are the shortest unique starts, four characters at least', () => {
    expect(Object.fromEntries(shortIds(notes))).toEqual({ k3f9q1w2e3r4: 'k3f9', a1b2c3d4e5f6: 'a1b2', k3f0zzzzzzzz: 'k3f0', p9p9p9p9p9p9: 'p9p9' });
    expect(shortIds([note('abcdef1', 't', 1, 'x'), note('abcdef2', 't', 1, 'y')]).get('abcdef1')).toBe('abcdef1');
  });

  it('tell every note apart, and a short id finds its note (property)', () => {
    const id = fc.stringMatching(/^[a-z0-9]{12}$/);
    fc.assert(
      fc.property(fc.uniqueArray(id, { maxLength: 40 }), fc.array(fc.nat({ max: 11 }), { maxLength: 40 }), (ids, cuts) => {
        // Ids that share long starts, as well as random ones.
        const all = [...ids, ...ids.map((x, i) => x.slice(0, cuts[i] ?? 0) + 'z'.repeat(12 - (cuts[i] ?? 0)))].filter((x, i, list) => list.indexOf(x) === i);
        const list = all.map((x) => note(x, 't', 1, 'x'));
        const short = shortIds(list);
        expect(new Set(short.values()).size).toBe(list.length);
        for (const n of list) expect(findNote(list, short.get(n.id)!).id).toBe(n.id);
      }),
    );
  });

  it.each([
    ['its short id', 'k3f9', 'k3f9q1w2e3r4'],
    ['more of it, in capitals', 'K3F9Q1', 'k3f9q1w2e3r4'],
    ['the whole id', 'a1b2c3d4e5f6', 'a1b2c3d4e5f6'],
  ])('finds a note by %s', (_name, prefix, id) => {
    expect(findNote(notes, prefix).id).toBe(id);
  });

  it.each([
    ['a prefix two ids share', 'k3f', '2 notes have ids beginning with "k3f": k3f0, k3f9'],
    ['an id no note has', 'zz', 'no note has the id "zz"'],
    ['nothing', '  ', 'no note has the id ""'],
  ])('refuses %s, saying what to do', (_name, prefix, message) => {
    expect(() => findNote(notes, prefix)).toThrow(UsageError);
    expect(() => findNote(notes, prefix)).toThrow(message);
  });
});
