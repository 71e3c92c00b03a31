// The escape sequences prep writes itself (chalk's colours at level 1, OSC 8 links): found,
// stripped, and carried across the lines of a wrapped text, so that each line stands on its own.

export const OWN_ESCAPES = /\u001b\[[0-9;]*m|\u001b\]8;[^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

// The code that ends each attribute chalk sets; bold and dim share one.
const CLOSES = new Map([[1, 22], [2, 22], [3, 23], [4, 24], [7, 27], [8, 28], [9, 29], [53, 55]]);
const FOREGROUND = 39;
const BACKGROUND = 49;

function closeOf(code: number): number | undefined {
  if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) return FOREGROUND;
  if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) return BACKGROUND;
  return CLOSES.get(code);
}

/** Each row closes the styles and the link still open at its end, and the next row opens them again. */
export function carryStyles(rows: readonly string[]): string[] {
  let open: { code: number; close: number }[] = [];
  let link: string | undefined;
  return rows.map((row) => {
    if (row === '') return row;
    const reopen = `${open.map((style) => `\u001b[${style.code}m`).join('')}${link ?? ''}`;
    for (const [sequence] of row.matchAll(OWN_ESCAPES)) {
      if (sequence.startsWith('\u001b]')) {
        link = /^\u001b\]8;[^;]*;[^\u0007\u001b]/.test(sequence) ? sequence : undefined;
        continue;
      }
      for (const parameter of sequence.slice(2, -1).split(';')) {
        const code = Number(parameter || 0);
        const close = closeOf(code);
        if (code === 0) open = [];
        else if (close === undefined) open = open.filter((style) => style.close !== code);
        // A colour replaces the colour before it; attributes add up (bold and dim both hold).
        else open = [...open.filter((style) => style.code !== code && !(style.close === close && (close === FOREGROUND || close === BACKGROUND))), { code, close }];
      }
    }
    const closing = `${link ? '\u001b]8;;\u001b\\' : ''}${[...open].reverse().map((style) => `\u001b[${style.close}m`).join('')}`;
    return reopen + row + closing;
  });
}
