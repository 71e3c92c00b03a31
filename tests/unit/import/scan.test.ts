// The scan for the schedule on its own: which spans, groups, sections and checklists a source has,
// and where the text around them is kept.
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/import/document.js';
import type { ScannedPlan } from '../../../src/import/draft.js';
import { scanSchedule } from '../../../src/import/scan.js';

const scan = (text: string) => scanSchedule(readDocument(text));
const spans = (plan: ScannedPlan) => plan.spans.map((s) => [s.kind, s.from, s.to, s.title, s.group, s.tasks.map((t) => t.text)]);

describe('scanSchedule', () => {
  it.each([
    ['Day N headings', '### Day 1: Read\n- a\n### Day 2\n- b\n', [['day', 1, 1, 'Read', undefined, ['a']], ['day', 2, 2, '', undefined, ['b']]]],
    ['ranges in bold items, the day inside one due once', '- **Days 1-3:** Basics\n  - theory\n  - Day 2: Quiz\n', [['range', 1, 3, 'Basics', undefined, ['theory', 'Quiz']]]],
    ['plain Day lines with indented tasks', 'Day 1 (Feb 2): Start\n    Read\n    Write\nDay 2\n    Rest up\n', [['day', 1, 1, 'Start (Feb 2)', undefined, ['Read', 'Write']], ['day', 2, 2, '', undefined, ['Rest up']]]],
    ['weekdays, numbered into weeks by their order', '## Monday\n- a\n## Friday\n- b\n## Tuesday\n- c\n', [['day', 1, 1, 'Monday', undefined, ['a']], ['day', 5, 5, 'Friday', undefined, ['b']], ['day', 9, 9, 'Tuesday', undefined, ['c']]]],
    ['weekdays in a Week N group', '## Week 3\n### Wednesday: Trees\n- a\n', [['day', 17, 17, 'Wednesday: Trees', 0, ['a']]]],
    ['a week with no days under it: a span of its own', '## Week 2: Patterns\n- Read\n', [['week', 8, 14, 'Patterns', undefined, ['Read']]]],
    ['a day table', '| Day | Topic |\n|---|---|\n| 1 | Arrays |\n| 2 | Lists |\n', [['day', 1, 1, 'Arrays', undefined, []], ['day', 2, 2, 'Lists', undefined, []]]],
  ])('finds %s', (_what, text, expected) => {
    expect(spans(scan(text))).toEqual(expected);
  });

  it('keeps the title heading apart, the intro before the schedule, group notes, and sections after it', () => {
    const plan = scan('# Plan\n\nWhy this plan.\n\n## Phase 1\n\n**Focus:** basics\n\n### Day 1\n- Read\n\n## Resources\n- a book\n');
    expect(plan.titleHeading).toEqual({ plain: 'Plan', text: 'Plan' });
    expect(plan.intro).toEqual([{ raw: '' }, { raw: 'Why this plan.' }, { raw: '' }]);
    expect(plan.groups).toEqual([{ title: 'Phase 1', notes: [{ raw: '' }, { raw: '**Focus:** basics' }, { raw: '' }], line: 5, week: undefined }]);
    expect(plan.sections).toEqual([{ title: 'Resources', lines: [{ raw: '- a book' }, { raw: '' }], line: 12 }]);
  });

  it('ends a day at a checklist heading or label and keeps the checklist\'s lines for the next stage', () => {
    const plan = scan('### Day 1\n- Read\n**Before the interview**:\n- [ ] Sleep\n  - eight hours\n\n## Checklist\nBring water.\n');
    expect(spans(plan)).toEqual([['day', 1, 1, '', undefined, ['Read']]]);
    expect(plan.checklists.map((c) => [c.title, c.parts.map((p) => ('line' in p ? `line ${p.line.no}` : 'raw' in p ? `raw ${p.raw}` : `md ${p.markdown}`))])).toEqual([
      ['Before the interview', ['line 4', 'line 5', 'raw ']],
      ['Checklist', ['line 8', 'raw ']],
    ]);
  });

  it('keeps code in a day as a note, and a table row without a day as a note it reports', () => {
    const plan = scan('### Day 1\n- Read\n```\ncode\n```\n\n| Day | Topic |\n|---|---|\n| 2 | Lists |\n| soon | More |\n');
    expect(plan.spans[0]!.notes).toEqual([{ label: undefined, items: ['```\ncode\n```'] }]);
    expect(plan.unsure).toEqual([{ line: 10, text: '| soon | More |', reason: 'a table row without a day number: kept as a note' }]);
    expect(plan.intro).toContainEqual({ markdown: '| soon | More |' });
  });

  it('says whether the source is Markdown and its indentation step, for the next stage', () => {
    expect(scan('Day 1\n    Read\n')).toMatchObject({ markdown: false, unit: 4 });
    expect(scan('# Plan\n### Day 1\n- Read\n')).toMatchObject({ markdown: true });
  });
});
