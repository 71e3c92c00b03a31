// Naming the plan on its own: --id and --title, else the file name, the title heading, the first line.
import { describe, expect, it } from 'vitest';
import { namePlan } from '../../../src/import/name.js';

const heading = { plain: 'Two-Day Warm-Up', text: '**Two-Day** Warm-Up' };

describe('namePlan', () => {
  it.each([
    ['the file name and the title heading', { titleHeading: heading, intro: ['Why.'] }, { sourceName: 'plans/My Plan.txt' }, { id: 'my-plan', title: 'Two-Day Warm-Up', intro: ['Why.'] }],
    ['the heading, with no file name', { titleHeading: heading, intro: [] }, {}, { id: 'two-day-warm-up', title: 'Two-Day Warm-Up', intro: [] }],
    ['--id and --title: the replaced heading stays, bold, atop the intro', { titleHeading: heading, intro: ['Why.'] }, { id: 'warm-up', title: 'Warm-up', sourceName: 'x.md' }, { id: 'warm-up', title: 'Warm-up', intro: ['**Two-Day Warm-Up**', '', 'Why.'] }],
    ['plain text: its first short line, which leaves the intro', { titleHeading: undefined, intro: ['', '\nBackend Refresher\n', 'Why.'] }, {}, { id: 'imported-plan', title: 'Backend Refresher', intro: ['', 'Why.'] }],
    ['a first line too long to be a title: the id', { titleHeading: undefined, intro: ['x'.repeat(101)] }, { sourceName: 'a.md' }, { id: 'a', title: 'a', intro: ['x'.repeat(101)] }],
  ])('%s', (_what, plan, options, expected) => {
    const intro = [...plan.intro];
    expect(namePlan(plan, options)).toEqual(expected);
    expect(plan.intro).toEqual(intro);
  });
});
