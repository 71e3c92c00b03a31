// What of an mdast tree the curriculum parser reads, for comparing the quick reader with remark:
// node types and values, block positions; no inline positions, no `spread`, adjacent text merged.
import type { Node } from 'unist';

const BLOCKS = new Set(['heading', 'paragraph', 'list', 'listItem', 'code', 'thematicBreak', 'blockquote', 'html', 'definition']);

const INLINE_PARENTS = new Set(['paragraph', 'heading', 'strong', 'emphasis', 'link', 'delete']);

export function project(node: Node, inline = false): unknown {
  const { type, position, children, spread: _spread, ...rest } = node as Node & { children?: Node[]; spread?: unknown };
  const out: Record<string, unknown> = { type, ...rest };
  if (!inline && BLOCKS.has(type) && position) out.at = `${position.start.line}:${position.start.column}@${position.start.offset}-${position.end.offset}`;
  if (children) {
    const merged: Record<string, unknown>[] = [];
    for (const child of children.map((child) => project(child, inline || INLINE_PARENTS.has(type))) as Record<string, unknown>[]) {
      const previous = merged[merged.length - 1];
      if (child.type === 'text' && previous?.type === 'text') previous.value = `${String(previous.value)}${String(child.value)}`;
      else merged.push(child);
    }
    out.children = merged;
  }
  return out;
}
