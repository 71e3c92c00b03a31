// The views on a terminal: Markdown prose rendered, task text wrapped under itself, links as OSC 8
// hyperlinks where the terminal shows them; piped, every item stays one line.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { TodayData } from '../../src/commands/today.js';
import { displayWidth } from '../../src/render/layout.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { PLAIN_STYLE, type RenderOptions, type Style } from '../../src/render/style.js';
import { renderToday } from '../../src/render/today.js';

const plainStyle = new Chalk({ level: 0 });
const options = (extra: Partial<RenderOptions> = {}): RenderOptions => ({ style: plainStyle, columns: 80, ...extra });
const OWN_ESCAPES = /\u001b\[[0-9;]*m|\u001b\]8;;[\u0021-\u007e]*(?:\u0007|\u001b\\)/g;

describe('colour off', () => {
  const paints = ['dim', 'bold', 'italic', 'red', 'green', 'yellow', 'cyan'] as const satisfies readonly (keyof Style)[];
  it.each([[['a task']], [['two', 'words']], [[3]], [['']], [['line\nbreak']], [[undefined]], [[null, 'x']], [[]]])('prints %j as chalk without colour would', (args) => {
    for (const paint of paints) expect(PLAIN_STYLE[paint](...args)).toBe(plainStyle[paint](...args));
    expect(PLAIN_STYLE.level).toBe(plainStyle.level);
  });
});

describe('Markdown prose', () => {
  it.each([
    ['bold loses its markers; code spans keep their backticks', 'Daily structure: **morning** study, `notes.md` after.', ['Daily structure: morning study, `notes.md` after.']],
    ['a paragraph\'s soft line breaks become spaces', 'one line\nand the next', ['one line and the next']],
    ['blocks apart by a blank line, list items together', 'Key principles:\n\n- **Focus:** the role\n- Consistency', ['Key principles:', '', '- Focus: the role', '- Consistency']],
    ['nested and ordered lists, indented under their items', '1. first\n   - inner\n2. second', ['1. first', '   - inner', '2. second']],
    ['a heading as a line of its own', '## Study tips\n\nRest well.', ['Study tips', '', 'Rest well.']],
    ['a link as its text and URL', 'See [the docs](https://example.com/d).', ['See the docs (https://example.com/d).']],
    ['a block quote keeps its marker on every line', '> a quote with **bold**\n>\n> and more', ['> a quote with bold', '>', '> and more']],
    ['Markdown the quick reader leaves alone, as written', '> - a list in a quote, **bold**', ['> - a list in a quote, **bold**']],
  ])('%s', (_, markdown, expected) => {
    expect(renderMarkdown(markdown, options())).toEqual(expected);
  });

  it('wraps a quoted line under its marker', () => {
    expect(renderMarkdown('> Imported from notes.txt by prep plan import on 2026-03-02', options({ wrapAt: 30 }))).toEqual(['> Imported from notes.txt by', '> prep plan import on', '> 2026-03-02']);
  });

  it('wraps paragraphs and list items to the width, items continuing under their text', () => {
    const lines = renderMarkdown('- **Consistency over intensity:** Steady progress (1 hour daily) is key for long-term retention.', options({ wrapAt: 40 }));
    expect(lines).toEqual(['- Consistency over intensity: Steady', '  progress (1 hour daily) is key for', '  long-term retention.']);
  });

  it('styles bold and code with colour on', () => {
    const colour = new Chalk({ level: 1 });
    expect(renderMarkdown('**a** `b`', options({ style: colour }))).toEqual([`${colour.bold('a')} ${colour.cyan('`b`')}`]);
  });

  it('makes a link clickable where the terminal shows hyperlinks', () => {
    expect(renderMarkdown('[docs](https://example.com/d)', options({ hyperlinks: true }))).toEqual(['\u001b]8;;https://example.com/d\u001b\\docs\u001b]8;;\u001b\\']);
  });
});

const url = 'https://docs.databricks.com/en/administration-guide/account-settings/usage-analysis.html';
const day = (tasks: TodayData['tasks']): TodayData => ({
  date: '2026-03-04',
  plan: { id: '28-day-data', title: 'Month 8', days: 28 },
  status: 'active',
  day: 3,
  start: '2026-03-02',
  end: '2026-03-29',
  pausedSince: null,
  behind: 0,
  schedule: null,
  title: 'Cost optimization',
  group: 'Week 1: System Design Fundamentals for Data Engineering',
  kind: 'day',
  span: null,
  deliverable: null,
  notes: [],
  tasks,
  overdue: [],
  streak: { current: 12, longest: 30, atRisk: true },
  checklist: { done: 0, total: 10 },
  progress: { done: 48, total: 228 },
  orphans: [],
  deadline: null,
  forecast: { pace: null, paceDays: 3, finish: null, needed: null, remaining: { tasks: 180, hours: 190 }, late: false },
  dayNotes: [],
  reviews: { due: 0, held: 0 },
});
const costTask: TodayData['tasks'][number] = {
  n: 1,
  id: 'd3.cost',
  text: 'Cost optimization in Databricks and Snowflake for enterprise workloads, with `cost.md` notes.',
  section: 'Learning',
  done: false,
  details: ['Compare the pricing models of both platforms and write down where each one is cheaper'],
  links: [{ text: 'Databricks Cost Optimization (Docs, 9 min)', url }],
};

describe('today on a terminal', () => {
  it('wraps task text under task text, details under details, and keeps the URL whole', () => {
    const lines = renderToday(day([costTask]), options({ columns: 60, wrapAt: 60 })).trimEnd().split('\n');
    expect(lines).toContain('  1. ○ Cost optimization in Databricks and Snowflake for');
    expect(lines).toContain('       enterprise workloads, with `cost.md` notes.');
    expect(lines).toContain('        - Compare the pricing models of both platforms and');
    expect(lines).toContain('          write down where each one is cheaper');
    expect(lines).toContain('        Databricks Cost Optimization (Docs, 9 min):');
    expect(lines).toContain(`        ${url}`);
    for (const line of lines) if (line.trim() !== url) expect(displayWidth(line), line).toBeLessThanOrEqual(60);
  });

  it('breaks the status line between its parts', () => {
    const lines = renderToday(day([costTask]), options({ columns: 60, wrapAt: 60 })).trimEnd().split('\n');
    expect(lines.slice(-3)).toEqual(['streak 12 days (longest 30) at risk: study today to keep it', 'today 0/1 · plan 48/228 · checklist 0/10', 'Mark tasks with `prep done N…`.']);
  });

  it('shows a link as its clickable text where the terminal shows hyperlinks', () => {
    const text = renderToday(day([costTask]), options({ wrapAt: 80, hyperlinks: true }));
    expect(text).toContain(`        \u001b]8;;${url}\u001b\\Databricks Cost Optimization (Docs, 9 min)\u001b]8;;\u001b\\`);
    expect(text).not.toContain(`: ${url}`);
  });

  it('writes no escape but its own hyperlinks for a hostile link, its URL cleaned', () => {
    // The link's text comes cleaned from the parser; its URL is put to the test here.
    const hostile = { ...costTask, links: [{ text: 'click me', url: 'https://x.y/\u001b]8;;https://evil.example\u0007\u001b[2J\u009b31m' }] };
    for (const hyperlinks of [true, false]) {
      const text = renderToday(day([hostile]), options({ wrapAt: 60, hyperlinks }));
      expect(text.replace(OWN_ESCAPES, '')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      if (hyperlinks) expect(text).toContain('\u001b]8;;https://x.y/]8;;https://evil.example[2J31m\u001b\\');
    }
  });

  it('keeps one task on one line when piped', () => {
    const lines = renderToday(day([costTask]), options()).split('\n');
    expect(lines).toContain(`  1. ○ ${costTask.text}`);
    expect(lines).toContain(`        ${costTask.links[0]!.text}: ${url}`);
    expect(lines).toContain('streak 12 days (longest 30) at risk: study today to keep it · today 0/1 · plan 48/228 · checklist 0/10');
  });
});
