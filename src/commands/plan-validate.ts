// `prep plan validate FILE…`: every problem of every file, as file:line:col: message.
import { completeFiles } from '../completion/completers.js';
import { defineCommand } from '../app/define.js';
import { relative, resolve } from 'node:path';
import type { Context } from '../context.js';
import { CurriculumError } from '../errors.js';
import { readCurriculumFile } from '../curriculum/read.js';
import { cleanText } from '../curriculum/text.js';
import type { Problem } from '../curriculum/types.js';

export interface ValidatedFile {
  file: string;
  id: string | null;
  errors: number;
  warnings: number;
  problems: Problem[];
}

export interface ValidateData {
  ok: boolean;
  files: ValidatedFile[];
}

export async function planValidate(options: { files: string[] }, ctx: Context): Promise<ValidateData> {
  const files: ValidatedFile[] = [];
  const idLines = new Map<string, string>();
  for (const file of options.files) {
    const shown = cleanText(relative(ctx.cwd, resolve(ctx.cwd, file)) || file);
    let problems: Problem[];
    let id: string | null = null;
    try {
      const result = await readCurriculumFile(resolve(ctx.cwd, file), ctx.paths.cacheDir);
      problems = result.problems;
      id = result.plan?.id || null;
    } catch (caught) {
      if (!(caught instanceof CurriculumError)) throw caught;
      problems = [{ severity: 'error', line: 1, col: 1, message: caught.message.replace(cleanText(resolve(ctx.cwd, file)), shown) }];
    }
    if (id !== null) {
      const other = idLines.get(id);
      if (other) problems.push({ severity: 'error', line: 1, col: 1, message: `duplicate plan id "${id}": ${other} has it too` });
      else idLines.set(id, shown);
    }
    files.push({
      file: shown,
      id,
      errors: problems.filter((p) => p.severity === 'error').length,
      warnings: problems.filter((p) => p.severity === 'warning').length,
      problems,
    });
  }
  return { ok: files.every((f) => f.errors === 0), files };
}

export default defineCommand({
  name: 'plan validate',
  summary: 'check curriculum files; prints file:line:col: message for each problem, exits 1 on any error',
  arguments: [{ syntax: '<files...>', description: 'curriculum Markdown files', complete: completeFiles }],
  examples: ['prep plan validate my-plan.md', 'prep plan validate curricula/*.md --json'],
  run: planValidate,
  render: 'plan-validate',
  exitCode: (data) => (data.ok ? 0 : 1),
});
