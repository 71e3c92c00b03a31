import type { OpenData } from '../commands/open.js';
import type { RenderOptions } from './style.js';

/** The task's links, numbered, when the first of several was taken without --link. */
function otherLinks(data: OpenData, { style }: RenderOptions): string[] {
  if (data.linkGiven || data.links.length < 2) return [];
  const width = String(data.links.length).length;
  return [
    ...data.links.map((link) => `  ${String(link.n).padStart(width)}. ${link.text === link.url ? link.url : `${link.text}: ${link.url}`}`),
    style.dim(`Add --link 2 for the second${data.links.length > 2 ? `, up to --link ${data.links.length}` : ''}.`),
  ];
}

/** stdout: what was opened; or, when printed, the address alone, so that `prep open 3 --print | xargs …` works. */
export function renderOpen(data: OpenData, options: RenderOptions): string {
  if (data.action === 'printed') return `${data.url}\n`;
  const which = data.links.length > 1 ? `link ${data.link} of ${data.links.length} of task ${data.task.n}` : `the link of task ${data.task.n}`;
  return `${[`Opened ${which} with ${data.browser}: ${data.url}`, ...otherLinks(data, options)].join('\n')}\n`;
}

/** stderr, beside a printed address: why it was printed, and the other links. */
export function renderOpenReport(data: OpenData, options: RenderOptions): string {
  if (data.action !== 'printed') return '';
  const lines = data.noDisplay ? [options.style.dim('No display to open a browser on, so here is the address (set $BROWSER to name a browser).')] : [];
  lines.push(...otherLinks(data, options));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
