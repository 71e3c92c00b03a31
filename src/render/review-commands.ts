// What the `prep review` commands print besides the review screen (src/render/review.ts).
import type { ReviewAddData, DeckExportData, GradeData } from '../commands/review-cards.js';
import type { ReviewData } from '../commands/review.js';
import { humanDate } from './dates.js';
import { message } from './layout.js';
import { renderReviewEnd } from './review.js';
import { plural, type RenderOptions } from './style.js';

export function renderReview(data: ReviewData, options: RenderOptions): string {
  const { style, wrapAt } = options;
  if (Array.isArray(data)) return `${JSON.stringify(data)}\n`; // only with --json, which prints the data itself
  if (data.kind === 'end') return renderReviewEnd(data, options);
  if (data.due === 0) return message(['No reviews due today.', ...(data.next ? [style.dim(`Next review: ${humanDate(data.next)}.`)] : [])], wrapAt);
  return message(
    [
      `${plural(data.due, 'review')} due today.`,
      ...(data.held > 0 ? [style.dim(`${plural(data.held, 'more card')} due, kept for the coming days by the daily limit.`)] : []),
      style.dim('`prep review` on a terminal shows them one at a time; `prep review --json` lists them, and `prep review grade ID good` grades one.'),
    ],
    wrapAt,
  );
}

export function renderGrade(data: GradeData, { style, wrapAt }: RenderOptions): string {
  const when = data.days <= 0 ? 'again today' : `${humanDate(data.due)} (in ${plural(data.days, 'day')})`;
  const lines = [`Graded ${data.card} (${data.front}) ${style.bold(data.rating)}: next review ${when}.`];
  if (!data.wasDue) lines.push(style.dim('It was not due yet: graded ahead of its date.'));
  lines.push(style.dim(data.left === 0 ? 'No more reviews due today.' : `${plural(data.left, 'review')} still due today.`));
  return message(lines, wrapAt);
}

export function renderReviewAdd(data: ReviewAddData, { style, wrapAt }: RenderOptions): string {
  const head = data.result === 'added' ? `Added the review card ${data.card} (${data.front}): it is due today.` : `${data.card} (${data.front}) is a review card already.`;
  return message([head, style.dim('`prep review` shows the cards due.')], wrapAt);
}

/** stdout: the deck itself, or nothing when it went to a file (the note on stderr says so). */
export function renderDeckExport(data: DeckExportData): string {
  return data.document ?? '';
}
