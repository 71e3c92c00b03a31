// Text clean-up shared by the parser, the importer, the state store and error messages: pure string functions.

// Windows-1252 bytes 0x80–0x9F; a UTF-8 file misread as cp1252 shows these characters.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function cp1252Byte(ch: string): number | undefined {
  const code = ch.charCodeAt(0);
  const high = CP1252_HIGH.indexOf(ch);
  if (high >= 0) return 0x80 + high;
  if (code >= 0xa0 && code <= 0xff) return code;
  return undefined;
}

// A lead byte (Â–ô) followed by continuation-byte characters: the shape of double-encoded UTF-8.
const MOJIBAKE_RUN = new RegExp(`[\u00C2-\u00F4][${CP1252_HIGH}\u00A0-\u00BF]{1,3}`, 'gu');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Repairs UTF-8 text that was decoded as Windows-1252 once (`â†’` → `→`, `ðŸš€` → `🚀`). */
export function repairMojibake(text: string): string {
  return text.replace(MOJIBAKE_RUN, (run) => {
    const bytes: number[] = [];
    for (const ch of run) {
      const byte = cp1252Byte(ch);
      if (byte === undefined) return run;
      bytes.push(byte);
    }
    try {
      return strictUtf8.decode(Uint8Array.from(bytes));
    } catch {
      return run; // not a valid UTF-8 sequence: genuine Latin-1 text such as "Ã©t" stays
    }
  });
}

/** CRLF/CR to LF and no byte-order mark, so line numbers mean the same everywhere. */
export function normalizeNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

// C0/C1 controls (ESC, and the 8-bit CSI U+009B, included) but tab and newline, and the bidi
// overrides and isolates that reorder what is shown (U+202A–U+202E, U+2066–U+2069).
const CONTROLS = '\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F';
const UNSAFE_CHARS = new RegExp(`[${CONTROLS}\\u202A-\\u202E\\u2066-\\u2069]`, 'g');
const CONTROL_CHAR = new RegExp(`[${CONTROLS}]`);

/**
 * The one cleaning of text prep did not write itself (files, file names, the state, arguments):
 * without control characters it cannot drive the terminal, without bidi overrides it shows what it
 * says. The rest of an escape sequence stays, visible and harmless. Tabs and newlines are kept.
 */
export function cleanText(text: string): string {
  return text.replace(UNSAFE_CHARS, '');
}

/** Whether `text` holds a control character other than tab and newline (bidi overrides aside). */
export function hasControlChars(text: string): boolean {
  return CONTROL_CHAR.test(text);
}

/** One display line: cleaned, runs of white space folded. */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

/** Multi-line text, cleaned (tabs and newlines kept). */
export function cleanBlock(text: string): string {
  return cleanText(text).trim();
}

/** `Read: "DDIA" — Ch. 1–3` → `read-ddia-ch-1-3`; at most `max` characters, cut at a dash. */
export function slugify(text: string, max = 48): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > max / 2 ? cut.slice(0, lastDash) : cut.slice(0, max)).replace(/-+$/, '');
}

/** Edit distance, for "did you mean" suggestions. */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The candidate closest to `input`, if it is close enough to be a plausible typo. */
export function nearest(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = levenshtein(input.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(input.length / 3)) ? best : undefined;
}

/** `**Deliverable**: …` under a day: shown with the day, not a task; the parser and the importer read it alike. */
export const DELIVERABLE_LABEL = /^(deliverables?|outcome|output)$/i;
