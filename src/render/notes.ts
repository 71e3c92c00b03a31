// `prep notes`: notes newest first under their plan day, each with its short id and date, a
// note's own line breaks kept and every line wrapped under its text.
import { spanLabel } from '../curriculum/span-label.js';
import type { NoteGroup } from '../review/notes.js';
import { humanDate } from './dates.js';
import { displayWidth, padEnd, wrapLines, wrapText } from './layout.js';
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
