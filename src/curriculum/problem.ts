// How a curriculum problem is written for people and for editors.
import type { Problem } from './types.js';

interface ProblemStyle {
  dim(text: string): string;
  yellow(text: string): string;
}
const plain: ProblemStyle = { dim: (t) => t, yellow: (t) => t };

/** `file:line:col: message`, the form editors and CI annotate from. */
export function formatProblem(file: string, problem: Problem, style: ProblemStyle = plain): string {
  const tag = problem.severity === 'warning' ? style.yellow('warning: ') : '';
  return `${style.dim(`${file}:${problem.line}:${problem.col}:`)} ${tag}${problem.message}`;
}

/** Problems in the order of the file: by line, then column. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.line - b.line || a.col - b.col);
}
