// The small rewrites of source text the importer's stages share: labels as shown, headings kept as
// bold lines, text made literal for Markdown.
import { cleanLine } from '../curriculum/text.js';

/** A heading or label as shown: emphasis markers and a trailing colon removed, emoji kept. */
export function displayText(text: string): string {
  return cleanLine(text.replace(/\*\*|__/g, '')).replace(/\s*:$/, '');
}

/** A heading kept as a bold line, so that it schedules nothing. */
export function boldLine(text: string): string {
  return `**${cleanLine(text.replace(/\*\*|__/g, ''))}**`;
}

/** Plain text made literal for Markdown. */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>&]/g, '\\$&');
}
