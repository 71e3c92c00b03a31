// Settling each day on its own: what a day with no list schedules, and which days rest.
import { describe, expect, it } from 'vitest';
import type { DraftSpan } from '../../../src/import/draft.js';
import { settleDays, shortTitle } from '../../../src/import/settle.js';
import { draft, span } from '../../support/draft.js';

const settle = (s: DraftSpan) => {
  const plan = settleDays(draft([s]));
  const [out] = plan.spans;
  return { kind: out!.kind, title: out!.title, tasks: out!.tasks.map((t) => t.text), notes: out!.notes.map((n) => n.items.join(' · ')), unsure: plan.unsure.map((u) => u.reason) };
};

describe('settleDays', () => {
  it.each([
    ['a list: prose under it is notes', span(1, { tasks: ['Read'], prose: [{ text: 'Slowly.', line: 2 }] }), { kind: 'day', title: '', tasks: ['Read'], notes: ['Slowly.'], unsure: [] }],
    ['a rest title', span(1, { title: 'Rest', prose: [{ text: 'Walk.', line: 2 }] }), { kind: 'rest', title: 'Rest', tasks: [], notes: ['Walk.'], unsure: [] }],
    ['prose and no list: its lines are the tasks', span(1, { prose: [{ text: 'Read it.', line: 2 }, { text: 'Write.', line: 3 }] }), { kind: 'day', title: '', tasks: ['Read it.', 'Write.'], notes: [], unsure: ['no list under it: its 2 lines were taken as tasks'] }],
    ['only its line: that is its task, and a short title', span(1, { inline: 'Read the whole chapter on replication (slowly), then write a summary of it for later' }), { kind: 'day', title: 'Read the whole chapter on replication', tasks: ['Read the whole chapter on replication (slowly), then write a summary of it for later'], notes: [], unsure: [] }],
    ['only its line, on a weekday: the weekday stays in the title', span(6, { weekday: 'Saturday', title: 'Saturday: project', inline: 'project – build a queue' }), { kind: 'day', title: 'Saturday: project – build a queue', tasks: ['project – build a queue'], notes: [], unsure: [] }],
    ['only notes: they are its tasks', span(1, { notes: [{ label: 'Topics', items: ['CAP', 'PACELC'] }] }), { kind: 'day', title: '', tasks: ['CAP', 'PACELC'], notes: [], unsure: ['only notes under it: they were taken as tasks'] }],
    ['nothing at all: a rest day', span(1), { kind: 'rest', title: '', tasks: [], notes: [], unsure: ['nothing under it: made a rest day'] }],
    ['a week with nothing: its title is its task', span(1, { to: 7, kind: 'week', title: 'Patterns' }), { kind: 'week', title: 'Patterns', tasks: ['Patterns'], notes: [], unsure: ['nothing under it: its title was taken as its task'] }],
  ])('%s', (_what, input, expected) => {
    const before = structuredClone(input);
    expect(settle(input)).toEqual(expected);
    expect(input).toEqual(before);
  });

  it.each([
    ['Short enough', 'Short enough'],
    ['Read the whole chapter on replication (slowly), then write a summary of it for later', 'Read the whole chapter on replication'],
    ['Read the whole chapter on replication and partitioning and then write a summary of it', 'Read the whole chapter on replication and partitioning and…'],
  ])('shortTitle(%j)', (text, expected) => {
    expect(shortTitle(text)).toBe(expected);
  });
});
