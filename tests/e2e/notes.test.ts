// Notes on plan days and tasks: added, listed newest first by day, edited, removed, searched; kept
// as events in the log and cleaned of control characters on the way in.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logFiles, logView, prep as run } from '../helpers.js';

describe('prep note and prep notes', () => {
  const home = mkdtempSync(join(tmpdir(), 'prep-notes-'));
  const prep = (...args: string[]) => run(args, { home });
  const idOf = (stdout: string) => /^Note (\S+) /.exec(stdout)![1]!;

  it('adds a note to today\'s plan day, to another day and to a task, and lists them newest first by day', () => {
    expect(prep('plan', 'switch', '6-week', '--start', '2026-03-02', '--date', '2026-03-02').status).toBe(0);
    const first = prep('note', 'B-trees: page splits', '--date', '2026-03-02');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Note \w{4,} added to 6-week · Day 1\.\n/);
    expect(prep('note', '--day', '5', 'read ahead', '--date', '2026-03-03').stdout).toContain('added to 6-week · Day 5.');
    expect(prep('note', '--task', '2', 'used', 'the', 'framework', '--date', '2026-03-03').stdout).toContain('added to 6-week · Day 2, task "');

    const listed = prep('notes', '--date', '2026-03-03').stdout;
    const order = ['6-week · Day 2', 'used the framework', '6-week · Day 5', 'read ahead', '6-week · Day 1: System Design Framework', 'B-trees: page splits'];
    expect(order.map((text) => listed.indexOf(text))).toEqual(order.map((text) => listed.indexOf(text)).sort((a, b) => a - b));
    expect(order.every((text) => listed.includes(text))).toBe(true);
    const json = JSON.parse(prep('notes', '--json').stdout) as { groups: { day: number; notes: { text: string; short: string; task?: string }[] }[] };
    expect(json.groups.map((group) => group.day)).toEqual([2, 5, 1]);
    expect(json.groups[0]!.notes[0]!.task).toMatch(/^d2\./);
    expect(listed).toContain(json.groups[2]!.notes[0]!.short);
  });

  it('--grep keeps the notes holding a word, case aside', () => {
    const found = prep('notes', '--grep', 'B-TREES').stdout;
    expect(found).toContain('B-trees: page splits');
    expect(found).not.toContain('read ahead');
    expect(prep('notes', '--grep', 'nothing-like-it').stdout).toBe('No notes hold "nothing-like-it".\n');
  });

  it('edits and removes a note by its short id; both are events in the log', () => {
    const id = idOf(prep('note', 'draft', '--date', '2026-03-03').stdout);
    const edited = prep('note', '--edit', id, 'final words', '--date', '2026-03-03');
    expect(edited.stdout).toContain(`Note ${id} on 6-week · Day 2 changed.`);
    expect(prep('notes').stdout).toMatch(/final words \(edited Tue 3 Mar 2026\)/);
    expect(prep('note', '--rm', id, '--date', '2026-03-03').stdout).toContain(`Note ${id} on 6-week · Day 2 removed.`);
    expect(prep('notes').stdout).not.toContain('final words');
    expect(logView(home).review.notes.map((note) => note.text)).not.toContain('final words');
    const kinds = Object.values(logFiles(home)).join('').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { kind: string }).kind);
    expect(kinds).toEqual(expect.arrayContaining(['note', 'note-edit', 'note-remove']));
  });

  it('cleans control characters out of a note, keeping its line breaks', () => {
    const id = idOf(prep('note', 'red \u001b[31mtext\u001b[0m\r\nline two\u0007', '--date', '2026-03-03').stdout);
    const note = logView(home).review.notes.find((candidate) => candidate.id.startsWith(id))!;
    expect(note.text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(note.text).toContain('\nline two');
    expect(prep('notes').stdout).not.toContain('\u001b');
  });

  it('without text and without a terminal, is exit 2 saying to pass TEXT, and writes nothing', () => {
    const before = logFiles(home);
    const refused = prep('note', '--date', '2026-03-03');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('prep: no note text given');
    expect(refused.stderr).toContain('prep note "TEXT"');
    expect(logFiles(home)).toEqual(before);
  });

  it('refuses an unknown id, a task that is not there, and a day outside the plan, with exit 2', () => {
    expect(prep('note', '--rm', 'zzzz').stderr).toContain('no note has the id "zzzz"');
    expect(prep('note', '--task', '99', 'x', '--date', '2026-03-03').stderr).toContain('has no task 99');
    expect(prep('note', '--day', '99', 'x', '--date', '2026-03-03').status).toBe(2);
    expect(prep('note', '--plan', '90-day', 'x', '--date', '2026-03-03').stderr).toContain('90-day was never started');
    expect(prep('note', '--plan', '90-day', '--day', '3', 'on another plan', '--date', '2026-03-03').stdout).toContain('added to 90-day · Day 3.');
  });
});

describe('notes where the day is shown', () => {
  const home = mkdtempSync(join(tmpdir(), 'prep-notes-shown-'));
  const prep = (...args: string[]) => run(args, { home });

  it('today lists the day\'s notes, by task number, in its JSON too; with many, their count', () => {
    expect(prep('plan', 'switch', '6-week', '--start', '2026-03-02', '--date', '2026-03-02').status).toBe(0);
    prep('note', 'first thought', '--date', '2026-03-02');
    prep('note', '--task', '3', 'shortener done twice', '--date', '2026-03-02');
    const page = prep('today', '--date', '2026-03-02').stdout;
    expect(page).toContain('Your notes\n  - first thought\n  - task 3: shortener done twice\n');
    const json = JSON.parse(prep('today', '--json', '--date', '2026-03-02').stdout) as { dayNotes: { text: string; task: number | null; short: string }[] };
    expect(json.dayNotes.map((note) => [note.task, note.text])).toEqual([[null, 'first thought'], [3, 'shortener done twice']]);
    expect(prep('today', '--date', '2026-03-03').stdout).not.toContain('Your notes');
    prep('note', 'third', '--date', '2026-03-02');
    prep('note', 'fourth', '--date', '2026-03-02');
    const many = prep('today', '--date', '2026-03-02').stdout;
    expect(many).toContain('4 notes on this day · `prep notes`');
    expect(many).not.toContain('first thought');
  });

  it('plan show marks the days with notes, and its JSON counts them', () => {
    const outline = prep('plan', 'show').stdout.split('\n');
    expect(outline.find((line) => line.includes('Day 1 '))).toMatch(/✎ 4$/);
    expect(outline.find((line) => line.includes('Day 2 '))).not.toContain('✎');
    const json = JSON.parse(prep('plan', 'show', '--json').stdout) as { schedule: { day: number; notes: number }[] };
    expect(json.schedule.slice(0, 2).map((day) => day.notes)).toEqual([4, 0]);
  });

  it('the calendar\'s description and the JSON backup carry them', () => {
    const calendar = prep('export', '--ics', '--date', '2026-03-02').stdout.replace(/\r\n /g, '');
    const day1 = calendar.split('BEGIN:VEVENT')[1]!;
    expect(day1).toContain('\\nNotes:\\n- first thought\\n- shortener done twice');
    expect(calendar.split('BEGIN:VEVENT')[2]).not.toContain('Notes:');
    const backup = JSON.parse(prep('export', '--json').stdout) as { events: { kind: string; text?: string }[] };
    expect(backup.events.filter((event) => event.kind === 'note').map((event) => event.text)).toEqual(['first thought', 'shortener done twice', 'third', 'fourth']);
  });
});
