// The log's line format: what is written reads back, a damaged line is named and skipped, a last
// line still being written waits, a newer prep's kinds survive a rewrite, and nothing read from a
// synced file keeps a control character.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLines, encodeEvent, InvalidEvent } from '../../src/log/codec.js';
import { checkEvent, KNOWN_KINDS, type LogEvent } from '../../src/log/events.js';
import { Device, payload } from '../support/log-events.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const laptop = () => new Device('laptop');

describe('encodeEvent and decodeLines', () => {
  it('read back every kind as written (property)', () => {
    fc.assert(
      fc.property(fc.array(payload, { maxLength: 20 }), (payloads) => {
        const device = laptop();
        const events = payloads.map((p) => device.write(p));
        const decoded = decodeLines(bytes(events.map(encodeEvent).join('')), 'laptop.jsonl');
        expect(decoded.problems).toEqual([]);
        // Cleaned on the way in: the escape in a task's text is gone, the rest as written.
        expect(decoded.events).toEqual(events.map((e) => JSON.parse(JSON.stringify(e).replace(/\\u001b/g, ''))));
        expect(decoded.whole).toBe(Buffer.byteLength(events.map(encodeEvent).join('')));
        expect(decoded.lines).toBe(events.length);
      }),
    );
  });

  it('cover every kind the commands record', () => {
    const seen = new Set<string>();
    fc.assert(fc.property(payload, (p) => void seen.add(p.kind)), { numRuns: 500 });
    expect([...seen].sort()).toEqual([...KNOWN_KINDS].sort());
  });

  it('refuse to write an event that would not read back', () => {
    const event = laptop().write({ kind: 'rest', date: '2026-03-02', on: '2026-03-02' });
    expect(() => encodeEvent({ ...event, on: 'tomorrow' } as LogEvent)).toThrow(InvalidEvent);
    expect(() => encodeEvent({ ...event, dev: 'Laptop' })).toThrow('refused to write an event that would not read back: it names no device');
    expect(() => encodeEvent({ ...event, hlc: [1.5, 0] })).toThrow('its stamp is not [wall ms, counter]');
  });
});

describe('decodeLines', () => {
  const device = laptop();
  const good = [device.write({ kind: 'rest', date: '2026-03-02', on: '2026-03-02' }), device.write({ kind: 'switch', date: '2026-03-02', plan: '6-week' })];
  const lines = good.map(encodeEvent);

  it('names a damaged line by file and line, skips it, and reads the rest', () => {
    const text = `${lines[0]}{"id":"x","dev":"laptop","hlc":[1,0],"kind":"done"\n\n${lines[1]}`;
    const decoded = decodeLines(bytes(text), 'laptop.jsonl');
    expect(decoded.events).toEqual(good);
    expect(decoded.problems).toEqual([{ file: 'laptop.jsonl', line: 2, reason: 'it is not valid JSON; skipped' }]);
    expect(decoded.lines).toBe(4);
  });

  it.each([
    ['not an object', '[1,2]', 'it is not a JSON object'],
    ['no id', '{"dev":"a","hlc":[1,0],"kind":"rest","date":"2026-03-02","on":"2026-03-02"}', 'it has no event id'],
    ['a bad device', '{"id":"x","dev":"../a","hlc":[1,0],"kind":"rest","date":"2026-03-02","on":"2026-03-02"}', 'it names no device'],
    ['a stamp past what a date holds', '{"id":"x","dev":"a","hlc":[9e15,0],"kind":"rest","date":"2026-03-02","on":"2026-03-02"}', 'its stamp is not [wall ms, counter]'],
    ['a bad date', '{"id":"x","dev":"a","hlc":[1,0],"kind":"rest","date":"2026-02-30","on":"2026-03-02"}', 'its date "2026-02-30" is not a YYYY-MM-DD date up to 9899-12-31'],
    ['a known kind without its fields', '{"id":"x","dev":"a","hlc":[1,0],"kind":"done","date":"2026-03-02","plan":"6-week"}', 'a done event needs a task'],
    ['a field of the wrong type', '{"id":"x","dev":"a","hlc":[1,0],"kind":"done","date":"2026-03-02","plan":"6-week","task":"t","day":0}', 'the day of a done event is 0'],
    ['deep nesting', `{"id":"x","dev":"a","hlc":[1,0],"kind":"note","deep":${'['.repeat(40)}${']'.repeat(40)}}`, 'it nests more than 16 levels deep, which prep never writes'],
  ])('refuses %s', (_name, line, reason) => {
    expect(decodeLines(bytes(`${line}\n`), 'a.jsonl').problems).toEqual([{ file: 'a.jsonl', line: 1, reason: `${reason}; skipped` }]);
  });

  it('leaves a last line without its newline for later, reported as partial, not as damage', () => {
    const cut = lines[1]!.slice(0, 30);
    const decoded = decodeLines(bytes(`${lines[0]}${cut}`), 'laptop.jsonl');
    expect(decoded.events).toEqual([good[0]]);
    expect(decoded.whole).toBe(Buffer.byteLength(lines[0]!));
    expect(decoded.problems).toEqual([{ file: 'laptop.jsonl', line: 2, reason: expect.stringContaining('no newline yet'), partial: true }]);
  });

  it('numbers lines from where a read began', () => {
    expect(decodeLines(bytes('{\n'), 'a.jsonl', 41).problems[0]).toMatchObject({ line: 41 });
  });

  it('reads lines ending in CRLF, and a line of invalid UTF-8 as text that is then checked', () => {
    const decoded = decodeLines(Buffer.concat([bytes(lines[0]!.replace('\n', '\r\n')), Buffer.from([0xff, 0xfe, 0x0a])]), 'a.jsonl');
    expect(decoded.events).toEqual([good[0]]);
    expect(decoded.problems).toEqual([{ file: 'a.jsonl', line: 2, reason: 'it is not valid JSON; skipped' }]);
  });

  it('keeps a kind from a newer prep whole, every field, so writing it back loses nothing', () => {
    const line = '{"id":"n1","dev":"phone","hlc":[1772438400000,0],"date":"2026-03-02","kind":"review","card":{"deck":"sql","grade":4},"tags":["a"]}';
    const decoded = decodeLines(bytes(`${line}\n`), 'phone.jsonl');
    expect(decoded.problems).toEqual([]);
    expect(encodeEvent(decoded.events[0]!)).toBe(`${line}\n`);
    // And a known kind with a field a newer prep added.
    const extra = `${lines[0]!.slice(0, -2)},"mood":"tired"}`;
    expect(encodeEvent(decodeLines(bytes(`${extra}\n`), 'a.jsonl').events[0]!)).toBe(`${extra}\n`);
  });

  it('cleans every string, keys too: no escape sequence or bidi override from a synced file survives', () => {
    const line = JSON.stringify({ ...good[0], id: 'x\u001b[2J', dev: 'laptop', kind: 'mood', ['k\u009b']: 'v\u202e\u0007', body: 'ok\tfine\n' });
    const [event] = decodeLines(bytes(`${line}\n`), 'a.jsonl').events;
    expect(event).toMatchObject({ id: 'x[2J', k: 'v', body: 'ok\tfine\n' });
    expect(JSON.stringify(event)).not.toMatch(/\\u00(1b|07|9b)|\u202e/);
  });

  it('checkEvent gives back the object itself, for a known kind and a future one', () => {
    const raw = JSON.parse(lines[0]!);
    expect(checkEvent(raw)).toBe(raw);
  });
});
