import type { PlanImportData } from '../commands/plan-import.js';
import { message } from './layout.js';
import { plural, truncate, type RenderOptions } from './style.js';

const SHOWN = 10;

/** stdout: the curriculum itself when no -o was given, so that `prep plan import x.txt > x.md` works. */
export function renderPlanImport(data: PlanImportData): string {
  return data.output === null ? (data.markdown ?? '') : '';
}

/** stderr: what was found, and the lines the importer guessed about. */
export function renderPlanImportReport(data: PlanImportData, { style, wrapAt }: RenderOptions): string {
  const lines: string[] = [];
  const found = `${plural(data.days, 'day')}, ${plural(data.tasks, 'task')}, ${plural(data.checklist, 'checklist item')}`;
  lines.push(`${style.green('✔')} Imported ${found} from ${data.source} → ${data.output ?? 'stdout'}`);
  if (data.checklist === 0) lines.push(style.dim('No checklist found: it is read from a heading or line naming a checklist, "before the interview" or a final review.'));
  if (data.unsure.length > 0) {
    lines.push(style.yellow(`Unsure about ${plural(data.unsure.length, 'line')}:`));
    for (const item of data.unsure.slice(0, SHOWN)) lines.push(`  line ${item.line}: "${truncate(item.text, 50)}" (${item.reason})`);
    if (data.unsure.length > SHOWN) lines.push(`  ${style.dim(`… and ${data.unsure.length - SHOWN} more (--json lists them all)`)}`);
  }
  if (data.output !== null) lines.push(style.dim(`\`prep plan add ${data.output}\` adds it to your plans.`));
  return message(lines, wrapAt);
}
