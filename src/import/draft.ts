// The draft plan that the importer's stages pass along: plain data, which each stage reads and
// returns anew (src/import/import.ts runs them in order).
import type { Line } from './lines.js';

/** A line the importer guessed about, for the report. */
export interface Unsure {
  line: number;
  text: string;
  reason: string;
}

/** Source text kept where it stands: a source line (`raw`), or text already written as Markdown. */
export type Kept = { raw: string } | { markdown: string };

export interface DraftTask {
  text: string;
  details: string[];
  section: string | undefined;
  /** Inside a range, the one day the task is due (`Day 30: …`). */
  onlyDay?: number;
  line: number;
}

/** Notes of a day: a labelled run (`**Tips:** a · b`) or, with no label, paragraphs. */
export interface NoteBlock {
  label: string | undefined;
  items: string[];
}

export interface DraftSpan {
  kind: 'day' | 'range' | 'week' | 'rest';
  from: number;
  to: number;
  title: string;
  /** The text after `Day N:`: the title, or the task when nothing else is under it. */
  inline: string;
  /** The weekday as written (`Saturday`), for a day found by its weekday; else ''. */
  weekday: string;
  /** Index into the plan's groups. */
  group: number | undefined;
  tasks: DraftTask[];
  notes: NoteBlock[];
  /** Markdown paragraphs under the day: notes, unless the day has no list at all. */
  prose: { text: string; line: number }[];
  deliverables: string[];
  line: number;
  /** The source line that opened the span, as plain text: what the report quotes. */
  label: string;
}

/** A week or phase: a `##` heading over its days. */
export interface DraftGroup<Note = string> {
  title: string;
  notes: Note[];
  line: number;
  /** The week number when the group is `Week N`: its weekdays are that week's days. */
  week: number | undefined;
}

/** A notes section: text outside the schedule under a heading of its own. */
export interface DraftSection<Note = string> {
  title: string;
  lines: Note[];
  line: number;
}

export interface DraftChecklistItem {
  text: string;
  details: string[];
  line: number;
  /** Which of the source's checklists the item is from (0 for the first). */
  section: number;
}

export interface DraftChecklist {
  /** The headings of the source's checklists, as shown. */
  titles: string[];
  items: DraftChecklistItem[];
  /** Markdown lines under the checklists that are not items. */
  prose: string[];
}

/** The plan's first heading, when it names the plan: plain, and as written (a bold intro line if --title replaces it). */
export interface TitleHeading {
  plain: string;
  text: string;
}

/** What the scan of the schedule finds; the text it keeps is still as in the source. */
export interface ScannedPlan {
  /** Whether the source is Markdown (else plain text, nested by indentation). */
  markdown: boolean;
  /** The indentation step of the source, in columns. */
  unit: number;
  titleHeading: TitleHeading | undefined;
  intro: Kept[];
  groups: DraftGroup<Kept>[];
  sections: DraftSection<Kept>[];
  spans: DraftSpan[];
  /** Each checklist of the source, with its lines still to be read as items or prose. */
  checklists: { title: string; parts: (Kept | { line: Line })[] }[];
  unsure: Unsure[];
}

/** The plan once its checklist and notes are read: every kept text is Markdown. */
export interface DraftPlan {
  markdown: boolean;
  titleHeading: TitleHeading | undefined;
  intro: string[];
  groups: DraftGroup[];
  sections: DraftSection[];
  spans: DraftSpan[];
  checklist: DraftChecklist;
  unsure: Unsure[];
}

/** The plan once its days are settled: numbered from the start day, each day once, the gaps rest days. */
export interface ScheduledPlan extends DraftPlan {
  days: number;
  rest: number[];
}

/** Everything writeCurriculum needs. */
export interface CurriculumDraft extends ScheduledPlan {
  id: string;
  title: string;
  sourceName: string | undefined;
  /** The weekday of day 1 (0 for Monday), for a plan that names its days by weekday. */
  startsOn?: number | undefined;
}
