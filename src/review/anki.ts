// Cards in Anki's plain-text import format (Anki's manual: Importing, Text Files): file headers,
// then one note a line, tab-separated: front, back, tags (the plan, and the plan's group), and a
// GUID so that importing a newer export updates the notes instead of adding them twice. Pure.
import { cardText, type ReviewCard } from './cards.js';

export interface AnkiOptions {
  /** Fields as HTML (lists, links, line breaks), or as plain text Anki escapes itself. */
  html: boolean;
}

const COLUMNS = { front: 1, back: 2, tags: 3, guid: 4 } as const;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Text in an HTML field: escaped, its line breaks as <br>, its tabs (the separator) as a character reference. */
const htmlText = (text: string) => escapeHtml(text).replace(/\n/g, '<br>').replace(/\t/g, '&#9;');
// Only a web or mail link is made clickable: a curriculum's `javascript:` link stays text.
const SAFE_URL = /^(https?:|mailto:)/i;
const htmlLink = (text: string, url: string) => (SAFE_URL.test(url) ? `<a href="${escapeHtml(url)}">${htmlText(text)}</a>` : htmlText(text === url ? url : `${text}: ${url}`));

function htmlFront(card: ReviewCard): string {
  const group = card.front.group ? `<br><small>${htmlText(card.front.group)}</small>` : '';
  return `${htmlText(`${card.front.label}: ${card.front.title}`)}${group}`;
}

function htmlBack(card: ReviewCard): string {
  const parts: string[] = [];
  if (card.back.tasks.length > 0) {
    const items = card.back.tasks.map((task) => {
      const linkTexts = new Set(task.links.map((link) => link.text));
      const inner = [...task.details.filter((detail) => !linkTexts.has(detail)).map(htmlText), ...task.links.map((link) => htmlLink(link.text, link.url))];
      return `<li>${htmlText(task.text)}${inner.length > 0 ? `<ul>${inner.map((line) => `<li>${line}</li>`).join('')}</ul>` : ''}</li>`;
    });
    parts.push(`<ul>${items.join('')}</ul>`);
  }
  if (card.back.deliverable) parts.push(`<p><b>Deliverable:</b> ${htmlText(card.back.deliverable)}</p>`);
  if (card.back.notes.length > 0) parts.push(`<p><b>Notes</b></p><ul>${card.back.notes.map((note) => `<li>${htmlText(note.text)}</li>`).join('')}</ul>`);
  if (card.kind === 'item') parts.push(`<p>${htmlText(cardText(card).back)}</p>`);
  return parts.join('');
}

/** A plain field: in double quotes (doubled inside) when it holds the separator, a newline or a quote, or could read as a header. */
function plainField(text: string): string {
  return /[\t\n"]|^#/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A tag: no white space (Anki splits tags at it) and no quotes. */
const tag = (text: string) => text.trim().replace(/\s+/g, '_').replace(/"/g, '');

/** Tags of a card: its plan, and its plan's group below it (`6-week::Week_1:_Foundations`). */
export function ankiTags(card: ReviewCard): string[] {
  const plan = tag(card.plan);
  const group = card.kind === 'item' ? 'Checklist' : card.front.group;
  return group ? [plan, `${plan}::${tag(group)}`] : [plan];
}

/** The GUID of a card's note: the same card always updates the same note. */
export const ankiGuid = (card: ReviewCard) => `prep:${card.id}`.replace(/[\s"]/g, '_');

/** The whole file: headers, then one note a line, each line ending in a newline. */
export function ankiDeck(cards: readonly ReviewCard[], { html }: AnkiOptions = { html: true }): string {
  const lines = ['#separator:tab', `#html:${html}`, `#tags column:${COLUMNS.tags}`, `#guid column:${COLUMNS.guid}`];
  for (const card of cards) {
    const { front, back } = html ? { front: htmlFront(card), back: htmlBack(card) } : cardText(card);
    const field = html ? (text: string) => text.replace(/^#/, '&#35;') : plainField;
    lines.push([field(front), field(back), ankiTags(card).join(' '), ankiGuid(card)].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}
