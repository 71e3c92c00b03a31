import type { DoctorData } from '../commands/doctor.js';
import { message } from './layout.js';
import { plural, type RenderOptions } from './style.js';

export function renderDoctor(data: DoctorData, { style, wrapAt }: RenderOptions): string {
  const { log } = data;
  const lines = [`study log: ${log.dir}${log.device ? ` (this device: ${log.device})` : ''}`];
  if (data.restored) lines.push(style.green(`✔ brought the last good copy's history into the log${data.restored.keptAs === null ? '' : `; the broken state file is kept as ${data.restored.keptAs}`}`));
  if (data.repaired) lines.push(style.green(`✔ moved ${plural(data.repaired.lines, 'damaged line')} out of this device's file, into ${data.repaired.keptAs}`));
  if (log.files.length === 0 && data.state === 'missing') lines.push('no history yet: `prep today` starts the default plan');
  else lines.push(`${plural(log.files.length, 'file')}, ${plural(log.events, 'event')}${log.files.some((f) => f.copy) ? ` (sync conflict copies among them, merged: ${log.files.filter((f) => f.copy).map((f) => f.name).join(', ')})` : ''}`);
  for (const problem of log.problems) {
    const where = `${problem.file}${problem.line === undefined ? '' : ` line ${problem.line}`}`;
    lines.push(problem.partial ? `${where}: ${problem.reason}` : style.yellow(`${where}: ${problem.reason}`));
  }
  const damaged = log.problems.filter((p) => !p.partial);
  if (damaged.length === 0) lines.push(style.green('✔ every line reads'));
  else {
    const own = log.device !== null && damaged.some((p) => p.file === `${log.device}.jsonl`);
    const others = damaged.some((p) => p.file !== `${log.device}.jsonl`);
    const how = [own ? "`prep doctor --restore` moves this device's out of its file (kept aside)" : '', others ? "another device's are moved out by `prep doctor --restore` on that device" : ''].filter(Boolean).join('; ');
    lines.push(`Damaged lines are skipped; the rest is read. ${how.charAt(0).toUpperCase()}${how.slice(1)}.`);
  }
  lines.push(`config: ${data.config.file} (${data.config.status === 'ok' ? 'readable' : 'none yet: the default settings'})`);
  return message(lines, wrapAt);
}
