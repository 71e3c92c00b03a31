// What `prep today` adds from notes and spaced review: the day's own notes (their count when
// many), and the line saying how many reviews are due.
import type { TodayData } from '../commands/today.js';
import { wrapText } from './layout.js';
import { reviewsDueLine } from './review.js';
import { plural, type RenderOptions } from './style.js';

/** More notes than this and the page shows their count instead. */
export const NOTES_SHOWN = 3;

export function dayNotesLines(notes: TodayData['dayNotes'], { style, wrapAt }: RenderOptions): string[] {
  if (notes.length === 0) return [];
  if (notes.length > NOTES_SHOWN) return ['', ...wrapText(`${plural(notes.length, 'note')} on this day · \`prep notes\``, wrapAt).map((line) => style.dim(line))];
  const lines = ['', style.bold('Your notes')];
  for (const note of notes) {
    // A note keeps its line breaks; each of its lines wraps under the first.
    const [first = '', ...rest] = note.text.split('\n');
    lines.push(...wrapText(`${note.task === null ? '' : style.dim(`task ${note.task}: `)}${first}`, wrapAt, { prefix: '  - ', indent: '    ' }));
    for (const line of rest) lines.push(...wrapText(line, wrapAt, { prefix: '    ' }));
  }
  return lines;
}

export function reviewsLines(reviews: TodayData['reviews'], { style, wrapAt }: RenderOptions): string[] {
  const line = reviewsDueLine(reviews.due);
  return line === undefined ? [] : ['', ...wrapText(line, wrapAt).map((text) => style.yellow(text))];
}
