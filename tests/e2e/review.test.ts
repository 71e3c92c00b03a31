// Spaced review without the review screen: finished days become cards, due the next day; `review
// --json` lists them, `review grade` grades one (a review counts as study for the streak), `review
// add` makes a card of any day or checklist item, and today says how many are due.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logFiles, prep as run, ROOT } from '../helpers.js';

interface Due {
  id: string;
  plan: string;
  day: number | null;
  front: string;
  back: string;
  due: string;
}

describe('prep review without a terminal', () => {
  const home = mkdtempSync(join(tmpdir(), 'prep-review-'));
  const prep = (...args: string[]) => run(args, { home });
  const due = (date: string) => JSON.parse(prep('review', '--json', '--date', date).stdout) as Due[];

  it('says none are due before any day is finished', () => {
    expect(prep('plan', 'switch', '6-week', '--start', '2026-03-02', '--date', '2026-03-02').status).toBe(0);
    const none = prep('review', '--date', '2026-03-02');
    expect(none.status).toBe(0);
    expect(none.stdout).toBe('No reviews due today.\n');
    expect(due('2026-03-02')).toEqual([]);
  });

  it('makes a finished day a card due the next day, with its tasks, deliverable and notes on the back', () => {
    prep('done', '--all', '--date', '2026-03-02');
    prep('note', 'sharding by tenant', '--date', '2026-03-02');
    expect(due('2026-03-02')).toEqual([]);
    expect(prep('review', '--date', '2026-03-02').stdout).toBe('No reviews due today.\nNext review: Tue 3 Mar 2026.\n');
    const [card, ...rest] = due('2026-03-03');
    expect(rest).toEqual([]);
    expect(card).toMatchObject({ id: '6-week:1', plan: '6-week', day: 1, front: 'Day 1: System Design Framework\nWeek 1: System Design Foundation', due: '2026-03-03' });
    expect(card!.back).toContain('- Practice: Design a URL shortener (without looking at solutions)');
    expect(card!.back).toContain('Deliverable: System design framework memorized');
    expect(card!.back).toContain('Notes:\n- sharding by tenant');
    const count = prep('review', '--date', '2026-03-03');
    expect(count.status).toBe(0);
    expect(count.stdout).toMatch(/^1 review due today\.\n`prep review` on a terminal shows them/);
  });

  it('today says how many reviews are due, in its JSON too', () => {
    expect(prep('today', '--date', '2026-03-03').stdout).toContain('\n1 review due · `prep review`\n');
    expect(JSON.parse(prep('today', '--json', '--date', '2026-03-03').stdout).reviews).toEqual({ due: 1, held: 0 });
    expect(prep('today', '--date', '2026-03-02').stdout).not.toContain('review due');
  });

  it('grades a card with review grade: the review counts as study, and Good sends it days ahead', () => {
    expect(prep('stats', '--json', '--date', '2026-03-03').stdout).toContain('"current": 1');
    const graded = prep('review', 'grade', '6-week:1', 'good', '--date', '2026-03-03');
    expect(graded.status, graded.stderr).toBe(0);
    expect(graded.stdout).toMatch(/^Graded 6-week:1 \(Day 1: System Design Framework\) good: next review \w{3} \d+ Mar 2026 \(in \d+ days\)\.\nNo more reviews due today\.\n$/);
    expect(due('2026-03-03')).toEqual([]);
    const today = JSON.parse(prep('today', '--json', '--date', '2026-03-03').stdout) as { streak: { current: number; atRisk: boolean } };
    expect(today.streak).toMatchObject({ current: 2, atRisk: false });
    const line = Object.values(logFiles(home)).join('').split('\n').filter(Boolean).map((text) => JSON.parse(text) as Record<string, unknown>).find((event) => event.kind === 'grade');
    expect(line).toMatchObject({ kind: 'grade', card: '6-week:1', rating: 'good', date: '2026-03-03' });
  });

  it('refuses a card that is not one, a grade that is not one, and a future date, with exit 2 and nothing written', () => {
    const before = logFiles(home);
    const noCard = prep('review', 'grade', '6-week:9', 'good', '--date', '2026-03-03');
    expect([noCard.status, noCard.stderr]).toEqual([2, expect.stringContaining('prep: no review card has the id "6-week:9"')]);
    const noGrade = prep('review', 'grade', '6-week:1', 'great', '--date', '2026-03-03');
    expect([noGrade.status, noGrade.stderr]).toEqual([2, expect.stringContaining('"great" is not a grade')]);
    expect(prep('review', 'grade', '6-week:1', 'good', '--date', '2099-01-01').status).toBe(2);
    expect(logFiles(home)).toEqual(before);
  });

  it('makes a day with a review a study day: no rest day on it', () => {
    const refused = prep('rest', '--date', '2026-03-03');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('prep: you studied on 2026-03-03');
  });

  it('adds any day and a checklist item as cards due at once; adding one twice changes nothing', () => {
    expect(prep('review', 'add', '--day', '10', '--date', '2026-03-03').stdout).toMatch(/^Added the review card 6-week:10 \(Day 10: [^)]+\): it is due today\./);
    expect(prep('review', 'add', '--checklist', '2', '--date', '2026-03-03').stdout).toContain('Added the review card 6-week:c.');
    const before = logFiles(home);
    expect(prep('review', 'add', '--day', '10', '--date', '2026-03-03').stdout).toContain('is a review card already');
    expect(logFiles(home)).toEqual(before);
    expect(due('2026-03-03').map((card) => card.id)).toEqual(['6-week:10', expect.stringMatching(/^6-week:c\./)]);
    expect(prep('review', 'add', '--date', '2026-03-03').status).toBe(2);
    expect(prep('review', 'add', '--checklist', '99', '--date', '2026-03-03').stderr).toContain('has no checklist item 99');
  });

  it('the daily limit holds back what is over it, and says so', () => {
    expect(prep('config', 'set', 'review-limit', '1').status).toBe(0);
    expect(due('2026-03-03')).toHaveLength(0); // one card was reviewed today already: the limit is used up
    expect(due('2026-03-04').map((card) => card.id)).toEqual(['6-week:10']);
    const count = prep('review', '--date', '2026-03-04').stdout;
    expect(count).toContain('1 review due today.\n1 more card due, kept for the coming days by the daily limit.');
    expect(JSON.parse(prep('today', '--json', '--date', '2026-03-04').stdout).reviews).toEqual({ due: 1, held: 1 });
  });

  it('stats counts the reviews done, the cards by state, and the retention of the last 30 days', () => {
    prep('review', 'grade', '6-week:10', 'again', '--date', '2026-03-04');
    const report = JSON.parse(prep('stats', '--json', '--date', '2026-03-04').stdout) as { reviews: unknown };
    expect(report.reviews).toEqual({ reviews: 2, today: 1, cards: { new: 1, learning: 1, review: 1, relearning: 0 }, retention: { reviews: 2, rate: 0.5 } });
    expect(prep('stats', '--date', '2026-03-04').stdout).toContain('Reviews   2 done (1 today) · retention 50% over the last 30 days (2 reviews)\nCards     1 new, 1 learning, 1 review, 0 relearning\n');
  });

  it('exports every card in Anki\'s text format, to a new file with -o', () => {
    const file = join(home, 'deck.txt');
    const written = prep('review', 'export', '-o', file);
    expect(written.status, written.stderr).toBe(0);
    expect(written.stderr).toContain('Wrote 3 cards to');
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.slice(0, 4)).toEqual(['#separator:tab', '#html:true', '#tags column:3', '#guid column:4']);
    expect(lines[4]!.split('\t').slice(2)).toEqual(['6-week 6-week::Week_1:_System_Design_Foundation', 'prep:6-week:1']);
    expect(prep('review', 'export', '-o', file).status).toBe(2);
    expect(prep('review', 'export', '--plain').stdout).toMatch(/^#separator:tab\n#html:false\n/);
  });
});

describe('the prompt\'s {reviews}', () => {
  const home = mkdtempSync(join(tmpdir(), 'prep-review-prompt-'));
  const prep = (...args: string[]) => run(args, { home });

  it('counts today\'s due reviews from what each change wrote, without the scheduler in the prompt\'s bundle', () => {
    prep('plan', 'switch', '6-week', '--start', '2026-03-02', '--date', '2026-03-02');
    expect(prep('prompt', '--format', 'r{reviews}', '--date', '2026-03-02').stdout).toBe('r0\n');
    prep('done', '--all', '--date', '2026-03-02');
    prep('done', '--all', '--date', '2026-03-03');
    expect(prep('prompt', '--format', 'r{reviews}', '--date', '2026-03-02').stdout).toBe('r0\n');
    expect(prep('prompt', '--format', 'r{reviews}', '--date', '2026-03-04').stdout).toBe('r2\n');
    prep('review', 'grade', '6-week:1', 'good', '--date', '2026-03-04');
    expect(prep('prompt', '--format', 'r{reviews}', '--date', '2026-03-04').stdout).toBe('r1\n');
    prep('config', 'set', 'review-limit', '1');
    expect(prep('prompt', '--format', 'r{reviews}', '--date', '2026-03-04').stdout).toBe('r0\n'); // the one of today is used up
    // FSRS stays out of `prep prompt`: its options are nowhere in the start's bundle (which holds the prompt) or the prompt's own.
    for (const bundle of ['boot.cjs', 'prompt-compute.cjs']) expect(readFileSync(join(ROOT, 'dist', bundle), 'utf8'), bundle).not.toContain('request_retention');
    expect(readFileSync(join(ROOT, 'dist', 'main.cjs'), 'utf8')).toContain('request_retention');
  });
});
