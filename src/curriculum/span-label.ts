// How a span of a plan is named: on screen (`Day 5`, `Days 29–35`, `Week 2`) and, with `-`, in a
// curriculum file and its problems (`Days 29-35`). One function for every place that names one.

export function spanLabel(kind: string, from: number, to: number, dash: '–' | '-' = '–'): string {
  if (kind === 'week') return `Week ${Math.ceil(to / 7)}`;
  return from === to ? `Day ${from}` : `Days ${from}${dash}${to}`;
}
