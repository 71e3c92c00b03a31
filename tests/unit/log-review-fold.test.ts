// Notes, cards added on demand and grades in the study log: checked as they are read, folded the
// same way whatever order the devices' files come in, conflicts resolved by stamp everywhere.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEvent, type LogEvent } from '../../src/log/events.js';
import { fold, sortUnique } from '../../src/log/fold.js';
import { Device, deviceLogs } from '../support/log-events.js';

const day = '2026-03-02';
const header = { id: 'e1', dev: 'laptop', hlc: [1772438400000, 0], date: day };

/** A permutation of `events` with some of them twice (a conflict copy, a file read twice). */
const shuffledWithCopies = (events: LogEvent[]) =>
  fc.tuple(fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }), fc.subarray(events)).map(([order, copies]) => [...order, ...copies.map((e) => structuredClone(e))].reverse());

describe('checking review events as they are read', () => {
  it.each([
    ['a note on a day', { kind: 'note', plan: '6-week', day: 3, text: 'B-trees\nsplit on insert' }, undefined],
    ['a note on a task', { kind: 'note', plan: '6-week', day: 3, task: 'd3.read', text: 'read twice' }, undefined],
    ['a note without a day', { kind: 'note', plan: '6-week', text: 'x' }, 'a note event needs a day'],
    ['a note of blank text', { kind: 'note', plan: '6-week', day: 3, text: ' \n ' }, 'the text of a note event is " \\n "'],
    ['an edit', { kind: 'note-edit', note: 'abc', text: 'new words' }, undefined],
    ['an edit naming no note', { kind: 'note-edit', text: 'new words' }, 'a note-edit event needs a note'],
    ['a removal', { kind: 'note-remove', note: 'abc' }, undefined],
    ['a day added', { kind: 'review-add', plan: '6-week', day: 4 }, undefined],
    ['an item added', { kind: 'review-add', plan: '6-week', item: 'c.ready' }, undefined],
    ['an add of neither', { kind: 'review-add', plan: '6-week' }, 'a review-add event needs a day or an item'],
    ['an add of both', { kind: 'review-add', plan: '6-week', day: 4, item: 'c.ready' }, 'a review-add event names a day and an item: one only'],
    ['a grade', { kind: 'grade', card: '6-week:4', rating: 'good', at: '2026-03-02T22:30:00.000Z', minute: 1170 }, undefined],
    ['a grade of 5', { kind: 'grade', card: '6-week:4', rating: 5, at: '2026-03-02T22:30:00.000Z', minute: 1170 }, 'the rating of a grade event is 5'],
    ['a grade at no instant', { kind: 'grade', card: '6-week:4', rating: 'easy', at: 'soon', minute: 1170 }, 'the at of a grade event is "soon"'],
    ['a grade past the day', { kind: 'grade', card: '6-week:4', rating: 'hard', at: '2026-03-02T22:30:00.000Z', minute: 1440 }, 'the minute of a grade event is 1440'],
  ])('%s', (_name, fields, problem) => {
    const raw = { ...header, ...fields };
    expect(checkEvent(raw)).toBe(problem ?? raw);
  });
});

describe('notes in the fold', () => {
  it('keeps notes in the order they were added, cleaned, with their plan, day and task', () => {
    const laptop = new Device('laptop');
    const a = laptop.write({ kind: 'note', date: day, plan: '6-week', day: 1, text: '  red \u001b[31mink\r\nsecond line  ' });
    const b = laptop.write({ kind: 'note', date: '2026-03-03', plan: '6-week', day: 2, task: 'd2.read', text: 'why' });
    expect(fold([b, a]).review.notes).toEqual([
      { id: a.id, plan: '6-week', day: 1, text: 'red [31mink\nsecond line', date: day },
      { id: b.id, plan: '6-week', day: 2, task: 'd2.read', text: 'why', date: '2026-03-03' },
    ]);
  });

  it('two devices edit one note: the later stamp wins on both; an edit after a removal changes nothing', () => {
    const laptop = new Device('laptop');
    const desktop = new Device('desktop');
    const add = laptop.write({ kind: 'note', date: day, plan: '6-week', day: 1, text: 'first' });
    const editA = laptop.write({ kind: 'note-edit', date: day, note: add.id, text: 'laptop words' }, 5000);
    const editB = desktop.write({ kind: 'note-edit', date: '2026-03-03', note: add.id, text: 'desktop words' }, 9000);
    expect(fold([editB, add, editA]).review.notes).toEqual([{ id: add.id, plan: '6-week', day: 1, text: 'desktop words', date: day, edited: '2026-03-03' }]);
    const remove = laptop.write({ kind: 'note-remove', date: day, note: add.id }, 20_000);
    const late = desktop.write({ kind: 'note-edit', date: day, note: add.id, text: 'again' }, 30_000);
    expect(fold([late, remove, editB, add]).review.notes).toEqual([]);
  });

  it('an edit or removal of a note no one added, and a second add with the same id, change nothing', () => {
    const laptop = new Device('laptop');
    const add = laptop.write({ kind: 'note', date: day, plan: '6-week', day: 1, text: 'kept' });
    const events = [add, laptop.write({ kind: 'note-edit', date: day, note: 'nobody', text: 'x' }), laptop.write({ kind: 'note-remove', date: day, note: 'nobody' }), { ...add, hlc: [add.hlc[0] + 5000, 0] as [number, number], text: 'copy' } as LogEvent];
    expect(fold(events).review.notes).toEqual([{ id: add.id, plan: '6-week', day: 1, text: 'kept', date: day }]);
  });
});

describe('cards added and grades in the fold', () => {
  it('a card asked for on two machines counts from the earlier date', () => {
    const laptop = new Device('laptop');
    const desktop = new Device('desktop');
    const late = laptop.write({ kind: 'review-add', date: '2026-03-05', plan: '6-week', day: 4 });
    const early = desktop.write({ kind: 'review-add', date: '2026-03-03', plan: '6-week', day: 4 }, 5000);
    const item = desktop.write({ kind: 'review-add', date: day, plan: '6-week', item: 'c.ready' }, 6000);
    expect(fold([item, early, late]).review.adds).toEqual([
      { plan: '6-week', day: 4, date: '2026-03-03' },
      { plan: '6-week', item: 'c.ready', date: day },
    ]);
  });

  it('keeps each card\'s grades in stamp order, whichever file is read first', () => {
    const laptop = new Device('laptop');
    const desktop = new Device('desktop');
    const grade = (device: Device, rating: 'again' | 'good', minute: number, ms: number) => device.write({ kind: 'grade', date: day, card: '6-week:1', rating, at: '2026-03-02T09:00:00.000Z', minute }, ms);
    const events = [grade(laptop, 'again', 60, 1000), grade(desktop, 'good', 70, 2000), grade(laptop, 'good', 80, 2000)];
    const expected = [
      { rating: 'again', date: day, minute: 60, at: '2026-03-02T09:00:00.000Z' },
      { rating: 'good', date: day, minute: 70, at: '2026-03-02T09:00:00.000Z' },
      { rating: 'good', date: day, minute: 80, at: '2026-03-02T09:00:00.000Z' },
    ];
    expect(fold(events).review.grades['6-week:1']).toEqual(expected);
    expect(fold([...events].reverse()).review.grades['6-week:1']).toEqual(expected);
  });

  it('a replacing import sets notes, added cards and grades aside with the rest', () => {
    const laptop = new Device('laptop');
    const before = [
      laptop.write({ kind: 'note', date: day, plan: '6-week', day: 1, text: 'old' }),
      laptop.write({ kind: 'review-add', date: day, plan: '6-week', day: 1 }),
      laptop.write({ kind: 'grade', date: day, card: '6-week:1', rating: 'good', at: '2026-03-02T09:00:00.000Z', minute: 0 }),
    ];
    const replace = laptop.write({ kind: 'import', date: day, source: 'backup.json', events: 1, replace: true });
    const after = laptop.write({ kind: 'note', date: day, plan: '6-week', day: 2, text: 'new' });
    const { review } = fold([...before, replace, after]);
    expect(review).toEqual({ notes: [{ id: after.id, plan: '6-week', day: 2, text: 'new', date: day }], adds: [], grades: {} });
  });
});

describe('notes and grades are a function of the set of events (properties)', () => {
  it('any order and copies of the devices\' files give the same notes and the same order of grades', () => {
    fc.assert(
      fc.property(
        deviceLogs.chain(([a, b, c]) => fc.tuple(fc.constant([...a, ...b, ...c]), shuffledWithCopies([...a, ...b, ...c]))),
        ([all, shuffled]) => {
          expect(fold(shuffled).review).toEqual(fold(all).review);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('each card\'s grades are its grade events after the last replacing import, in stamp order', () => {
    fc.assert(
      fc.property(deviceLogs, ([a, b, c]) => {
        const sorted = sortUnique([...a, ...b, ...c]);
        const lastReplace = sorted.findLastIndex((e) => e.kind === 'import' && e.replace === true);
        const expected: Record<string, string[]> = {};
        for (const event of sorted.slice(lastReplace + 1)) if (event.kind === 'grade') (expected[event.card as string] ??= []).push(`${event.rating} ${event.minute}`);
        const { grades } = fold(sorted.reverse()).review;
        expect(Object.fromEntries(Object.entries(grades).map(([card, list]) => [card, list.map((g) => `${g.rating} ${g.minute}`)]))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
