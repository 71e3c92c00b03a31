import type { ChecklistData } from '../commands/checklist.js';
import type { RenderOptions } from './style.js';

export function renderChecklist(data: ChecklistData, { style }: RenderOptions): string {
  const lines = [style.bold(`Final checklist of ${data.plan}: ${data.done}/${data.total}`)];
  const width = String(data.total).length;
  for (const item of data.items) {
    const mark = item.done ? style.green('[x]') : '[ ]';
    const text = data.changed.includes(item.n) ? style.bold(item.text) : item.text;
    lines.push(`  ${String(item.n).padStart(width)}. ${mark} ${text}`);
  }
  if (data.total === 0) lines.push('  (this plan has no final checklist)');
  else if (data.done < data.total) lines.push(style.dim('Tick items with `prep check N…`.'));
  return `${lines.join('\n')}\n`;
}
