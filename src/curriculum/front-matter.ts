// Front matter: YAML only, parsed with the core schema (dates stay strings), never evaluated.
// js-yaml is the YAML parser gray-matter loads anyway; one YAML library is enough to pay for.
import matter from 'gray-matter';
import jsYaml from 'js-yaml';
import { checkCoachFields } from './coach-fields.js';
import { MAX_DAYS, PLAN_ID } from './limits.js';
import type { PlanFields, Problem } from './types.js';
import { cleanLine, cleanText, nearest } from './text.js';

export interface FrontMatterResult {
  /** Undefined when the front matter is missing or has no usable `days`; `problems` says why. */
  fields: PlanFields | undefined;
  keyLines: Record<string, number>;
  /** The whole text with the front-matter lines blanked, so body positions are file positions. */
  body: string;
  /** Line of the closing `---` (0 when there is none). */
  endLine: number;
  problems: Problem[];
}

const KNOWN_KEYS = ['id', 'title', 'days', 'summary', 'rest', 'hours', 'starts-on', 'author', 'source'] as const;

class YamlProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

function error(line: number, col: number, message: string): Problem {
  // Messages quote keys and values of the file: cleaned like everything else read from it.
  return { severity: 'error', line, col, message: cleanText(message) };
}

/** Splits and checks the front matter of a curriculum whose newlines are already `\n`. */
export function readFrontMatter(text: string): FrontMatterResult {
  const lines = text.split('\n');
  const first = lines[0] ?? '';
  const none = (problem: Problem): FrontMatterResult => ({ fields: undefined, keyLines: {}, body: text, endLine: 0, problems: [problem] });

  if (!first.startsWith('---')) {
    return none(error(1, 1, 'missing front matter: start the file with a `---` line, then `id:`, `title:` and `days:`, then `---`'));
  }
  const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  const blanked = close > 0 ? '\n'.repeat(close + 1) + lines.slice(close + 1).join('\n') : text;
  const language = first.slice(3).trim();
  if (language !== '') {
    // Checked before gray-matter sees the text: it would evaluate `---js` front matter.
    const problem = error(1, 4, `front matter in \`${language}\` is not allowed: only YAML (a plain \`---\` line) is read, and nothing in it is run`);
    return { ...none(problem), body: blanked, endLine: Math.max(close + 1, 0) };
  }
  if (close < 0) {
    return none(error(1, 1, 'unterminated front matter: no closing `---` line after line 1'));
  }

  // File line of the YAML text's first line: gray-matter passes the text with the newline after `---`.
  let firstLine = 2;
  const yamlEngine = (source: string): object => {
    firstLine = source.startsWith('\n') ? 1 : 2;
    try {
      // The core schema: no timestamps (2024-03-10 stays text) and no JavaScript types.
      return (jsYaml.load(source, { schema: jsYaml.CORE_SCHEMA }) ?? {}) as object;
    } catch (caught) {
      if (!(caught instanceof jsYaml.YAMLException)) throw caught;
      const mark = (caught as jsYaml.YAMLException & { mark?: { line: number; column: number }; reason?: string }).mark;
      const reason = (caught as { reason?: string }).reason ?? caught.message;
      throw new YamlProblem(error((mark?.line ?? 0) + firstLine, (mark?.column ?? 0) + 1, `YAML error in front matter: ${reason}`));
    }
  };

  let data: unknown;
  try {
    data = matter(text, { language: 'yaml', engines: { yaml: { parse: yamlEngine } } }).data;
  } catch (caught) {
    if (caught instanceof YamlProblem) return { ...none(caught.problem), body: blanked, endLine: close + 1 };
    const reason = caught instanceof Error ? caught.message : String(caught);
    return { ...none(error(2, 1, `YAML error in front matter: ${reason}`)), body: blanked, endLine: close + 1 };
  }

  // Where each top-level key is written, so field problems can point at their line.
  // No prototype: a key written `__proto__` or `constructor` gets its own line, not Object's.
  const keyLines = Object.create(null) as Record<string, number>;
  for (let i = 1; i < close; i++) {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(lines[i] ?? '')?.[1];
    if (key !== undefined && keyLines[key] === undefined) keyLines[key] = i + 1;
  }
  const { fields, problems } = checkFields(data, keyLines, lines);
  return { fields, keyLines, body: blanked, endLine: close + 1, problems };
}

function checkFields(data: unknown, keyLines: Record<string, number>, lines: readonly string[]): { fields: PlanFields | undefined; problems: Problem[] } {
  const problems: Problem[] = [];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { fields: undefined, problems: [error(2, 1, 'front matter must be a mapping of keys (`id:`, `title:`, `days:`)')] };
  }
  const record = data as Record<string, unknown>;
  const at = (key: string) => keyLines[key] ?? 1;

  for (const key of Object.keys(record)) {
    if ((KNOWN_KEYS as readonly string[]).includes(key)) continue;
    const guess = nearest(key, KNOWN_KEYS);
    problems.push(error(at(key), 1, `unknown front matter key \`${key}\`${guess ? ` (did you mean \`${guess}\`?)` : ''}; known keys: ${KNOWN_KEYS.join(', ')}`));
  }

  const { id, title, days, summary, rest } = record;
  if (id === undefined) problems.push(error(1, 1, 'front matter needs `id:`, a lowercase kebab-case name such as `my-plan`'));
  else if (typeof id !== 'string' || !PLAN_ID.test(id)) problems.push(error(at('id'), 1, `\`id\` must be lowercase kebab-case (letters, digits, dashes), such as \`my-plan\`; got ${JSON.stringify(id)}`));

  if (title === undefined) problems.push(error(1, 1, 'front matter needs `title:`'));
  else if (typeof title !== 'string' || cleanLine(title) === '') problems.push(error(at('title'), 1, '`title` must be non-empty text'));

  if (days === undefined) problems.push(error(1, 1, 'front matter needs `days:`, the length of the plan in days'));
  else if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
    problems.push(error(at('days'), 1, `\`days\` must be a whole number from 1 to ${MAX_DAYS}; got ${JSON.stringify(days)}`));
  }

  if (summary !== undefined && typeof summary !== 'string') problems.push(error(at('summary'), 1, '`summary` must be text'));

  let restDays: number[] = [];
  if (rest !== undefined) {
    const list = Array.isArray(rest) ? rest : [rest];
    if (list.every((n) => typeof n === 'number' && Number.isInteger(n))) restDays = list as number[];
    else problems.push(error(at('rest'), 1, '`rest` must be a list of day numbers, such as `rest: [7, 14]`'));
  }

  const coach = checkCoachFields(record, lines, keyLines);
  problems.push(...coach.problems);

  // The body can be checked whenever `days` is usable, so one run of validate lists every problem;
  // a plan with errors is never loaded, so a placeholder id or title goes no further than here.
  const daysOk = typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= MAX_DAYS;
  if (!daysOk) return { fields: undefined, problems };
  return {
    fields: {
      id: typeof id === 'string' && PLAN_ID.test(id) ? id : '',
      title: typeof title === 'string' ? cleanLine(title) : '',
      days,
      summary: typeof summary === 'string' ? cleanLine(summary) : '',
      rest: restDays,
      ...coach.fields,
    },
    problems,
  };
}
