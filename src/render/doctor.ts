import type { DoctorData } from '../commands/doctor.js';
import { message } from './layout.js';
import type { RenderOptions } from './style.js';

export function renderDoctor(data: DoctorData, { style, wrapAt }: RenderOptions): string {
  const lines = [`state file: ${data.stateFile}`];
  if (data.restored) lines.push(style.green(`✔ restored the last good copy${data.restored.keptAs === null ? '' : `; the broken file is kept as ${data.restored.keptAs}`}`));
  else if (data.state === 'missing') lines.push('no state yet: `prep today` starts the default plan');
  else lines.push(style.green('✔ readable'));
  lines.push(`backup: ${data.backup === 'ok' ? 'a good copy is kept beside it' : data.backup}`);
  return message(lines, wrapAt);
}
