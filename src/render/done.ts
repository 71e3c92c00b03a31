import type { MarkData } from '../commands/done.js';
import { joinParts, wrapText } from './layout.js';
import { codeSpans } from './markdown.js';
import { type RenderOptions } from './style.js';
import { streakLine } from './streak.js';

export function renderMark(data: MarkData, { style, wrapAt }: RenderOptions): string {
  const lines: string[] = [];
  const verb = data.action === 'done' ? 'Done' : 'Not done';
  for (const task of data.changed) lines.push(...wrapText(codeSpans(task.text, style), wrapAt, { prefix: `${data.action === 'done' ? style.green('✔') : '○'} ${verb}: ${task.n}. ` }));
  for (const task of data.unchanged) lines.push(...wrapText(style.dim(`${task.text} (${data.action === 'done' ? 'already done' : 'was not done'})`), wrapAt, { prefix: style.dim(`  ${task.n}. `) }));
  if (data.changed.length === 0 && data.unchanged.length === 0) lines.push('Nothing marked.');
  lines.push(...joinParts([`Day ${data.day}: ${data.dayProgress.done}/${data.dayProgress.total} done`, streakLine(data.streak, style)], style.dim(' · '), wrapAt));
  return `${lines.join('\n')}\n`;
}
