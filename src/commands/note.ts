// `prep note [TEXT] [--day D] [--task N] [--plan ID]`, `--edit ID [TEXT]`, `--rm ID`: notes on plan
// days and tasks, kept as events in the study log (they travel with sync). No TEXT on a terminal
// opens $VISUAL / $EDITOR; an empty result saves nothing.
import { defineCommand } from '../app/define.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import type { Note } from '../log/fold-review.js';
import { findNote, noteText, shortIds } from '../review/notes.js';
import { noteTarget } from '../session/note-target.js';
import { openSession } from '../session/session.js';

export interface NoteOptions {
  text?: string[];
  day?: string;
  task?: string;
  plan?: string;
  edit?: string;
  rm?: string;
}

export interface NoteData {
  /** `empty`: the editor gave back nothing, so nothing was saved; `unchanged`: an edit to the same text. */
  action: 'added' | 'edited' | 'removed' | 'unchanged' | 'empty';
  note: (Note & { short: string; taskText?: string }) | null;
}

/** The note's text: the words given, else what the editor gives back (on a terminal only). */
function textOf(options: NoteOptions, ctx: Context, initial: string): string {
  const given = (options.text ?? []).join(' ');
  if (given.trim() !== '') return noteText(given);
  if (!ctx.interactive) throw new UsageError('no note text given', `Pass it as an argument: prep note ${options.edit ? `--edit ${options.edit} ` : ''}"TEXT" (an editor opens only on a terminal).`);
  if (!ctx.editor) throw new UsageError('no note text given, and neither $VISUAL nor $EDITOR names an editor', 'Pass the note as an argument: prep note "TEXT", or set EDITOR (export EDITOR=nano).');
  return noteText(ctx.editText(ctx.editor, initial));
}

const shortOf = (notes: readonly Note[], id: string) => shortIds(notes).get(id) ?? id;

export async function note(options: NoteOptions, ctx: Context): Promise<NoteData> {
  if (options.edit !== undefined && options.rm !== undefined) throw new UsageError('--edit and --rm cannot go together', 'Edit a note, or remove it: one at a time.');
  const changing = options.edit ?? options.rm;
  if (changing !== undefined && (options.day !== undefined || options.task !== undefined || options.plan !== undefined)) throw new UsageError(`--${options.edit !== undefined ? 'edit' : 'rm'} takes a note's id alone: the note stays on its day`, 'Remove it and add a new one on the other day.');
  const session = await openSession(ctx, 'record');
  const notes = session.state.review.notes;

  if (options.rm !== undefined) {
    if ((options.text ?? []).length > 0) throw new UsageError('--rm takes no text', `prep note --rm ${options.rm}`);
    const target = findNote(notes, options.rm);
    const short = shortOf(notes, target.id);
    await session.update((state) => (state.review.notes.some((n) => n.id === target.id) ? [{ kind: 'note-remove', date: session.today, note: target.id }] : false));
    return { action: 'removed', note: { ...target, short } };
  }

  if (options.edit !== undefined) {
    const target = findNote(notes, options.edit);
    const text = textOf(options, ctx, `${target.text}\n`);
    if (text === '') return { action: 'empty', note: { ...target, short: shortOf(notes, target.id) } };
    if (text === target.text) return { action: 'unchanged', note: { ...target, short: shortOf(notes, target.id) } };
    const { state } = await session.update((current) => {
      if (!current.review.notes.some((n) => n.id === target.id)) throw new UsageError(`the note ${options.edit} was removed meanwhile`, '`prep notes` lists the notes.');
      return [{ kind: 'note-edit', date: session.today, note: target.id, text }];
    });
    const edited = state.review.notes.find((n) => n.id === target.id) ?? { ...target, text, edited: session.today };
    return { action: 'edited', note: { ...edited, short: shortOf(state.review.notes, target.id) } };
  }

  const target = await noteTarget(session, options, ctx);
  const text = textOf(options, ctx, '');
  if (text === '') return { action: 'empty', note: null };
  const { state, appended } = await session.update(() => [{ kind: 'note', date: session.today, plan: target.plan.id, day: target.day, ...(target.task ? { task: target.task.id } : {}), text }]);
  const id = appended.find((event) => event.kind === 'note')?.id;
  const added = state.review.notes.find((n) => n.id === id);
  if (!added) throw new UsageError('the note was not recorded', 'Run the command again.');
  return { action: 'added', note: { ...added, short: shortOf(state.review.notes, added.id), ...(target.task ? { taskText: target.task.text } : {}) } };
}

export default defineCommand({
  name: 'note',
  summary: 'write a note on today\'s plan day (or --day, --task); no text on a terminal opens $VISUAL/$EDITOR',
  arguments: [{ syntax: '[text...]', description: 'the note; quote it, or leave it out to write it in your editor' }],
  options: [
    { flags: '--day <n>', description: 'on plan day N instead of today\'s' },
    { flags: '--task <n>', description: 'on task N of the day, as `prep today` numbers them' },
    { flags: '--plan <id>', description: 'on a day of another plan' },
    { flags: '--edit <id>', description: 'change the note with this id (`prep notes` shows ids)' },
    { flags: '--rm <id>', description: 'remove the note with this id' },
  ],
  examples: ['prep note "B-trees: page splits finally make sense"', 'prep note --task 2 "used the 4-step framework"', 'prep note --day 3', 'prep note --edit 3f2a "better words"', 'prep note --rm 3f2a'],
  run: (options: NoteOptions, ctx) => note(options, ctx),
  render: 'note',
});
