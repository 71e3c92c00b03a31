// The layout of text for the terminal: widths as a terminal shows them, wrapping at word
// boundaries under a hanging indent, status-line parts kept whole, URLs never split.
import { Chalk } from 'chalk';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { carryStyles } from '../../src/render/ansi.js';
import { displayWidth, hyperlink, joinParts, padEnd, safeUrl, truncate, wrapLines, wrapText } from '../../src/render/layout.js';

const colour = new Chalk({ level: 1 });
const ESCAPES = /\u001b\[[0-9;]*m|\u001b\]8;[^\u0007\u001b]*(?:\u0007|\u001b\\)/g;
const plain = (text: string) => text.replace(ESCAPES, '');
const LONG_URL = 'https://docs.databricks.com/en/administration-guide/account-settings/usage-analysis.html';

describe('displayWidth', () => {
  it.each([
    ['plain ASCII', 'plan 48/228', 11],
    ['prep\'s own marks and punctuation', '✔ ○ · … – — → ░▒▓█', 18],
    ['wide CJK characters', '日本語', 6],
    ['Hangul', '한국어', 6],
    ['an emoji', '🚀', 2],
    ['an emoji joined with ZWJ', '👩‍💻', 2],
    ['an emoji with a skin tone', '👍🏽', 2],
    ['a check mark made an emoji by VS16', '✔️', 2],
    ['a combining accent', 'e\u0301', 1],
    ['a soft hyphen', 'co\u00adop', 4],
    ['colour codes', colour.bold.green('done'), 4],
    ['an OSC 8 hyperlink', hyperlink('the docs', 'https://example.com/a'), 8],
    ['an OSC 8 hyperlink around wide characters', hyperlink('日本語', 'https://example.com/j'), 6],
    ['an OSC 8 hyperlink ended by BEL', '\u001b]8;;https://x.y\u0007go\u001b]8;;\u0007', 2],
  ])('%s', (_, text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('agrees with string-width on any text, the fast path for plain text included', () => {
    const narrow = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0x2ff }), fc.integer({ min: 0x2010, max: 0x205f }), fc.integer({ min: 0x2190, max: 0x26ff }));
    const other = fc.constantFrom(0x301, 0x200d, 0xfe0f, 0x1f680, 0x1f3fd, 0x65e5, 0xac00, 0x1100, 0x1161, 0x0e33, 0xff9e);
    const text = fc.array(fc.oneof({ weight: 5, arbitrary: narrow }, { weight: 1, arbitrary: other }), { maxLength: 30 }).map((codes) => String.fromCodePoint(...codes));
    fc.assert(
      fc.property(text, (t) => {
        expect(displayWidth(t)).toBe(stringWidth(t));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('truncate and padEnd', () => {
  it.each([
    ['short text as it is', 'Case Studies', 20, 'Case Studies'],
    ['ASCII cut with an ellipsis', 'Messaging Systems (Kafka, RabbitMQ)', 20, 'Messaging Systems (…'],
    ['wide characters cut by columns', '日本語のテキスト', 7, '日本語…'],
    ['an emoji is not cut in half', 'ab🚀cd', 3, 'ab…'],
  ])('%s', (_, text, width, expected) => {
    expect(truncate(text, width)).toBe(expected);
    expect(displayWidth(truncate(text, width))).toBeLessThanOrEqual(width);
  });

  it('pads to columns, not UTF-16 units', () => {
    expect(padEnd('日本', 6)).toBe('日本  ');
    expect(padEnd(colour.bold('ab'), 4)).toBe(`${colour.bold('ab')}  `);
  });
});

describe('wrapText', () => {
  it.each([
    ['text that fits stays one line', 'Read the chapter.', 40, {}, ['Read the chapter.']],
    ['no width (a pipe): one line, however long', 'word '.repeat(40).trim(), undefined, {}, ['word '.repeat(40).trim()]],
    ['breaks at word boundaries', 'one two three four five six', 10, {}, ['one two', 'three four', 'five six']],
    ['continues under the text, not the prefix', 'Practice the system design interview format', 24, { prefix: '  1. ○ ' }, ['  1. ○ Practice the', '       system design', '       interview format']],
    ['a first line with less room than the rest', 'aaa bbb ccc ddd eee fff ggg', 24, { prefix: 'Deliverable: ', indent: '  ' }, ['Deliverable: aaa bbb ccc', '  ddd eee fff ggg']],
    ['splits only a word longer than the line', 'see abcdefghijklmnopqrstuvwxyz now', 10, {}, ['see', 'abcdefghij', 'klmnopqrst', 'uvwxyz now']],
    ['never splits a URL: one too long stands alone', `Docs: ${LONG_URL} then more`, 40, {}, ['Docs:', LONG_URL, 'then more']],
    ['a URL that fits moves whole to the next line', 'read this https://example.com/a/b', 24, {}, ['read this', 'https://example.com/a/b']],
    ['wide characters by their columns', '日本語 テキスト です', 10, {}, ['日本語', 'テキスト', 'です']],
    ['a long run of wide characters split between characters', '日本語のテキスト', 7, {}, ['日本語', 'のテキ', 'スト']],
    ['emoji by their columns', '🚀🚀🚀 go 🚀🚀', 8, {}, ['🚀🚀🚀', 'go 🚀🚀']],
    ['an over-long run of emoji split between graphemes', '👩‍💻👩‍💻👩‍💻👩‍💻 ok', 5, {}, ['👩‍💻👩‍💻', '👩‍💻👩‍💻', 'ok']],
    ['a prefix narrower than the indent leaves the first line more room', 'aaa bbb ccc ddd eee fff ggg hhh', 30, { prefix: '', indent: '    ' }, ['aaa bbb ccc ddd eee fff ggg', '    hhh']],
  ] as const)('%s', (_, text, width, hanging, expected) => {
    expect(wrapText(text, width, hanging)).toEqual(expected);
  });

  it('wraps coloured text as its plain text, colour closed and reopened on every line', () => {
    const text = `${colour.bold('Partitioning')} and ${colour.dim('bucketing schemes for large-scale data')} systems`;
    const rows = wrapText(text, 20);
    expect(rows.map(plain)).toEqual(wrapText('Partitioning and bucketing schemes for large-scale data systems', 20));
    for (const row of rows.filter((r) => plain(r).includes('schemes'))) expect(row).toMatch(/^\u001b\[2m.*\u001b\[22m$/);
  });

  it('keeps a hyperlink clickable on each line it spans, and its width zero', () => {
    const rows = wrapText(hyperlink('Data Engineering System Design (Blog, 10 min)', 'https://example.com/de'), 20, { prefix: '    ' });
    expect(rows.map(plain)).toEqual(['    Data Engineering', '    System Design', '    (Blog, 10 min)']);
    for (const row of rows) {
      expect(row).toMatch(/\u001b\]8;;https:\/\/example\.com\/de(\u0007|\u001b\\)/); // opened on the line
      expect(row).toMatch(/\u001b\]8;;(\u0007|\u001b\\)$/); // and closed before its end
    }
  });

  it('on any text: lines fit, words come back in order, and only over-long words that are not URLs are split', () => {
    const word = fc.oneof(
      { weight: 6, arbitrary: fc.stringMatching(/^[a-z]{1,8}$/) },
      { weight: 1, arbitrary: fc.stringMatching(/^[a-z]{20,70}$/) },
      { weight: 1, arbitrary: fc.stringMatching(/^https:\/\/[a-z]{5,60}\.com\/[a-z/]{0,30}$/) },
      { weight: 1, arbitrary: fc.constantFrom('日本語', '🚀', '·', '—', '✔', `${colour.bold('bold')}`) },
    );
    const isUrl = (w: string) => w.startsWith('https://');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), fc.integer({ min: 24, max: 80 }), fc.constantFrom('', '  1. ○ ', '    '), (words, width, prefix) => {
        const rows = wrapText(words.join(' '), width, { prefix });
        for (const [index, row] of rows.entries()) {
          expect(row.startsWith(prefix) || (index > 0 && row.startsWith(' '.repeat(prefix.length)))).toBe(true);
          const body = row.slice(prefix.length);
          if (!(isUrl(body) && !body.includes(' '))) expect(displayWidth(row)).toBeLessThanOrEqual(width);
        }
        // Every word is one token, but a word too long for a line: pieces of it, each fitting, in order.
        const room = width - prefix.length;
        const tokens = rows.flatMap((row) => plain(row.slice(prefix.length)).split(' ').filter(Boolean));
        let next = 0;
        for (const w of words.map(plain)) {
          if (displayWidth(w) <= room || isUrl(w)) {
            expect(tokens[next++]).toBe(w);
            continue;
          }
          let joined = '';
          while (joined.length < w.length) {
            const piece = tokens[next++] ?? '';
            expect(displayWidth(piece)).toBeLessThanOrEqual(room);
            joined += piece;
          }
          expect(joined).toBe(w);
        }
        expect(next).toBe(tokens.length);
      }),
      { numRuns: 500 },
    );
  });

  it('gives up the indent when it would leave too little room for the text', () => {
    expect(wrapText('one two three four five six seven', 20, { prefix: '          ' })).toEqual(['          one two', 'three four five six', 'seven']);
  });
});

describe('wrapLines', () => {
  it('wraps each line on its own, under its leading spaces, tabs to the next stop of 8', () => {
    expect(wrapLines('first line of words\n    an indented line of words\ncode\there', 20)).toEqual(['first line of words', '    an indented line', '    of words', 'code    here']);
    expect(wrapLines('a\tb', undefined)).toEqual(['a\tb']);
  });
});

describe('carryStyles', () => {
  const ESC = '\u001b';
  it.each([
    ['nothing open: rows as they are', ['a', 'b'], ['a', 'b']],
    ['a style open across a break: closed, then opened again', [`${ESC}[2ma`, `b${ESC}[22m`], [`${ESC}[2ma${ESC}[22m`, `${ESC}[2mb${ESC}[22m`]],
    ['bold and dim both, closed by one code', [`${ESC}[1m${ESC}[2ma`, `b${ESC}[22m c`], [`${ESC}[1m${ESC}[2ma${ESC}[22m${ESC}[22m`, `${ESC}[1m${ESC}[2mb${ESC}[22m c`]],
    ['a colour replaces the colour before it', [`${ESC}[32mx${ESC}[33my`, `z${ESC}[39m`], [`${ESC}[32mx${ESC}[33my${ESC}[39m`, `${ESC}[33mz${ESC}[39m`]],
    ['a reset ends everything', [`${ESC}[1ma${ESC}[0m`, 'b'], [`${ESC}[1ma${ESC}[0m`, 'b']],
    ['a link open across a break', [`${ESC}]8;;https://x.y${ESC}\\a`, `b${ESC}]8;;${ESC}\\`], [`${ESC}]8;;https://x.y${ESC}\\a${ESC}]8;;${ESC}\\`, `${ESC}]8;;https://x.y${ESC}\\b${ESC}]8;;${ESC}\\`]],
  ])('%s', (_, rows, expected) => {
    expect(carryStyles(rows)).toEqual(expected);
  });
});

describe('joinParts', () => {
  const parts = ['streak 12 days (longest 30) at risk: study today to keep it', 'today 2/8', 'plan 48/228', 'checklist 0/10'];

  it.each([
    [120, ['streak 12 days (longest 30) at risk: study today to keep it · today 2/8 · plan 48/228 · checklist 0/10']],
    [80, ['streak 12 days (longest 30) at risk: study today to keep it · today 2/8', 'plan 48/228 · checklist 0/10']],
    [60, ['streak 12 days (longest 30) at risk: study today to keep it', 'today 2/8 · plan 48/228 · checklist 0/10']],
    [40, ['streak 12 days (longest 30) at risk:', 'study today to keep it · today 2/8', 'plan 48/228 · checklist 0/10']],
  ])('breaks between parts at %i columns; a part wider than the line wraps on its own', (width, expected) => {
    expect(joinParts(parts, ' · ', width)).toEqual(expected);
  });

  it('is one line without a width, and takes a hanging prefix', () => {
    expect(joinParts(parts.slice(1), ' · ', undefined)).toEqual(['today 2/8 · plan 48/228 · checklist 0/10']);
    expect(joinParts(['1 day (longest 2)', '5 days studied'], ' · ', 30, { prefix: 'Streak    ' })).toEqual(['Streak    1 day (longest 2)', '          5 days studied']);
  });
});

describe('hyperlinks', () => {
  it('are OSC 8 sequences around the text', () => {
    expect(hyperlink('docs', 'https://example.com/a?b=1')).toBe('\u001b]8;;https://example.com/a?b=1\u001b\\docs\u001b]8;;\u001b\\');
  });

  it.each([
    ['an escape that would end the link and start another sequence', 'https://x.y/\u001b]8;;https://evil\u0007', 'https://x.y/]8;;https://evil'],
    ['8-bit controls and bidi overrides', 'https://x.y/\u009b2J\u202e', 'https://x.y/2J'],
    ['spaces and non-ASCII, percent-encoded', 'https://x.y/a b/café', 'https://x.y/a%20b/caf%C3%A9'],
    ['a lone surrogate', 'https://x.y/\ud800', 'https://x.y/%EF%BF%BD'],
  ])('carry a URL cleaned of %s', (_, url, expected) => {
    expect(safeUrl(url)).toBe(expected);
    expect(hyperlink('t', url)).toBe(`\u001b]8;;${expected}\u001b\\t\u001b]8;;\u001b\\`);
  });
});
