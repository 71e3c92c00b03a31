// Reading what is under one day, line by line, on its own: tasks and details, sections, notes,
// deliverables, prose, and the line that ends the day by opening the checklist.
import { describe, expect, it } from 'vitest';
import { closeDay, dayLabel, inlineRest, openDay, readDayLine } from '../../../src/import/day-reader.js';
import { classifyLines, matchEntry } from '../../../src/import/lines.js';
import { span } from '../../support/draft.js';

/** Reads `text` as the lines under a day opened by a heading; what the day holds after. */
function read(text: string, markdown = true, range?: [number, number]) {
  const day = openDay(span(range?.[0] ?? 1, range ? { to: range[1] } : {}), 'heading', 3, 0);
  const results = classifyLines(text)
    .filter((l) => l.kind !== 'blank')
    .map((line) => readDayLine(day, line, range ? matchEntry(line.text) : undefined, markdown));
  closeDay(day);
  const { tasks, notes, prose, deliverables } = day.span;
  return {
    tasks: tasks.map((t) => [t.section ?? '', t.text, ...t.details, ...(t.onlyDay ? [`only ${t.onlyDay}`] : [])].join(' | ')),
    notes: notes.map((n) => `${n.label ?? ''}: ${n.items.join(' · ')}`),
    prose: prose.map((p) => p.text),
    deliverables,
    checklist: results.includes('checklist'),
  };
}

describe('readDayLine', () => {
  it.each([
    ['list items as tasks, deeper lines as their details', '- Read\n  - chapter 1\n- Write\n', { tasks: [' | Read | chapter 1', ' | Write'] }],
    ['bold time blocks as sections', '**Morning (2 hours)**:\n- Read\n**Evening**\n- Review\n', { tasks: ['Morning (2 hours) | Read', 'Evening | Review'] }],
    ['a time block with its task on the line', '- Morning: Read\n- Evening: Review\n', { tasks: ['Morning | Read', 'Evening | Review'] }],
    ['a clock range as a section', '5:00–7:00\n- Read\n', { tasks: ['5:00–7:00 | Read'] }],
    ['a note label over its items', '**Resources**:\n- DDIA\n- SRE book\n', { notes: ['Resources: DDIA · SRE book'] }],
    ['a labelled note on one line; a list item `Note:` is a task', '**Tip:** sleep\n- Note: the time\n', { notes: [': **Tip:** sleep'], tasks: [' | Note: the time'] }],
    ['a deliverable', '- Read\n**Deliverable**: a summary\n', { tasks: [' | Read'], deliverables: ['a summary'] }],
    ['a paragraph in Markdown as prose', 'Read the chapter slowly.\n', { prose: ['Read the chapter slowly.'] }],
    ['a plain line in plain text as a task', 'Read the chapter slowly.\n', { tasks: [' | Read the chapter slowly.'] }, false],
    ['a section no task came under, kept as a note', '**Full Day (8 hours)**:\n**Morning**:\n- Read\n', { notes: [': Full Day (8 hours).'], tasks: ['Morning | Read'] }],
    ['a last section with nothing under it, kept when the day closes', '- Read\n**Evening**:\n', { tasks: [' | Read'], notes: [': Evening.'] }],
    ['a checklist label: the day ends', '- Read\n**Final checklist**:\n', { tasks: [' | Read'], checklist: true }],
  ])('%s', (_what, text, expected, markdown = true) => {
    expect(read(text, markdown)).toEqual({ tasks: [], notes: [], prose: [], deliverables: [], checklist: false, ...expected });
  });

  it('in a range, `Day N: …` is due on that day only', () => {
    expect(read('- Mock\n- Day 30: Graphs\n- Day 31\n', true, [29, 35]).tasks).toEqual([' | Mock', ' | Graphs | only 30', ' | Day 31 | only 31']);
  });

  it('a sub-heading of a day is a section, or notes for a note label', () => {
    const day = openDay(span(1), 'heading', 3, 0);
    dayLabel(day, 'Reading');
    dayLabel(day, 'Morning');
    for (const line of classifyLines('- Read')) readDayLine(day, line, undefined, true);
    expect(day.span.notes).toEqual([{ label: 'Reading', items: [] }]);
    expect(day.span.tasks.map((t) => t.section)).toEqual(['Morning']);
  });
});

describe('inlineRest', () => {
  it.each([
    ['**Day 3:** Graphs **and** trees', 'Graphs **and** trees'],
    ['Day 3 (Feb 2): Kickoff', 'Kickoff'],
    ['Day 3 — Graphs', 'Graphs'],
    ['Day 3', ''],
  ])('%j → %j', (text, expected) => {
    expect(inlineRest(text, matchEntry(text)!)).toBe(expected);
  });
});
