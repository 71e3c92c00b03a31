// Draft plans built by hand, for testing one importer stage at a time: each stage takes plain data.
import type { DraftPlan, DraftSpan, DraftTask } from '../../src/import/draft.js';

export function task(text: string, more: Partial<DraftTask> = {}): DraftTask {
  return { text, details: [], section: undefined, line: 1, ...more };
}

/** A day (or `from`-`to` range) with the given tasks, opened on `line`. */
export function span(from: number, more: Partial<Omit<DraftSpan, 'tasks'>> & { tasks?: (string | DraftTask)[] } = {}): DraftSpan {
  const { tasks = [], ...rest } = more;
  const to = rest.to ?? from;
  return {
    kind: from === to ? 'day' : 'range',
    from,
    to,
    title: '',
    inline: '',
    weekday: '',
    group: undefined,
    notes: [],
    prose: [],
    deliverables: [],
    line: 1,
    label: from === to ? `Day ${from}` : `Days ${from}-${to}`,
    ...rest,
    tasks: tasks.map((t) => (typeof t === 'string' ? task(t) : t)),
  };
}

export function draft(spans: DraftSpan[], more: Partial<DraftPlan> = {}): DraftPlan {
  return { markdown: true, titleHeading: undefined, intro: [], groups: [], sections: [], spans, checklist: { titles: [], items: [], prose: [] }, unsure: [], ...more };
}
