// The review screen (a card's front; after Space its back and the four grades with their next
// intervals, as Anki shows them), the end of a session, and the review lines of `today` and `stats`.
import type { Rating } from '../log/events.js';
import type { ReviewCard } from '../review/cards.js';
import type { NextReview, ReviewStats } from '../review/schedule.js';
import { humanDate } from './dates.js';
import { joinParts, wrapLines, wrapText } from './layout.js';
import { codeSpans, inlineLink } from './markdown.js';
import { plural, type RenderOptions } from './style.js';

export interface ReviewScreen {
  card: ReviewCard;
  /** 1-based place of the card in the session, and the session's length. */
  position: number;
  total: number;
  /** The back is shown, with the next interval of each grade. */
  revealed: boolean;
  next?: Record<Rating, NextReview>;
}

const GRADES: [key: string, rating: Rating, name: string][] = [
  ['1', 'again', 'Again'],
  ['2', 'hard', 'Hard'],
  ['3', 'good', 'Good'],
  ['4', 'easy', 'Easy'],
];

/** `1 Again 10m · 2 Hard 1d · 3 Good 3d · 4 Easy 8d`: each grade's key, name and next interval. */
export function gradeParts(next: Record<Rating, NextReview>, { style }: Pick<RenderOptions, 'style'>): string[] {
  return GRADES.map(([key, rating, name]) => `${style.bold(key)} ${name} ${style.dim(next[rating].label)}`);
}

export function renderReviewScreen(screen: ReviewScreen, options: RenderOptions): string {
  const { style, wrapAt } = options;
  const { card } = screen;
  const lines: string[] = [];
  const say = (text: string, paint: (line: string) => string = (line) => line, prefix = '') => lines.push(...wrapText(text, wrapAt, { prefix }).map((line) => paint(line)));
  say(`Review ${screen.position} of ${screen.total} · ${card.plan}`, style.dim);
  lines.push('');
  say(`${card.front.label}: ${codeSpans(card.front.title, style)}`, style.bold);
  if (card.front.group) say(card.front.group, style.dim);
  lines.push('');
  if (!screen.revealed) {
    say('Space shows the back · q stops', style.dim);
    return `${lines.join('\n')}\n`;
  }

  for (const task of card.back.tasks) {
    say(codeSpans(task.text, style), undefined, '  - ');
    const linkTexts = new Set(task.links.map((link) => link.text));
    for (const detail of task.details) if (!linkTexts.has(detail)) say(codeSpans(detail, style), style.dim, '      - ');
    for (const link of task.links) say(inlineLink(link.text, link.url, options), style.dim, '      ');
  }
  if (card.kind === 'item') say(`Item ${card.n} of the final checklist of ${card.plan}: how would you show it?`, style.dim);
  if (card.back.deliverable) {
    lines.push('');
    say(codeSpans(card.back.deliverable, style), undefined, `${style.bold('Deliverable:')} `);
  }
  if (card.back.notes.length > 0) {
    lines.push('', style.bold('Your notes'));
    for (const note of card.back.notes) {
      // A note keeps its own line breaks; each of its lines wraps under the first.
      const [first = '', ...rest] = note.text.split('\n');
      say(first, undefined, '  - ');
      for (const line of rest) lines.push(...wrapLines(`    ${line}`, wrapAt));
    }
  }
  lines.push('');
  const grades = screen.next ? gradeParts(screen.next, options) : GRADES.map(([key, , name]) => `${style.bold(key)} ${name}`);
  lines.push(...joinParts([...grades, style.dim('q stops')], style.dim(' · '), wrapAt));
  return `${lines.join('\n')}\n`;
}

export interface ReviewEnd {
  /** Cards graded in the session. */
  graded: number;
  /** `q` ended it with cards left, and how many. */
  stopped: boolean;
  left: number;
  /** Due cards left for another day by the daily limit. */
  held: number;
  /** The next date a card comes due. */
  next?: string;
}

/** What the end of a session says: what was done, what is left, when the next review is. */
export function renderReviewEnd(end: ReviewEnd, { style, wrapAt }: RenderOptions): string {
  const lines: string[] = [];
  const done = end.graded === 0 ? 'Nothing graded' : `${plural(end.graded, 'card')} reviewed`;
  if (end.stopped) lines.push(`${done}; stopped with ${end.left} still due today. \`prep review\` goes on where you stopped.`);
  else if (end.graded === 0 && end.held === 0) lines.push('No reviews due today.');
  else lines.push(`${done}: that is all for today.`);
  if (end.held > 0) lines.push(style.dim(`${plural(end.held, 'more card')} due, kept for the coming days by the daily limit.`));
  if (end.next && !end.stopped) lines.push(style.dim(`Next review: ${humanDate(end.next)}.`));
  return `${lines.flatMap((line) => wrapLines(line, wrapAt)).join('\n')}\n`;
}

/** `3 reviews due · \`prep review\``: today's line, or nothing with none due. */
export function reviewsDueLine(due: number): string | undefined {
  return due === 0 ? undefined : `${plural(due, 'review')} due · \`prep review\``;
}

/** `prep stats`' review lines: reviews done, cards by state, retention over the last 30 days. */
export function renderReviewStats(stats: ReviewStats, { style, wrapAt }: RenderOptions): string[] {
  const { cards } = stats;
  const total = cards.new + cards.learning + cards.review + cards.relearning;
  // Laid out as the other lines of `prep stats`: a bold label, the parts under one another after it.
  const prefix = `${style.bold('Reviews')}   `;
  if (total === 0 && stats.reviews === 0) return wrapText(style.dim('none yet. A day becomes a review card once all its tasks are done.'), wrapAt, { prefix });
  const retention = stats.retention.rate === null ? 'no reviews in the last 30 days' : `retention ${Math.round(stats.retention.rate * 100)}% over the last 30 days (${plural(stats.retention.reviews, 'review')})`;
  // Two lines, each within 80 columns even where nothing wraps (a pipe).
  return [
    ...joinParts([`${stats.reviews} done (${stats.today} today)`, retention], style.dim(' · '), wrapAt, { prefix }),
    ...joinParts([`${cards.new} new`, `${cards.learning} learning`, `${cards.review} review`, `${cards.relearning} relearning`], style.dim(', '), wrapAt, { prefix: `${style.bold('Cards')}     ` }),
  ];
}
