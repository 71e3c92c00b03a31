// The Anki export: the file headers Anki reads, one note a line (front, back, tags, GUID), fields
// escaped so that tabs, newlines, quotes and markup in the text never split or break a note.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ankiDeck, ankiTags } from '../../src/review/anki.js';
import { planCards, type ReviewCard } from '../../src/review/cards.js';
import { doneOn, reviewPlan } from '../support/review-plan.js';

const notes = [{ id: 'n1', plan: 't', day: 1, text: 'LSM <trees> & "B-trees"\n\tindented', date: '2026-03-01' }];
const cards = planCards(reviewPlan, { done: doneOn([1, 3, 4], '2026-03-04'), review: { notes, adds: [{ plan: 't', item: 'c.explain-cap', date: '2026-03-02' }], grades: {} } }).cards;

/** Records of a tab-separated file as Anki's reader splits them: a quoted field may hold tabs, newlines and doubled quotes. */
function readRecords(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === '\t' || char === '\n') {
      fields.push(field);
      field = '';
      if (char === '\n') {
        records.push(fields);
        fields = [];
      }
    } else field += char;
  }
  return records;
}

describe('the Anki export', () => {
  it('begins with the headers that tell Anki the separator, HTML and the tags and GUID columns', () => {
    expect(ankiDeck(cards).split('\n').slice(0, 4)).toEqual(['#separator:tab', '#html:true', '#tags column:3', '#guid column:4']);
    expect(ankiDeck(cards, { html: false }).split('\n')[1]).toBe('#html:false');
  });

  it('as HTML: one line a card, text escaped, line breaks as <br>, lists and web links as markup', () => {
    const lines = ankiDeck(cards).trimEnd().split('\n').slice(4);
    expect(lines).toHaveLength(3);
    const [front, back, tags, guid] = lines[0]!.split('\t');
    expect(front).toBe('Day 1: Storage<br><small>Week 1: Basics</small>');
    expect(back).toBe(
      '<ul><li>Read DDIA ch. 3<ul><li>B-trees and LSM trees</li><li><a href="https://dataintensive.net">DDIA</a></li></ul></li><li>Sketch an index</li></ul>' +
        '<p><b>Deliverable:</b> a one-page summary</p><p><b>Notes</b></p><ul><li>LSM &lt;trees&gt; &amp; &quot;B-trees&quot;<br>&#9;indented</li></ul>',
    );
    expect([tags, guid]).toEqual(['t t::Week_1:_Basics', 'prep:t:1']);
    expect(lines[2]!.split('\t')).toEqual(['Checklist 1: Explain CAP', '<p>Item 1 of the final checklist.</p>', 't t::Checklist', 'prep:t:c.explain-cap']);
  });

  it('as plain text: a field with a tab, a newline or a quote is quoted, and reads back as it was', () => {
    const text = ankiDeck(cards, { html: false });
    const records = readRecords(text).slice(4);
    expect(records.map((r) => r.length)).toEqual([4, 4, 4]);
    expect(records[0]![1]).toContain('- LSM <trees> & "B-trees"\n  \tindented');
    expect(records[1]).toEqual(['Days 3–4: Drills\nWeek 1: Basics', '- Practice queries\n- Mock interview', 't t::Week_1:_Basics', 'prep:t:3']);
  });

  it('whatever a title or note holds, each card stays one note of four fields (property)', () => {
    const base = cards[0]!;
    const awkward = fc.string({ unit: fc.constantFrom('a', ' ', '\t', '\n', '"', '#', '<', '&', 'é', '\u{1F680}'), maxLength: 12 });
    fc.assert(
      fc.property(awkward, awkward, fc.boolean(), (title, note, html) => {
        const card: ReviewCard = { ...base, front: { ...base.front, title: `${title}x`, group: `${note} g` }, back: { ...base.back, notes: [{ ...notes[0]!, text: note }] } };
        const text = ankiDeck([card], { html });
        const records = readRecords(text);
        expect(records).toHaveLength(5);
        expect(records[4]).toHaveLength(4);
        if (html) expect(text.split('\n')).toHaveLength(6);
        else expect(records[4]![0]).toBe(`${base.front.label}: ${title}x\n${note} g`);
        expect(records[4]![2]!.split(' ').every((t) => t !== '' && !/\s/.test(t))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('tags by the plan and its group, no white space inside one', () => {
    expect(ankiTags({ ...cards[0]!, plan: 'my plan', front: { ...cards[0]!.front, group: ' Week 2:  Big\tIdeas ' } })).toEqual(['my_plan', 'my_plan::Week_2:_Big_Ideas']);
  });
});
