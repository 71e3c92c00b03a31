// `prep notes`: notes newest first under their plan day, each with its short id and date, a
// note's own line breaks kept and every line wrapped under its text.
import { spanLabel } from '../curriculum/span-label.js';
import type { NoteGroup } from '../review/notes.js';
import { humanDate } from './dates.js';
import type { NoteData } from '../commands/note.js';
import { displayWidth, message, padEnd, wrapLines, wrapText } from './layout.js';
import { type RenderOptions } from './style.js';

export interface NotesList {
  groups: (NoteGroup & {
    /** The day's title in its plan, when the plan still has the day. */
    title?: string;
    /** The words of the tasks the notes are on, by completion key. */
    tasks?: Record<string, string>;
  })[];
  /** The word the list was filtered by. */
  grep?: string;
}

export function renderNotes(list: NotesList, { style, wrapAt }: RenderOptions): string {
  if (list.groups.length === 0) {
    const none = list.grep === undefined ? 'No notes yet. `prep note TEXT` adds one to today\'s plan day.' : `No notes hold "${list.grep}".`;
    return `${wrapLines(none, wrapAt).join('\n')}\n`;
  }
  const idWidth = Math.max(...list.groups.flatMap((group) => group.notes.map((note) => displayWidth(note.short))));
  const dateWidth = Math.max(...list.groups.flatMap((group) => group.notes.map((note) => displayWidth(humanDate(note.date)))));
  const lines: string[] = [];
  for (const group of list.groups) {
    if (lines.length > 0) lines.push('');
    lines.push(...wrapText(`${group.plan} · ${spanLabel('day', group.day, group.day)}${group.title ? `: ${group.title}` : ''}`, wrapAt).map((line) => style.bold(line)));
    for (const note of group.notes) {
      const prefix = `  ${style.yellow(padEnd(note.short, idWidth))}  ${style.dim(padEnd(humanDate(note.date), dateWidth))}  `;
      const indent = ' '.repeat(displayWidth(prefix));
      const task = note.task === undefined ? '' : `${style.dim(`${group.tasks?.[note.task] ?? note.task}:`)} `;
      const edited = note.edited === undefined ? '' : style.dim(` (edited ${humanDate(note.edited)})`);
      const [first = '', ...rest] = note.text.split('\n');
      lines.push(...wrapText(`${task}${first}${rest.length === 0 ? edited : ''}`, wrapAt, { prefix, indent }));
      rest.forEach((line, index) => {
        const text = `${line}${index === rest.length - 1 ? edited : ''}`;
        lines.push(...(text === '' ? [''] : wrapText(text, wrapAt, { prefix: indent })));
      });
    }
  }
  return `${lines.join('\n')}\n`;
}

/** What `prep note` says it did: the note's id, where it is, and how to change it. */
export function renderNote(data: NoteData, { style, wrapAt }: RenderOptions): string {
  const { note } = data;
  if (data.action === 'empty' || note === null) return message([data.action === 'empty' && note ? `The note ${note.short} is unchanged: the editor gave back no text.` : 'Nothing saved: the note was empty.'], wrapAt);
  const where = `${note.plan} · ${spanLabel('day', note.day, note.day)}${note.taskText ? `, task "${note.taskText}"` : ''}`;
  const head = {
    added: `Note ${style.yellow(note.short)} added to ${where}.`,
    edited: `Note ${style.yellow(note.short)} on ${where} changed.`,
    unchanged: `Note ${style.yellow(note.short)} already says that.`,
    removed: `Note ${style.yellow(note.short)} on ${where} removed.`,
  }[data.action];
  const hint = data.action === 'added' ? style.dim(`\`prep notes\` lists your notes; \`prep note --edit ${note.short}\` changes this one.`) : undefined;
  return message(hint ? [head, hint] : [head], wrapAt);
}
