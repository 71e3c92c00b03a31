// The typed shape of a curriculum, as parsed from its Markdown file.
import type { HoursStatement } from './hours.js';

export interface Problem {
  severity: 'error' | 'warning';
  line: number; // 1-based
  col: number; // 1-based
  message: string;
}

export interface Link {
  text: string;
  url: string;
}

export interface Task {
  /** Stable across edits that do not change the task's own words: completions are keyed by it. */
  id: string;
  text: string;
  /** The label the task sits under, such as "Morning (2 hours)". */
  section?: string;
  /** Nested list items and follow-up paragraphs: part of the task, not tasks of their own. */
  details: string[];
  links: Link[];
  /** Inside a `Days N-M` range, an item written `Day 30: …` is due on that day only. */
  onlyDay?: number;
  line: number;
}

/**
 * What one heading schedules:
 * - `day`: `Day N`;
 * - `range`: `Days N-M`, every task due on every day of it;
 * - `week`: `Week N` with tasks of its own, each due once during days 7N-6..7N;
 * - `rest`: a day heading with no tasks, or a day listed in front matter `rest:`.
 */
export type SpanKind = 'day' | 'range' | 'week' | 'rest';

export interface Span {
  kind: SpanKind;
  from: number;
  to: number;
  title: string;
  group?: string;
  tasks: Task[];
  deliverable?: string;
  notes: string[];
  line: number;
  col: number;
}

export interface Group {
  title: string;
  /** Prose, milestones and lists written under the group heading before its first day. */
  notes: string[];
  line: number;
}

export interface ChecklistItem {
  n: number;
  id: string;
  text: string;
  line: number;
}

/** A section that schedules nothing (resources, study tips): kept so that nothing is lost. */
export interface NoteSection {
  title: string;
  markdown: string;
  line: number;
}

/** What the front matter says of a plan. */
export interface PlanFields {
  id: string;
  title: string;
  days: number;
  summary: string;
  rest: number[];
  /** The hours a plan day takes, as the front matter's `hours:` states them. */
  hours?: HoursStatement;
  /** The weekday of day 1 (`starts-on:`), 0 for Monday … 6 for Sunday: the plan's weeks run on the calendar's. */
  startsOn?: number;
}

export interface Plan extends PlanFields {
  intro: string;
  groups: Group[];
  spans: Span[];
  checklist: ChecklistItem[];
  sections: NoteSection[];
  /** Line of a front-matter key, so later checks can point at it. */
  keyLines: Record<string, number>;
  /** Each day's effort in hours (effort.ts), worked out by the parser and cached with the plan. */
  effort: PlanEffort;
}

// Each plan day's effort in hours, as src/curriculum/effort.ts reads it from the plan's words.
export type EffortSource = 'day' | 'sections' | 'front-matter' | 'plan' | 'equal';

export interface DayEffort {
  day: number;
  /** Hours of the day; 0 for a rest day; a seventh of its week for a week-level span. */
  hours: number;
  source: EffortSource;
  /** A weekend day of the plan: Saturday or Sunday by `starts-on`, else titled "Weekend". */
  weekend: boolean;
  /** Hours of each of the day's tasks, in the order the day lists them (a week task: its hours for the whole week). */
  tasks: number[];
}

export interface PlanEffort {
  days: DayEffort[];
  /** The daily time the plan states (front matter, else intro), if it states one. */
  statement: HoursStatement | undefined;
  /** Hours of the whole plan. */
  total: number;
}
