// Calendar export and backup/restore, as a user would run them: the calendar read back with a real
// iCalendar parser (ical.js), the backup merged and put back over later changes, damaged backups refused.
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { logFiles, logView, prep as run } from '../helpers.js';

const newHome = (name: string) => mkdtempSync(join(tmpdir(), `prep-${name}-`));
const octets = (line: string) => Buffer.byteLength(line, 'utf8');

function events(text: string) {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((vevent) => ({
    uid: String(vevent.getFirstPropertyValue('uid')),
    start: String(vevent.getFirstPropertyValue('dtstart')),
    end: String(vevent.getFirstPropertyValue('dtend')),
    summary: String(vevent.getFirstPropertyValue('summary')),
    description: String(vevent.getFirstPropertyValue('description')),
  }));
}

describe.sequential('prep export --ics', () => {
  const home = newHome('ics');
  const prep = (...args: string[]) => run(args, { home, cwd: home });

  it('refuses with no active plan, and starts none', () => {
    const result = prep('export', '--ics', '--date', '2026-03-02');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('there is no active plan to export');
    expect(existsSync(join(home, 'log'))).toBe(false);
  });

  let first: ReturnType<typeof events>;
  it('prints the active plan as a calendar: 42 all-day events from the start, CRLF, lines of at most 75 octets', () => {
    expect(prep('plan', 'switch', '6-week', '--start', '2026-03-02', '--date', '2026-03-02').status).toBe(0);
    const result = prep('export', '--ics', '--date', '2026-03-02');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const text = result.stdout;
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // every line break is CRLF
    const lines = text.split('\r\n');
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);

    first = events(text);
    expect(first).toHaveLength(42);
    expect(first[0]).toMatchObject({ uid: '6-week-day-1@prep', start: '2026-03-02', end: '2026-03-03', summary: 'Day 1/42 · System Design Framework (6-week)' });
    expect(first[0]!.description).toContain('1. Read: `02_system_design_FAANG.md` - Framework section');
    expect(first.at(-1)).toMatchObject({ uid: '6-week-day-42@prep', start: '2026-04-12' });
  });

  it('writes a file with -o, says so on stderr, keeps the UIDs after a `prep done`, and never overwrites without --force', () => {
    expect(prep('done', '1', '2', '--date', '2026-03-02').status).toBe(0);
    const written = prep('export', '--ics', '-o', 'plan.ics', '--date', '2026-03-02');
    expect(written.status, written.stderr).toBe(0);
    expect(written.stdout).toBe('');
    expect(written.stderr).toBe('Wrote 42 days of 6-week to plan.ics\n');
    const text = readFileSync(join(home, 'plan.ics'), 'utf8');
    expect(events(text).map((e) => e.uid)).toEqual(first.map((e) => e.uid));

    const again = prep('export', '--ics', '-o', 'plan.ics', '--date', '2026-03-02');
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('plan.ics exists already');
    expect(readFileSync(join(home, 'plan.ics'), 'utf8')).toBe(text);

    const forced = prep('export', '--ics', '-o', 'plan.ics', '--force', '--json', '--date', '2026-03-02');
    expect(forced.status, forced.stderr).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({ format: 'ics', plan: { id: '6-week' }, events: 42, path: join(home, 'plan.ics') });
    expect(readdirSync(home).filter((name) => name.includes('.tmp'))).toEqual([]);
  });

  it('moves the events after a pause by the paused days', () => {
    expect(prep('pause', '--date', '2026-03-06').status).toBe(0);
    expect(prep('resume', '--date', '2026-03-09').status).toBe(0);
    const moved = events(prep('export', '--ics', '--date', '2026-03-09').stdout);
    expect(moved.map((e) => e.uid)).toEqual(first.map((e) => e.uid));
    expect(moved.slice(3, 5).map((e) => e.start)).toEqual(['2026-03-05', '2026-03-09']);
    expect(moved.at(-1)!.start).toBe('2026-04-15');
  });

  it.each([
    [['export'], 'say what to export'],
    [['export', '--ics', '--json'], '--json keeps stdout for JSON'],
    [['export', '--format', 'xml'], '--format "xml" is not a format'],
    [['export', '--ics', '--format', 'json'], '--ics and --format json ask for different formats'],
    [['export', '--ics', '-o', 'missing-dir/plan.ics'], 'cannot write missing-dir/plan.ics: its directory does not exist'],
  ])('refuses %j with exit 2', (args, message) => {
    const result = prep(...args, '--date', '2026-03-09');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });
});

describe.sequential('prep export --json and prep import-state', () => {
  const home = newHome('backup');
  const prep = (...args: string[]) => run(args, { home, cwd: home });
  const json = (...args: string[]) => {
    const result = prep(...args, '--json');
    expect(result.status, result.stderr).toBe(0);
    return JSON.parse(result.stdout);
  };
  const stateBytes = () => logFiles(home);
  let atBackup: unknown;

  it('backs up the whole state to a private file', () => {
    expect(prep('plan', 'switch', '6-week', '--start', '2026-03-02', '--date', '2026-03-02').status).toBe(0);
    expect(prep('done', '1', '2', '3', '--date', '2026-03-02').status).toBe(0);
    expect(prep('done', '--all', '--date', '2026-03-03').status).toBe(0);
    expect(prep('check', '1', '--date', '2026-03-03').status).toBe(0);
    atBackup = json('today', '--date', '2026-03-03');

    const result = prep('export', '--json', '-o', 'backup.json', '--date', '2026-03-03');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('Wrote a backup of your state (1 plan, 12 log entries) to backup.json');
    expect(result.stdout).toBe(''); // the README's own example: only the file is written
    expect(statSync(join(home, 'backup.json')).mode & 0o777).toBe(0o600);
    const backup = JSON.parse(readFileSync(join(home, 'backup.json'), 'utf8'));
    const view = logView(home);
    expect(backup).toMatchObject({ format: 'prep-state', version: 2, exportedAt: expect.any(String), state: { version: 2, activePlan: '6-week', plans: view.plans, rest: [], settings: { dayStart: 0, defaultPlan: '6-week' }, log: view.log } });
    // Every event of the log, as written: what import-state merges.
    const lines = Object.values(stateBytes()).join('').trim().split('\n').map((line) => JSON.parse(line));
    expect(backup.events).toHaveLength(lines.length);
    expect(new Set(backup.events.map((event: { id: string }) => event.id))).toEqual(new Set(lines.map((event: { id: string }) => event.id)));
    // Without -o the same document is all of stdout.
    expect({ ...JSON.parse(prep('export', '--json').stdout), exportedAt: null }).toEqual({ ...backup, exportedAt: null });
  });

  it('asks for --yes without a terminal, and changes nothing', () => {
    expect(prep('done', '--all', '--date', '2026-03-04').status).toBe(0);
    expect(prep('pause', '--date', '2026-03-05').status).toBe(0);
    const before = stateBytes();
    const result = prep('import-state', 'backup.json');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('confirm with --yes');
    expect(stateBytes()).toEqual(before);
  });

  it('merges the backup: what the log has already is not added again, and nothing since is dropped', () => {
    const later = json('today', '--date', '2026-03-05');
    const result = prep('import-state', 'backup.json', '--yes', '--date', '2026-03-05');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Merged the backup');
    expect(result.stdout).toContain('Your log had all of its events already: nothing was added.');
    expect(json('today', '--date', '2026-03-05')).toEqual(later);
    expect(json('import-state', 'backup.json', '--yes')).toMatchObject({ imported: true, mode: 'merge', added: 0 });
  });

  it('with --replace puts the backup back: today is as it was; what it replaced stays in the log\'s files', () => {
    const before = Object.values(stateBytes()).join('');
    const result = prep('import-state', 'backup.json', '--replace', '--yes', '--date', '2026-03-05');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Replaced your state with the backup');
    expect(json('today', '--date', '2026-03-03')).toEqual(atBackup);
    expect(json('today', '--date', '2026-03-05').pausedSince).toBeNull(); // the pause came after the backup
    expect(Object.values(stateBytes()).join('').startsWith(before)).toBe(true);
    const [name] = Object.keys(stateBytes());
    expect(statSync(join(home, 'log', name!)).mode & 0o777).toBe(0o600);
  });

  const backup = () => JSON.parse(readFileSync(join(home, 'backup.json'), 'utf8'));
  it.each([
    ['truncated JSON', () => readFileSync(join(home, 'backup.json'), 'utf8').slice(0, 200), 'it is not valid JSON'],
    ['an empty file', () => '', 'it is empty'],
    ['a log entry without a date', () => {
      const b = backup();
      delete b.state.log[2].date;
      return JSON.stringify(b);
    }, 'entry 3 of its log is damaged'],
    ['version 99', () => {
      const b = backup();
      b.version = 99;
      b.state.version = 99;
      return JSON.stringify(b);
    }, 'written by a newer prep (state version 99'],
    ['versions that differ', () => JSON.stringify({ ...backup(), version: 1 }), 'its version (1) and its state\'s (2) differ'],
    ['another format', () => JSON.stringify({ ...backup(), format: 'calendar' }), 'its format is "calendar"'],
    ['a bad start date', () => {
      const b = backup();
      b.state.plans['6-week'].start = '2026-3-2';
      return JSON.stringify(b);
    }, 'plan "6-week" has the start date "2026-3-2"'],
    ['a bad day-start', () => {
      const b = backup();
      b.state.settings.dayStart = '4am';
      return JSON.stringify(b);
    }, 'its settings are damaged (day-start must be minutes 0–1439'],
    ['settings that are null', () => JSON.stringify({ ...backup(), state: { ...backup().state, settings: null } }), 'its settings are damaged'],
    ['a log text that is a number', () => {
      const b = backup();
      b.state.log[0].text = 5;
      return JSON.stringify(b);
    }, 'entry 1 of its log is damaged'],
    ['a log day that is text', () => {
      const b = backup();
      b.state.log[0].day = 'one';
      return JSON.stringify(b);
    }, 'entry 1 of its log is damaged'],
    ['an escape sequence in a task text', () => {
      const b = backup();
      b.state.log[0].text = '\u001b]0;PWNED\u0007\u001b[31mred';
      return JSON.stringify(b);
    }, 'it holds control characters or terminal escape sequences'],
    ['a pause that ends in the year 2099', () => {
      const b = backup();
      b.state.plans['6-week'].paused = [{ from: '2026-03-03', resume: '2099-12-31' }];
      return JSON.stringify(b);
    }, 'it has activity or a pause on 2099-12-31, after today'],
    ['a pause that ends in the year 9999, past the last date prep counts to', () => {
      const b = backup();
      b.state.plans['6-week'].paused = [{ from: '2026-03-03', resume: '9999-12-31' }];
      return JSON.stringify(b);
    }, 'plan "6-week" has a pause without YYYY-MM-DD dates up to 9899-12-31'],
    ['an event without a stamp', () => {
      const b = backup();
      b.events[1].hlc = 'soon';
      return JSON.stringify(b);
    }, 'event 2 is damaged: its stamp is not [wall ms, counter]'],
    ['an escape sequence in an event', () => {
      const b = backup();
      b.events.find((event: { kind: string }) => event.kind === 'done').text = '\u001b[31mred';
      return JSON.stringify(b);
    }, 'it holds control characters or terminal escape sequences'],
    ['events that are not a list', () => JSON.stringify({ ...backup(), events: {} }), 'its events are not a list'],
    ['an event done in 2099', () => {
      const b = backup();
      b.events.find((event: { kind: string }) => event.kind === 'done').date = '2099-01-01';
      return JSON.stringify(b);
    }, 'it has activity or a pause on 2099-01-01, after today'],
  ])('refuses a damaged backup (%s) with exit 2, naming it, and leaves the state byte for byte', (_name, make, message) => {
    writeFileSync(join(home, 'damaged.json'), make());
    const before = stateBytes();
    const files = readdirSync(home).sort();
    const result = prep('import-state', 'damaged.json', '--yes');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('cannot import damaged.json: ');
    expect(result.stderr).toContain(message);
    expect(stateBytes()).toEqual(before);
    expect(readdirSync(home).sort()).toEqual(files); // nothing written
  });

  it('imports a state file of version 1, upgraded, in a backup or as it is', () => {
    const v1 = {
      version: 1,
      activePlan: '90-day',
      plans: { '90-day': { start: '2026-03-01' } },
      rest: [],
      settings: { dayStart: 0, defaultPlan: '6-week' },
      log: [{ at: '2026-03-01T12:00:00.000Z', date: '2026-03-01', plan: '90-day', kind: 'done', id: 'x', day: 1 }],
    };
    writeFileSync(join(home, 'state-v1.json'), JSON.stringify(v1));
    const bare = json('import-state', 'state-v1.json', '--yes');
    expect(bare).toMatchObject({ imported: true, mode: 'merge', kind: 'state-file', fromVersion: 1, migrated: true, activePlan: '90-day', logEntries: 1 });
    // Stamped as of the file: later than what the log had, so its active plan is the one now.
    expect(logView(home)).toMatchObject({ activePlan: '90-day', plans: { '90-day': { start: '2026-03-01', paused: [] } } });
    expect(json('today', '--date', '2026-03-02')).toMatchObject({ plan: { id: '90-day' }, day: 2 });

    writeFileSync(join(home, 'backup-v1.json'), JSON.stringify({ format: 'prep-state', version: 1, exportedAt: '2026-03-01T12:00:00.000Z', state: { ...v1, activePlan: '6-week', plans: { '6-week': { start: '2026-02-01' } } } }));
    // Merged, a backup made before what the log has changes nothing it decided since; its one log
    // entry, the same as the state file's, is not added again (the start and the switch are).
    expect(json('import-state', 'backup-v1.json', '--yes')).toMatchObject({ mode: 'merge', added: 2 });
    expect(json('today', '--date', '2026-03-02')).toMatchObject({ plan: { id: '90-day' }, day: 2 });
    const wrapped = prep('import-state', 'backup-v1.json', '--replace', '--yes');
    expect(wrapped.status, wrapped.stderr).toBe(0);
    expect(wrapped.stdout).toContain('It was upgraded from state version 1.');
    expect(json('today', '--date', '2026-02-01')).toMatchObject({ plan: { id: '6-week' }, day: 1 });
  });

  it('names plans the imported state has that this prep does not', () => {
    // A backup of an older prep: a state, no events.
    const { events: _events, ...b } = backup();
    b.state.plans['my-own-plan'] = { start: '2026-03-01', paused: [] };
    writeFileSync(join(home, 'with-user-plan.json'), JSON.stringify(b));
    expect(json('import-state', 'with-user-plan.json', '--yes')).toMatchObject({ unknownPlans: ['my-own-plan'] });
  });
});
