// Which programs open a link, with which arguments: $BROWSER if set, else the platform's opener.
// Pure: the context (src/context.ts) reads the environment and starts the programs.
import { cleanText } from '../curriculum/text.js';

/** A program and its arguments, run without a shell: nothing in them is ever evaluated. */
export interface Launch {
  command: string;
  args: string[];
}

/** What choosing an opener depends on, as the context reads it. */
export interface DesktopFacts {
  platform: NodeJS.Platform;
  /** Linux under Windows (WSL): the Windows browser is the one to open. */
  wsl: boolean;
  /** An X11 or Wayland display is there (DISPLAY or WAYLAND_DISPLAY); macOS and Windows have their own. */
  display: boolean;
}

/**
 * `raw` as an http(s) address, cleaned and normalised (`new URL`): nothing else is opened or printed,
 * neither `javascript:` nor a relative path nor a word an opener would take for an option (`-o…`).
 */
export function webAddress(raw: string): string | undefined {
  const cleaned = cleanText(raw).trim();
  if (!/^https?:/i.test(cleaned)) return undefined;
  try {
    const url = new URL(cleaned);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An entry of $BROWSER as words, split as a shell splits them but with nothing expanded: quotes and
 * backslashes only. On Windows a backslash separates directories, so there only quotes group.
 */
export function splitWords(entry: string, backslashEscapes = true): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < entry.length; i++) {
    const ch = entry[i]!;
    const next = entry[i + 1];
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else word += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (backslashEscapes && ch === '\\' && (next === '"' || next === '\\')) word += entry[++i];
      else word += ch;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      inWord = true;
      if (ch === "'" || ch === '"') quote = ch;
      else if (backslashEscapes && ch === '\\' && next !== undefined) word += entry[++i];
      else word += ch;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/**
 * $BROWSER as the commands to try in order, by the common convention: entries separated by `:`
 * (`;` on Windows, whose paths hold colons), `%s` in an entry replaced by the URL and `%%` by `%`,
 * else the URL appended as the last argument.
 */
export function browserLaunches(browser: string, url: string, platform: NodeJS.Platform): Launch[] {
  const launches: Launch[] = [];
  const windows = platform === 'win32';
  for (const entry of browser.split(windows ? ';' : ':')) {
    let substituted = false;
    const expand = (what: string) => (what === 's' ? ((substituted = true), url) : '%');
    const [command, ...args] = splitWords(entry, !windows).map((word) => word.replace(/%([%s])/g, (_, what: string) => expand(what)));
    if (command === undefined || command === '') continue;
    launches.push({ command, args: substituted ? args : [...args, url] });
  }
  return launches;
}

/**
 * The platform's opener. Windows: rundll32's URL handler, which takes the address as it is (`start`
 * would go through cmd, which parses `&` and `^`). WSL: wslview, else Windows's own through interop.
 * Linux and the BSDs: xdg-open, only with a display to open a browser on; none without.
 */
export function platformLaunches(facts: DesktopFacts, url: string): Launch[] {
  const windows = (command: string): Launch => ({ command, args: ['url.dll,FileProtocolHandler', url] });
  if (facts.platform === 'win32') return [windows('rundll32')];
  if (facts.platform === 'darwin') return [{ command: 'open', args: [url] }];
  if (facts.wsl) return [{ command: 'wslview', args: [url] }, windows('rundll32.exe')];
  return facts.display ? [{ command: 'xdg-open', args: [url] }] : [];
}
