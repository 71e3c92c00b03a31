// `prep notes [--plan ID] [--grep WORD]`: every note, newest first, grouped by plan day, each with
// its short id (what `prep note --edit/--rm` take).
import { defineCommand } from '../app/define.js';
import type { Context } from '../context.js';
import { cleanLine } from '../curriculum/text.js';
import { notesByDay } from '../review/notes.js';
import type { NotesList } from '../render/notes.js';
import { planDays } from '../schedule/plan-days.js';
import { findPlan } from '../session/session.js';

export async function notes(options: { plan?: string; grep?: string }, ctx: Context): Promise<NotesList> {
  const all = ctx.store.read()?.review.notes ?? [];
  const plan = options.plan === undefined ? undefined : (await findPlan(options.plan, ctx)).id;
  const groups = notesByDay(all, { ...(plan === undefined ? {} : { plan }), ...(options.grep === undefined ? {} : { grep: options.grep }) });
  // Titles and task words from the plans the notes are on; a plan that is gone leaves them out.
  const daysOf = new Map<string, Awaited<ReturnType<typeof findPlan>> | null>();
  const listed: NotesList['groups'] = [];
  for (const group of groups) {
    if (!daysOf.has(group.plan)) daysOf.set(group.plan, await findPlan(group.plan, ctx).catch(() => null));
    const found = daysOf.get(group.plan);
    const entry = found ? planDays(found)[group.day - 1] : undefined;
    const tasks: Record<string, string> = {};
    for (const note of group.notes) {
      const task = note.task === undefined ? undefined : entry?.tasks.find((candidate) => candidate.id === note.task);
      if (task) tasks[note.task!] = task.text;
    }
    listed.push({ ...group, ...(entry?.title ? { title: entry.title } : {}), ...(Object.keys(tasks).length > 0 ? { tasks } : {}) });
  }
  return { groups: listed, ...(options.grep === undefined ? {} : { grep: cleanLine(options.grep) }) };
}

export default defineCommand({
  name: 'notes',
  summary: 'your notes, newest first, grouped by plan day',
  options: [
    { flags: '--plan <id>', description: 'only the notes on this plan' },
    { flags: '--grep <word>', description: 'only the notes holding this word (case aside)' },
  ],
  examples: ['prep notes', 'prep notes --grep b-tree', 'prep notes --plan 90-day --json'],
  run: (options: { plan?: string; grep?: string }, ctx) => notes(options, ctx),
  render: 'notes',
});
