import type { ValidateData } from '../commands/plan-validate.js';
import { formatProblem } from '../curriculum/problem.js';
import { message } from './layout.js';
import { plural, type RenderOptions } from './style.js';

export function renderValidate(data: ValidateData, { style, wrapAt }: RenderOptions): string {
  const lines: string[] = [];
  for (const file of data.files) {
    for (const problem of file.problems) {
      lines.push(formatProblem(file.file, problem, style));
    }
  }
  const errors = data.files.reduce((n, f) => n + f.errors, 0);
  const warnings = data.files.reduce((n, f) => n + f.warnings, 0);
  const failed = data.files.filter((f) => f.errors > 0).length;
  if (data.ok) {
    const note = warnings > 0 ? ` (${plural(warnings, 'warning')})` : '';
    lines.push(style.green(`✔ ${plural(data.files.length, 'file')} valid${note}`));
  } else {
    lines.push(style.red(`✖ ${plural(errors, 'error')}${warnings ? `, ${plural(warnings, 'warning')}` : ''} in ${failed} of ${plural(data.files.length, 'file')}`));
  }
  return message(lines, wrapAt);
}
