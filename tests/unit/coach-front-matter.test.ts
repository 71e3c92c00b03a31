// The front matter's `hours` and `starts-on`: read when right, named at their line and column when wrong.
import { describe, expect, it } from 'vitest';
import { weekdayNumber } from '../../src/curriculum/coach-fields.js';
import { parseCurriculum } from '../../src/curriculum/parse.js';
import { curriculum } from '../helpers.js';

const body = '### Days 1-3\n- x\n';
const parsed = (front: string) => parseCurriculum(curriculum(body, `id: t\ntitle: T\ndays: 3\n${front}`));
const errorsOf = (front: string) => parsed(front).problems.filter((p) => p.severity === 'error').map((p) => `${p.line}:${p.col} ${p.message}`);

describe('hours in the front matter', () => {
  it.each([
    ['hours: 3', { weekday: 3, weekend: 3 }],
    ['hours: 2.5', { weekday: 2.5, weekend: 2.5 }],
    ['hours: {weekday: 4, weekend: 8}', { weekday: 4, weekend: 8 }],
    ['hours:\n  weekday: 4\n  weekend: 8', { weekday: 4, weekend: 8 }],
    ['hours: {weekend: 6}', { weekday: 6, weekend: 6 }], // one figure stands for both
    ['hours: {weekday: 0, weekend: 6}', { weekday: 0, weekend: 6 }],
  ])('%s', (front, hours) => {
    const { plan, problems } = parsed(front);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(plan?.hours).toEqual(hours);
  });

  it('a plan without it has none', () => {
    expect(parsed('summary: s').plan?.hours).toBeUndefined();
  });

  it.each([
    ['hours: 0', ['5:8 `hours` must be the hours a plan day takes, more than 0 and at most 24, such as `hours: 3`, or `hours: {weekday: 4, weekend: 8}`; got 0']],
    ['hours: 25', ['5:8 `hours` must be the hours a plan day takes, more than 0 and at most 24, such as `hours: 3`, or `hours: {weekday: 4, weekend: 8}`; got 25']],
    ['hours: three', ['5:8 `hours` must be a number or a mapping, such as `hours: 3`, or `hours: {weekday: 4, weekend: 8}`; got "three"']],
    ['hours: [3, 4]', ['5:8 `hours` must be a number or a mapping, such as `hours: 3`, or `hours: {weekday: 4, weekend: 8}`; got [3,4]']],
    ['hours: {weekdy: 4, weekend: 8}', ['5:9 unknown key `weekdy` in `hours` (did you mean `weekday`?): it takes `weekday` and `weekend`, such as `hours: 3`, or `hours: {weekday: 4, weekend: 8}`']],
    ['hours: {weekday: 4, weekend: eight}', ['5:21 `hours.weekend` must be a number of hours from 0 to 24; got "eight"']],
    ['hours:\n  weekday: 4\n  weekend: -1', ['7:3 `hours.weekend` must be a number of hours from 0 to 24; got -1']],
    ['hours: {}', ['5:8 `hours` is empty: write `hours: 3`, or `hours: {weekday: 4, weekend: 8}`']],
    ['hours: {weekday: 0, weekend: 0}', ['5:8 `hours` gives no time to any day: a plan day takes more than 0 hours']],
  ])('%s is named where it is wrong', (front, errors) => {
    expect(errorsOf(front)).toEqual(errors);
    expect(parsed(front).plan).toBeDefined(); // the body is still checked
  });
});

describe('starts-on in the front matter', () => {
  it.each([
    ['starts-on: monday', 0],
    ['starts-on: Saturday', 5],
    ['starts-on: sun', 6],
  ])('%s', (front, day) => {
    expect(parsed(front).plan?.startsOn).toBe(day);
  });

  it.each([
    ['starts-on: mondy', ['5:12 `starts-on` must be the weekday of day 1, monday … sunday, such as `starts-on: monday`; got "mondy" (did you mean `monday`?)']],
    ['starts-on: 1', ['5:12 `starts-on` must be the weekday of day 1, monday … sunday, such as `starts-on: monday`; got 1']],
    ['starts-on: 2026-03-02', ['5:12 `starts-on` must be the weekday of day 1, monday … sunday, such as `starts-on: monday`; got "2026-03-02"']],
  ])('%s is named where it is wrong', (front, errors) => {
    expect(errorsOf(front)).toEqual(errors);
  });

  it.each([
    ['mon', 0],
    ['TUESDAY', 1],
    ['wed', 2],
    ['mo', undefined],
    ['thurs', 3],
    ['mondays', undefined],
    ['', undefined],
  ])('weekday %j is %s', (name, day) => {
    expect(weekdayNumber(name)).toBe(day);
  });
});
