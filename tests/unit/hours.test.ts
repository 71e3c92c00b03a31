// Reading how long a plan says things take: labels, time blocks, day totals and the intro's daily time.
import { describe, expect, it } from 'vitest';
import { dayTotalHours, durationHours, labelHours, leadingTimeBlockHours, statedDailyHours, timeRangeHours } from '../../src/curriculum/hours.js';

describe('a section label states its hours', () => {
  it.each([
    ['Morning (2 hours)', 2],
    ['Evening (1 hour)', 1],
    ['Afternoon (2-3 hours)', 3], // a range is read as its upper bound
    ['Afternoon (2–3 hours)', 3],
    ['Full Day (8 hours)', 8],
    ['Deep work (1.5 hours)', 1.5],
    ['Review (90 min)', 1.5],
    ['Review (45 minutes)', 0.75],
    ['Mock (1h30)', 1.5],
    ['Sprint (2h)', 2],
    ['Morning (5:00–10:00 am)', 5],
    ['Evening (9:00–11:00 pm)', 2],
    ['Morning 5:00-7:00 AM', 2],
    ['Late block 19:00–21:30', 2.5],
    ['Night (11 pm – 1 am)', 2],
    ['Lunch (11–1 pm)', 2],
    ['Noon (10 am - 12:30 pm)', 2.5],
  ])('%s → %s h', (label, hours) => {
    expect(labelHours(label)).toBeCloseTo(hours, 6);
  });

  it.each(['Morning', 'Focus', 'Days 29-35', 'Chapters 1–2', 'Top 10 mistakes', '3 mock interviews', 'Week 2', 'Read 5 missions'])('%s states none', (label) => {
    expect(labelHours(label)).toBeUndefined();
  });
});

describe('time blocks', () => {
  it.each([
    ['5:00–7:00', 2],
    ['5:00-7:00 AM', 2],
    ['19:00–21:30', 2.5],
    ['23:00–01:00', 2],
    ['9–11 pm', 2],
    ['8:00 – 10:00', 2],
  ])('%s lasts %s h', (text, hours) => {
    expect(timeRangeHours(text)).toBeCloseTo(hours, 6);
  });

  it('a task written after a time block takes its hours; one that only mentions a time does not', () => {
    expect(leadingTimeBlockHours('5:00–7:00: Read Grokking the System Design Interview')).toBe(2);
    expect(leadingTimeBlockHours('8:00–10:00: Watch a crash course')).toBe(2);
    expect(leadingTimeBlockHours('Watch it 5:00–7:00: twice')).toBeUndefined();
    expect(leadingTimeBlockHours('Read chapters 1–2: basics')).toBeUndefined();
  });
});

describe('durations', () => {
  it.each([
    ['2 hours', 2],
    ['1 hour', 1],
    ['2-3 hours', 3],
    ['3 hrs', 3],
    ['45 min', 0.75],
    ['1,5 h', 1.5],
  ])('%s → %s h', (text, hours) => {
    expect(durationHours(text)).toBeCloseTo(hours, 6);
  });
});

describe('a note states the whole day', () => {
  it.each([
    ['Full Day (8 hours).', 8],
    ['Light Day (2-3 hours).', 3],
    ['Half day: 4 hours', 4],
    ['Full day (6 hours)', 6],
  ])('%s → %s h', (note, hours) => {
    expect(dayTotalHours(note)).toBe(hours);
  });

  it.each(['Day 35: Full mock interview (2 hours)', 'Spend the day (and night) reading', 'Use timer (45 minutes)'])('%s is not a day total', (note) => {
    expect(dayTotalHours(note)).toBeUndefined();
  });
});

describe("the plan's stated daily time", () => {
  it.each([
    ['> **Time Commitment**: 3-4 hours/day (weekdays), 6-8 hours/day (weekends)', { weekday: 4, weekend: 8 }],
    ['Time commitment: 3-4 hours a day on weekdays, 6-8 hours a day at weekends.', { weekday: 4, weekend: 8 }],
    ['Daily schedule: about 1 hour a day. Steady progress (1 hour daily) is key.', { weekday: 1, weekend: 1 }],
    ['The schedule assumes you can dedicate around 5–7 hours daily split into two sessions.', { weekday: 7, weekend: 7 }],
    ['Weekends: 6 hours a day; weekdays: 2 hours a day.', { weekday: 2, weekend: 6 }],
    ['Study 2 hours per day on weekdays.', { weekday: 2, weekend: 2 }],
  ])('%s', (prose, expected) => {
    expect(statedDailyHours(prose)).toEqual(expected);
  });

  it.each(['Many days include reading theory (about 1–2 hours).', 'Daily structure: morning (1-2 hours) study', 'Read 30 pages a day', ''])('%s states none', (prose) => {
    expect(statedDailyHours(prose)).toBeUndefined();
  });
});
