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

/** Edit distance (of UTF-16 units), for "did you mean" suggestions and matching reworded tasks. */
export function levenshtein(a: string, b: string): number {
  // What both begin and end with costs no edit: a fixed typo leaves a few characters to compare.
  let start = 0;
  while (start < a.length && start < b.length && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  if (start > 0 || endA < a.length || endB < b.length) return distance(a.slice(start, endA), b.slice(start, endB));
  return distance(a, b);
}

/** Edit distance by the textbook table, one row at a time. */
function distance(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return a.length + b.length;
  const width = b.length;
  // Two rows of typed integers, swapped: no array is grown or made per character.
  let previous = new Uint32Array(width + 1);
  let current = new Uint32Array(width + 1);
  for (let j = 0; j <= width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= width; j++) {
      const replace = previous[j - 1]! + (code === b.charCodeAt(j - 1) ? 0 : 1);
      const remove = previous[j]! + 1;
      const insert = current[j - 1]! + 1;
      current[j] = replace < remove ? (replace < insert ? replace : insert) : remove < insert ? remove : insert;
    }
    [previous, current] = [current, previous];
  }
  return previous[width]!;
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
