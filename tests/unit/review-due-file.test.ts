// The prompt's count of today's reviews, from the due dates each change writes, is the count
// `prep review` gives from the cards' schedules: the same rule of the daily limit, whatever the deck.
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dueFilePath, readDueFile, reviewsDueOn, type DueFile } from '../../src/review/due-file.js';
import { dueToday, type CardSchedule } from '../../src/review/schedule.js';
import { addDays } from '../../src/schedule/dates.js';

const TODAY = '2026-03-10';
const date = fc.integer({ min: -5, max: 5 }).map((offset) => addDays(TODAY, offset));
const card = fc.record({ due: date, last: fc.option(date, { nil: null }) });

describe('reviewsDueOn', () => {
  it('counts as dueToday does, for any deck and limit', () => {
    fc.assert(
      fc.property(fc.array(card, { maxLength: 30 }), fc.integer({ min: 0, max: 12 }), (cards, limit) => {
        const schedules = cards.map((entry, i) => ({ id: `c${i}`, due: entry.due, dueMinute: 0, ...(entry.last === null ? {} : { last: { date: entry.last, minute: 0 } }) }) as CardSchedule);
        const expected = dueToday(schedules, TODAY, { dailyLimit: limit });
        const file: DueFile = { limit, cards: cards.map((entry) => [entry.due, entry.last]) };
        expect(reviewsDueOn(file, TODAY)).toEqual({ due: expected.cards.length, held: expected.held });
      }),
    );
  });

  it.each([
    [{ limit: 2, cards: [['2026-03-09', null], ['2026-03-10', null], ['2026-03-10', null]] }, { due: 2, held: 1 }],
    [{ limit: 1, cards: [['2026-03-10', '2026-03-10'], ['2026-03-08', null]] }, { due: 1, held: 1 }], // the limit is used up; the card again today still shows
    [{ limit: 20, cards: [['2026-03-11', null]] }, { due: 0, held: 0 }],
  ] as [DueFile, unknown][])('%j gives %j', (file, counts) => {
    expect(reviewsDueOn(file, TODAY)).toEqual(counts);
  });
});

describe('readDueFile', () => {
  it('reads what was written, and nothing from a file that is not one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-due-file-'));
    expect(readDueFile(dir)).toBeUndefined();
    writeFileSync(dueFilePath(dir), JSON.stringify({ limit: 3, cards: [['2026-03-10', null]] }), { mode: 0o600 });
    expect(readDueFile(dir)).toEqual({ limit: 3, cards: [['2026-03-10', null]] });
    for (const text of ['{', '{"limit":3,"cards":[["tomorrow",null]]}', '{"cards":[]}']) {
      writeFileSync(dueFilePath(dir), text, { mode: 0o600 });
      expect(readDueFile(dir), text).toBeUndefined();
    }
  });
});
