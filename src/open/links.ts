// A task's links: those written as Markdown links, then bare addresses in its words and details.
import { cleanLine, cleanText } from '../curriculum/text.js';
import type { Link } from '../curriculum/types.js';
import type { ScheduledTask } from '../schedule/plan-days.js';

// A bare address (the parser collects Markdown links and <autolinks> only).
const BARE_URL = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?*_~]+$/;

/** `https://x.org/a).` in prose ends before `).`; a `)` closing a `(` inside the address stays. */
function trimProse(url: string): string {
  let out = url.replace(TRAILING, '');
  const count = (ch: string) => out.split(ch).length - 1;
  while (out.endsWith(')') && count('(') < count(')')) out = out.slice(0, -1).replace(TRAILING, '');
  return out;
}

/** Every link of the task, in the order written, each address once; texts and addresses cleaned. */
export function taskLinks(task: Pick<ScheduledTask, 'text' | 'details' | 'links'>): Link[] {
  const links = new Map<string, Link>();
  for (const link of task.links) {
    const url = cleanText(link.url).trim();
    if (url !== '' && !links.has(url)) links.set(url, { text: cleanLine(link.text) || url, url });
  }
  for (const text of [task.text, ...task.details]) {
    for (const [match] of cleanText(text).matchAll(BARE_URL)) {
      const url = trimProse(match);
      if (!links.has(url)) links.set(url, { text: url, url });
    }
  }
  return [...links.values()];
}
