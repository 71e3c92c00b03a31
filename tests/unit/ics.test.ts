// The iCalendar export's pure core: folding, escaping, one event per plan day on its real date.
import ICAL from 'ical.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeText, eventDescription, eventSummary, foldLine, planCalendar, unfold } from '../../src/export/ics.js';
import type { PlanClock } from '../../src/schedule/clock.js';
import { planDays, type PlanDay } from '../../src/schedule/plan-days.js';
import { shippedPlan } from '../helpers.js';

const octets = (line: string) => Buffer.byteLength(line, 'utf8');
const physicalLines = (folded: string) => folded.split('\r\n');
const NOW = new Date('2026-03-02T08:30:00.000Z');

describe('foldLine', () => {
  it.each([
    ['short ASCII', 'SUMMARY:Day 1'],
    ['exactly 75 octets', `X:${'a'.repeat(73)}`],
    ['76 octets', `X:${'a'.repeat(74)}`],
    ['long ASCII', `DESCRIPTION:${'word '.repeat(60)}`],
    ['emoji (4 octets each)', `SUMMARY:${'🔥'.repeat(50)}`],
    ['emoji with a ZWJ and a skin tone', `SUMMARY:${'👩🏽‍💻 '.repeat(20)}`],
    ['CJK (3 octets each)', `SUMMARY:${'分布式系统设计'.repeat(12)}`],
    ['mixed, offset by one octet', `SUMMARY:x${'é→😀中'.repeat(30)}`],
  ])('%s: every physical line at most 75 octets, unfolding gives it back', (_name, line) => {
    const folded = foldLine(line);
    for (const physical of physicalLines(folded)) expect(octets(physical)).toBeLessThanOrEqual(75);
    physicalLines(folded).slice(1).forEach((continuation) => expect(continuation.startsWith(' ')).toBe(true));
    expect(unfold(folded)).toBe(line);
    // No character is cut: each physical line is valid UTF-8 on its own.
    for (const physical of physicalLines(folded)) expect(Buffer.from(physical, 'utf8').toString('utf8')).toBe(physical);
  });

  it('leaves a line of 75 octets alone and folds one of 76', () => {
    expect(foldLine(`X:${'a'.repeat(73)}`)).not.toContain('\r\n');
    expect(physicalLines(foldLine(`X:${'a'.repeat(74)}`))).toEqual([`X:${'a'.repeat(73)}`, ' a']);
  });

  it('moves a multi-byte character that would cross the limit to the next line whole', () => {
    const [first, second] = physicalLines(foldLine(`X:${'a'.repeat(72)}中b`));
    expect(first).toBe(`X:${'a'.repeat(72)}`); // 74 octets: 中 (3) would make 77
    expect(second).toBe(' 中b');
  });

  it('holds for any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const line = `DESCRIPTION:${escapeText(text)}`;
        const folded = foldLine(line);
        return unfold(folded) === line && physicalLines(folded).every((physical) => octets(physical) <= 75);
      }),
    );
  });
});

describe('escapeText', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b; c', 'a\\, b\\; c'],
    ['C:\\path\\to', 'C:\\\\path\\\\to'],
    ['line 1\nline 2\r\nline 3\rline 4', 'line 1\\nline 2\\nline 3\\nline 4'],
    ['tab\there, bell\u0007 gone', 'tab here\\, bell gone'],
    ['already \\n escaped?', 'already \\\\n escaped?'],
  ])('%j → %j', (text, escaped) => {
    expect(escapeText(text)).toBe(escaped);
  });

  it('reads back as the original text through a real parser', () => {
    const text = 'Design: cache, queue; retry\\backoff\nthen ✔ "quotes" 分布式';
    const calendar = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//t//t//EN', 'BEGIN:VEVENT', 'UID:x', 'DTSTAMP:20260302T000000Z', 'DTSTART;VALUE=DATE:20260302', foldLine(`DESCRIPTION:${escapeText(text)}`), 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    const event = new ICAL.Component(ICAL.parse(calendar)).getFirstSubcomponent('vevent')!;
    expect(event.getFirstPropertyValue('description')).toBe(text);
  });
});

describe('events', () => {
  const plan = shippedPlan('6-week');
  const days = planDays(plan);
  const day = (n: number) => days[n - 1]!;

  it('titles a day with its number, title and plan, and a rest day Rest', () => {
    expect(eventSummary(plan, day(5))).toBe('Day 5/42 · Database Design & Scaling (6-week)');
    const rest: PlanDay = { day: 7, kind: 'rest', title: 'Rest', from: 7, to: 7, tasks: [], notes: [] };
    expect(eventSummary({ id: 'p', days: 7 }, rest)).toBe('Day 7/7 · Rest (p)');
  });

  it('describes the tasks numbered as `prep done N` takes them, under their sections', () => {
    const description = eventDescription(day(5)).split('\n');
    expect(description[0]).toBe('Week 1: System Design Foundation');
    expect(description).toContain('1. Read: `04_database_scaling.md` - Indexing, Query Optimization');
    expect(description).toContain('8. Note: Improvements needed (compiled queries, pagination)');
    expect(description.at(-1)).toBe('Deliverable: Can design and optimize databases');
    expect(description.filter((line) => /^\d+\. /.test(line))).toHaveLength(day(5).tasks.length);
  });
});

describe('planCalendar', () => {
  const plan = shippedPlan('6-week');
  const days = planDays(plan);
  const parse = (text: string) => new ICAL.Component(ICAL.parse(text));
  const events = (text: string) => parse(text).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));

  it('is a valid calendar with one all-day event per plan day, on consecutive dates from the start', () => {
    const text = planCalendar(plan, days, { start: '2026-03-02', paused: [] }, '2026-03-02', NOW);
    const calendar = parse(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(plan.title);
    const all = events(text);
    expect(all).toHaveLength(42);
    expect(all[0]!.startDate.toString()).toBe('2026-03-02');
    expect(all[0]!.startDate.isDate).toBe(true);
    expect(all[0]!.endDate.toString()).toBe('2026-03-03');
    expect(all[41]!.startDate.toString()).toBe('2026-04-12');
    expect(new Set(all.map((e) => e.uid)).size).toBe(42);
    expect(all[4]!.uid).toBe('6-week-day-5@prep');
    expect(all[4]!.summary).toBe('Day 5/42 · Database Design & Scaling (6-week)');
    expect(all[4]!.description).toBe(eventDescription(days[4]!));
  });

  it('uses CRLF everywhere and no physical line over 75 octets', () => {
    const text = planCalendar(plan, days, { start: '2026-03-02', paused: [] }, '2026-03-02', NOW);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(text.split('\r\n').some((line) => line.startsWith(' '))).toBe(true); // some were folded
  });

  it('moves the days after a pause later by the paused days, and an ongoing pause as if it ends today', () => {
    const paused: PlanClock = { start: '2026-03-02', paused: [{ from: '2026-03-06', resume: '2026-03-09' }] };
    const starts = events(planCalendar(plan, days, paused, '2026-03-20', NOW)).map((e) => e.startDate.toString());
    expect(starts.slice(0, 5)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-09']);
    expect(starts.at(-1)).toBe('2026-04-15');
    expect(new Set(starts).size).toBe(42); // no two days on one date

    const ongoing: PlanClock = { start: '2026-03-02', paused: [{ from: '2026-03-06' }] };
    const waiting = events(planCalendar(plan, days, ongoing, '2026-03-10', NOW)).map((e) => e.startDate.toString());
    expect(waiting[4]).toBe('2026-03-11'); // day 5 resumes tomorrow at the earliest
  });

  it('keeps UIDs on re-export and raises SEQUENCE so calendars take the update', () => {
    const clock = { start: '2026-03-02', paused: [] };
    const first = parse(planCalendar(plan, days, clock, '2026-03-02', NOW)).getAllSubcomponents('vevent');
    const later = parse(planCalendar(plan, days, { start: '2026-03-05', paused: [] }, '2026-03-05', new Date('2026-03-05T08:30:00Z'))).getAllSubcomponents('vevent');
    expect(later.map((e) => e.getFirstPropertyValue('uid'))).toEqual(first.map((e) => e.getFirstPropertyValue('uid')));
    expect(Number(later[0]!.getFirstPropertyValue('sequence'))).toBeGreaterThan(Number(first[0]!.getFirstPropertyValue('sequence')));
    expect(String(later[0]!.getFirstPropertyValue('dtstart'))).toBe('2026-03-05');
  });

  it('is the same text for the same inputs (no clock read)', () => {
    const clock = { start: '2026-03-02', paused: [] };
    expect(planCalendar(plan, days, clock, '2026-03-02', NOW)).toBe(planCalendar(plan, days, clock, '2026-03-02', NOW));
  });
});
