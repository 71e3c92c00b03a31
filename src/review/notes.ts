// Notes as `prep notes` lists them and `prep note --edit/--rm` finds them: newest first, grouped by
// plan day, filtered by a word; short ids that a unique prefix finds. Pure.
import { cleanLine } from '../curriculum/text.js';
import { UsageError } from '../errors.js';
import type { Note } from '../log/fold-review.js';

export { noteText } from '../log/fold-review.js';

/** Short ids are at least this long: four letters and digits tell a few hundred notes apart. */
export const SHORT_ID = 4;

/** Each note's short id: the shortest start of its id, at least SHORT_ID long, that no other note's id begins with. */
export function shortIds(notes: readonly Pick<Note, 'id'>[]): Map<string, string> {
  const ids = [...new Set(notes.map((note) => note.id))].sort();
  const shared = (a: string, b: string) => {
    let n = 0;
    while (n < a.length && n < b.length && a[n] === b[n]) n++;
    return n;
  };
  const short = new Map<string, string>();
  // Sorted, an id shares its longest start with a neighbour: one past that tells it apart.
  ids.forEach((id, i) => {
    const longest = Math.max(i > 0 ? shared(id, ids[i - 1]!) : 0, i + 1 < ids.length ? shared(id, ids[i + 1]!) : 0);
    short.set(id, id.slice(0, Math.max(SHORT_ID, longest + 1)));
  });
  return short;
}

/** The note whose id begins with `prefix` (its short id, or more of it), or a UsageError naming what to use. */
export function findNote(notes: readonly Note[], prefix: string): Note {
  const wanted = cleanLine(prefix).toLowerCase();
  const exact = notes.find((note) => note.id.toLowerCase() === wanted);
  if (exact) return exact;
  const matches = wanted === '' ? [] : notes.filter((note) => note.id.toLowerCase().startsWith(wanted));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new UsageError(`no note has the id ${JSON.stringify(wanted)}`, '`prep notes` lists the notes with their ids.');
  const short = shortIds(notes);
  throw new UsageError(`${matches.length} notes have ids beginning with ${JSON.stringify(wanted)}: ${matches.map((note) => short.get(note.id)).sort().join(', ')}`, 'Give more of the id.');
}

export interface NotesFilter {
  plan?: string;
  /** A word (or words) each listed note must hold, case aside. */
  grep?: string;
}

export interface ListedNote extends Note {
  short: string;
}

export interface NoteGroup {
  plan: string;
  day: number;
  /** Newest first. */
  notes: ListedNote[];
}

/** The notes that pass `filter`, newest first, grouped by plan day (the group of the newest note first). */
export function notesByDay(notes: readonly Note[], filter: NotesFilter = {}): NoteGroup[] {
  const short = shortIds(notes);
  const word = filter.grep === undefined ? '' : cleanLine(filter.grep).toLowerCase();
  const groups = new Map<string, NoteGroup>();
  // The view holds notes oldest first (by the stamp of their adding): newest first is that reversed.
  for (const note of [...notes].reverse()) {
    if (filter.plan !== undefined && note.plan !== filter.plan) continue;
    if (word !== '' && !note.text.toLowerCase().includes(word)) continue;
    const key = `${note.plan}\u0000${note.day}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { plan: note.plan, day: note.day, notes: [] }));
    group.notes.push({ ...note, short: short.get(note.id)! });
  }
  return [...groups.values()];
}

/** How many notes a plan day has (on the day or its tasks). */
export function noteCount(notes: readonly Note[], plan: string, day: number): number {
  return notes.filter((note) => note.plan === plan && note.day === day).length;
}

/** A plan's days with notes, and how many each has: for marks on `prep plan show`. */
export function noteCounts(notes: readonly Note[], plan: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (const note of notes) if (note.plan === plan) counts.set(note.day, (counts.get(note.day) ?? 0) + 1);
  return counts;
}

/** A note as `prep today` shows it: on the day, or on one of its tasks by the task's number. */
export interface DayNote {
  id: string;
  short: string;
  /** The number of the task it is on (as `prep today` numbers them); null for a note on the day, or on a task no longer in it. */
  task: number | null;
  text: string;
  date: string;
}

/** The notes on a plan day, oldest first, with their short ids and task numbers. */
export function dayNotes(notes: readonly Note[], plan: string, day: number, tasks: readonly { n: number; id: string }[]): DayNote[] {
  const short = shortIds(notes);
  return notes
    .filter((note) => note.plan === plan && note.day === day)
    .map((note) => ({ id: note.id, short: short.get(note.id)!, task: note.task === undefined ? null : (tasks.find((task) => task.id === note.task)?.n ?? null), text: note.text, date: note.date }));
}

/** A plan's notes by plan day, oldest first: what the calendar's descriptions carry. */
export function notesByPlanDay(notes: readonly Note[], plan: string): Map<number, string[]> {
  const byDay = new Map<number, string[]>();
  for (const note of notes) if (note.plan === plan) byDay.set(note.day, [...(byDay.get(note.day) ?? []), note.text]);
  return byDay;
}
