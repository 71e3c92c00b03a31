import type { ImportStateData } from '../commands/import-state.js';
import { message } from './layout.js';
import { plural, type RenderOptions } from './style.js';

export function renderImportState(data: ImportStateData, { style, wrapAt }: RenderOptions): string {
  if (!data.imported) return 'Nothing imported; your log is as it was.\n';
  const what = data.kind === 'backup' ? `the backup ${data.file}${data.exportedAt ? ` (made ${data.exportedAt.slice(0, 16).replace('T', ' ')} UTC)` : ''}` : `the state file ${data.file}`;
  const lines = [style.green(`✔ ${data.mode === 'replace' ? 'Replaced your state with' : 'Merged'} ${what}: active plan ${data.activePlan ?? 'none'}, ${plural(data.plans.length, 'plan')}, ${plural(data.logEntries, 'log entry', 'log entries')}.`)];
  if (data.migrated) lines.push(`It was upgraded from state version ${data.fromVersion}.`);
  if (data.mode === 'replace') lines.push('What it replaced is set aside, not deleted: its events stay in the log\'s files.');
  else lines.push(data.added === 0 ? 'Your log had all of its events already: nothing was added.' : `${plural(data.added, 'event')} added to your log; nothing was dropped.`);
  if (data.unknownPlans.length > 0) lines.push(style.yellow(`Not among your plans here: ${data.unknownPlans.join(', ')}. \`prep plan add FILE\` adds them; their progress is in the log.`));
  return message(lines, wrapAt);
}
