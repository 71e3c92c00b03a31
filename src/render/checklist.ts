import type { ChecklistData } from '../commands/checklist.js';
import { wrapText } from './layout.js';
import { codeSpans } from './markdown.js';
import type { RenderOptions } from './style.js';

export function renderChecklist(data: ChecklistData, { style, wrapAt }: RenderOptions): string {
  const lines = wrapText(style.bold(`Final checklist of ${data.plan}: ${data.done}/${data.total}`), wrapAt);
  const width = String(data.total).length;
  for (const item of data.items) {
    const mark = item.done ? style.green('[x]') : '[ ]';
    const text = codeSpans(item.text, style);
    lines.push(...wrapText(data.changed.includes(item.n) ? style.bold(text) : text, wrapAt, { prefix: `  ${String(item.n).padStart(width)}. ${mark} ` }));
  }
  if (data.total === 0) lines.push('  (this plan has no final checklist)');
  else if (data.done < data.total) lines.push(...wrapText(style.dim('Tick items with `prep check N…`.'), wrapAt));
  return `${lines.join('\n')}\n`;
}
