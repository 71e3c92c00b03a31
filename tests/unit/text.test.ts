import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanLine, cleanText, levenshtein, nearest, normalizeNewlines, repairMojibake, slugify } from '../../src/curriculum/text.js';

describe('repairMojibake', () => {
  it.each([
    ['Clarify â†’ Design', 'Clarify → Design'],
    ['âœ… Can explain CAP', '✅ Can explain CAP'],
    ['You got this! ðŸš€', 'You got this! 🚀'],
    ['Companyâ€™s stack', 'Company’s stack'],
    ['Days 1â€“7', 'Days 1–7'],
    ['cafÃ©', 'café'],
    // Text that is already right, or Latin-1 that is not a UTF-8 sequence, stays as it is.
    ['Clarify → Design, café, naïve', 'Clarify → Design, café, naïve'],
    ['Ã and â alone', 'Ã and â alone'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(repairMojibake(input)).toBe(expected);
  });
});

describe('slugify', () => {
  it.each([
    ['Read: `02_system_design_FAANG.md` - Framework section', 'read-02-system-design-faang-md-framework-section'],
    ['Déjà vu — Ch. 1–3', 'deja-vu-ch-1-3'],
    ['🚀', ''],
    ['Practice: Design a system to handle 1M concurrent users with caching', 'practice-design-a-system-to-handle-1m-concurrent'],
  ])('%j → %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
    expect(slugify(input).length).toBeLessThanOrEqual(48);
  });
});

describe('cleanLine', () => {
  it.each([
    ['  two   spaces\tand tab ', 'two spaces and tab'],
    ['red \u001b[31mtext\u001b[0m', 'red [31mtext[0m'],
    ['bell\u0007 and C1\u009b', 'bell and C1'],
    ['line\nbreak', 'line break'],
  ])('%j → %j', (input, expected) => {
    expect(cleanLine(input)).toBe(expected);
  });
});

describe('cleanText', () => {
  it.each([
    ['an OSC 52 clipboard write', '\u001b]52;c;cHduZWQ=\u0007Title', ']52;c;cHduZWQ=Title'],
    ['clear screen', 'a\u001b[2Jb', 'a[2Jb'],
    ['an 8-bit CSI and other C1 controls', 'a\u009b2J\u009d0;x\u009cb', 'a2J0;xb'],
    ['bidi overrides and isolates', '\u202Aa\u202Bb\u202Cc\u202Dd\u202Ee\u2066f\u2067g\u2068h\u2069', 'abcdefgh'],
    ['DEL and NUL', 'a\u007fb\u0000c', 'abc'],
    ['tabs and newlines, kept', 'a\tb\nc', 'a\tb\nc'],
    ['right-to-left text without overrides, kept', 'שלום and عربي, é, 🚀', 'שלום and عربي, é, 🚀'],
  ])('%s', (_name, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('is what cleanLine builds on: bidi overrides are dropped there too', () => {
    expect(cleanLine('Read \u202Etxt.exe\u202C now')).toBe('Read txt.exe now');
  });
});

describe('normalizeNewlines', () => {
  it('removes a BOM and turns CRLF and CR into LF', () => {
    expect(normalizeNewlines('\uFEFFa\r\nb\rc\n')).toBe('a\nb\nc\n');
  });
});

describe('nearest', () => {
  const ids = ['6-week', '90-day', '28-day-data', '4-week-system-design', '37-day-backend'];
  it.each([
    ['90-dya', '90-day'],
    ['6-weeks', '6-week'],
    ['37-day-backnd', '37-day-backend'],
    ['kubernetes', undefined],
  ])('%j → %j', (input, expected) => {
    expect(nearest(input, ids)).toBe(expected);
  });

  it('measures edit distance', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('same', 'same')).toBe(0);
  });

  it('measures the textbook edit distance, common beginnings and endings or not (property)', () => {
    const textbook = (a: string, b: string): number => {
      const table = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) table[i]![j] = Math.min(table[i - 1]![j]! + 1, table[i]![j - 1]! + 1, table[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      return table[a.length]![b.length]!;
    };
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é'), maxLength: 12 });
    fc.assert(fc.property(text, text, text, text, (prefix, a, b, suffix) => {
      expect(levenshtein(prefix + a + suffix, prefix + b + suffix)).toBe(textbook(prefix + a + suffix, prefix + b + suffix));
    }), { numRuns: 1000 });
  });
});
