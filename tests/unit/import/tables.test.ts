// Day tables on their own: cells, the day column, and what each row schedules.
import { describe, expect, it } from 'vitest';
import { classifyLines } from '../../../src/import/lines.js';
import { cells, dayColumn, readDayTable } from '../../../src/import/tables.js';

describe('day tables', () => {
  it.each([
    ['| a | b |', ['a', 'b']],
    ['a | b', ['a', 'b']],
    ['| a \\| b | c |', ['a \\| b', 'c']],
    ['|  | x |', ['', 'x']],
  ])('cells(%j)', (row, expected) => {
    expect(cells(row)).toEqual(expected);
  });

  it.each([
    [['Day', 'Topic'], 0],
    [['Topic', 'Days'], 1],
    [['Day #', 'What'], 0],
    [['Day No.', 'What'], 0],
    [['Date', 'What'], 0],
    [['Topic', 'Hours'], -1],
    [['Day of week', 'Topic'], -1],
  ])('dayColumn(%j) is %i', (header, expected) => {
    expect(dayColumn(header)).toBe(expected);
  });

  it('reads each row: Topic the title, other cells tasks (named after their column unless it names tasks), <br> splits', () => {
    const rows = classifyLines('| Day | Topic | Tasks | Practice |\n|---|---|---|---|\n| 1 | Arrays | Read ch. 1<br>Watch the lecture | Two-sum |\n| Day 2 | **Lists** | | |\n| Week 3 | x | y | z |\n| 4 |  |  | Mock |');
    expect(readDayTable(rows).map(({ row, day }) => [row.no, day && { from: day.entry.from, kind: day.entry.kind, title: day.entry.rest, tasks: day.tasks, summary: day.summary }])).toEqual([
      [3, { from: 1, kind: 'day', title: 'Arrays', tasks: ['Read ch. 1', 'Watch the lecture', 'Practice: Two-sum'], summary: 'Arrays Read ch. 1<br>Watch the lecture Two-sum' }],
      [4, { from: 2, kind: 'day', title: 'Lists', tasks: [], summary: 'Lists' }],
      [5, undefined], // a week is no day of a day table
      [6, { from: 4, kind: 'day', title: '', tasks: ['Practice: Mock'], summary: 'Mock' }],
    ]);
  });
});
