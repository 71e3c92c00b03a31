// A quick reader for the Markdown that study plans are written in: ATX headings, paragraphs,
// nested lists, fenced code, thematic breaks; text, code spans, `**strong**`, `[links](url)`.
// It builds the same mdast as remark for that subset in a few milliseconds (remark takes ~100 ms
// for a 20 KB plan on a cold start) and returns undefined for anything it cannot vouch for, so the
// caller falls back to remark. tests/unit/quick-markdown.test.ts holds it to remark's trees.
import type { Root } from 'mdast';
import { readBlocks } from './blocks.js';
import { LeftToRemark, unsure } from './unsure.js';

/** The tree, or undefined when the text leaves the subset (`onUnsure` hears why, for tests). */
export function quickTree(text: string, onUnsure?: (reason: string) => void): Root | undefined {
  try {
    // Tabs (column arithmetic) and NUL are left to remark.
    if (/[\t\0]/.test(text)) unsure('a tab or NUL');
    return readBlocks(text);
  } catch (caught) {
    if (!(caught instanceof LeftToRemark)) throw caught;
    onUnsure?.(caught.message);
    return undefined;
  }
}
