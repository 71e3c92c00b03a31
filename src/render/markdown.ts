// The Markdown a plan writes as prose (its intro) as terminal text: bold, code spans, lists and
// headings (bold lines), paragraphs rewrapped. Markdown the quick reader does not handle is shown
// as written, line by line: remark is not loaded for this.
import type { List, PhrasingContent, RootContent } from 'mdast';
import { quickTree } from '../markdown/index.js';
import { displayWidth, hyperlink, wrapLines, wrapText } from './layout.js';
import type { RenderOptions, Style } from './style.js';

/** Code spans in text that keeps their backticks (task text, details): the backticks stay, coloured with them. */
export function codeSpans(text: string, style: Style): string {
  return style.level === 0 ? text : text.replace(/`[^`\n]+`/g, (span) => style.cyan(span));
}

/** A link in running text: clickable text where links can be, else `text (url)`. */
export function inlineLink(text: string, url: string, options: RenderOptions): string {
  if (options.hyperlinks) return hyperlink(text, url);
  return text === url ? url : `${text} (${url})`;
}

function inline(nodes: readonly PhrasingContent[], options: RenderOptions): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        // A soft line break is a space: the paragraph is wrapped anew.
        out += node.value.replace(/[ \t]*\n[ \t]*/g, ' ');
        break;
      case 'strong':
        out += options.style.bold(inline(node.children, options));
        break;
      case 'emphasis':
        out += options.style.italic(inline(node.children, options));
        break;
      case 'inlineCode':
        out += codeSpans(`\`${node.value}\``, options.style);
        break;
      case 'break':
        out += ' ';
        break;
      case 'link':
        out += inlineLink(inline(node.children, options), node.url, options);
        break;
      case 'image':
        out += node.alt ?? '';
        break;
      default:
        if ('children' in node) out += inline(node.children as PhrasingContent[], options);
        else if ('value' in node) out += node.value;
    }
  }
  return out;
}

function list(node: List, options: RenderOptions, indent: string): string[] {
  const lines: string[] = [];
  node.children.forEach((item, index) => {
    const marker = node.ordered ? `${(node.start ?? 1) + index}. ` : '- ';
    const under = indent + ' '.repeat(displayWidth(marker));
    item.children.forEach((child, position) => {
      if (position === 0 && child.type === 'paragraph') lines.push(...wrapText(inline(child.children, options), options.wrapAt, { prefix: indent + marker }));
      else lines.push(...block(child, options, position === 0 ? indent + marker : under));
    });
  });
  return lines;
}

function block(node: RootContent, options: RenderOptions, indent: string): string[] {
  switch (node.type) {
    case 'paragraph':
      return wrapText(inline(node.children, options), options.wrapAt, { prefix: indent });
    case 'heading':
      return wrapText(options.style.bold(inline(node.children, options)), options.wrapAt, { prefix: indent });
    case 'list':
      return list(node, options, indent);
    case 'blockquote':
      // Each line of a quote keeps its marker, wrapped lines too: an imported plan's quoted source header reads as one.
      return node.children.flatMap((child, index) => [
        ...(index > 0 ? [`${indent}>`] : []),
        ...(child.type === 'paragraph' ? wrapText(inline(child.children, options), options.wrapAt, { prefix: `${indent}> `, indent: `${indent}> ` }) : block(child, options, `${indent}> `)),
      ]);
    case 'code':
      return wrapLines(node.value.split('\n').map((line) => `${indent}    ${line}`).join('\n'), options.wrapAt);
    default:
      return []; // thematic breaks: the blank lines between blocks do their work
  }
}

/** Lines for the terminal; blocks are separated by a blank line, list items are not. */
export function renderMarkdown(markdown: string, options: RenderOptions): string[] {
  const tree = quickTree(markdown);
  if (!tree) return wrapLines(markdown, options.wrapAt);
  const lines: string[] = [];
  for (const node of tree.children) {
    const rendered = block(node, options, '');
    if (rendered.length === 0) continue;
    if (lines.length > 0) lines.push('');
    lines.push(...rendered);
  }
  return lines;
}
