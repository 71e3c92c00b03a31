import type { MarkData } from '../commands/done.js';
import { type RenderOptions } from './style.js';
import { streakLine } from './streak.js';

export function renderMark(data: MarkData, { style }: RenderOptions): string {
  const lines: string[] = [];
  const verb = data.action === 'done' ? 'Done' : 'Not done';
  for (const task of data.changed) lines.push(`${data.action === 'done' ? style.green('✔') : '○'} ${verb}: ${task.n}. ${task.text}`);
  for (const task of data.unchanged) lines.push(style.dim(`  ${task.n}. ${task.text} (${data.action === 'done' ? 'already done' : 'was not done'})`));
  if (data.changed.length === 0 && data.unchanged.length === 0) lines.push('Nothing marked.');
  lines.push(`Day ${data.day}: ${data.dayProgress.done}/${data.dayProgress.total} done${style.dim(' · ')}${streakLine(data.streak, style)}`);
  return `${lines.join('\n')}\n`;
}
