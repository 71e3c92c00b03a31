import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initSnippet } from '../../src/shell-prompt/init.js';
import { parsePromptArgs, runPrompt } from '../../src/shell-prompt/run.js';
import { ASCII_FORMAT, dayEnds, DEFAULT_FORMAT, formatSegment, segmentLine } from '../../src/shell-prompt/segment.js';
import type { PromptData } from '../../src/shell-prompt/answer.js';
import { encodeEvent } from '../../src/log/codec.js';
import type { Payload } from '../../src/log/events.js';
import { resolvePaths } from '../../src/state/paths.js';
import { StudyStore } from '../../src/state/study-store.js';
import { Device } from '../support/log-events.js';

/** Records `payloads` as a command on this machine would, at `now`. */
const record = (home: string, now: Date, payloads: Payload[]) => new StudyStore({ paths: resolvePaths({ PREP_HOME: home }), defaultPlan: '6-week', now: () => now }).update(() => payloads);

const data: PromptData = { plan: '6-week', status: 'active', day: 5, days: 42, done: 2, total: 6, streak: 5, longest: 9, atRisk: false, reviews: 3 };

describe('formatSegment', () => {
  it.each([
    [DEFAULT_FORMAT, {}, false, '🔥5 2/6'],
    [DEFAULT_FORMAT, { atRisk: true, done: 0 }, false, '🔥5 0/6 ⚠'],
    [ASCII_FORMAT, { atRisk: true }, true, '^5 2/6!'],
    ['{plan} {day}/{days} best {longest}', {}, false, '6-week 5/42 best 9'],
    ['{streak} {nope}', {}, false, '5 {nope}'],
    ['{streak} · {reviews} reviews', {}, false, '5 · 3 reviews'],
    [DEFAULT_FORMAT, { status: 'finished', total: 0, done: 0 }, false, '🔥5'],
    ['a\tb{plan}', {}, false, 'a b6-week'],
    ['\u001b[31m{streak}\u0007 \u009b{done}\u007f', {}, false, '[31m5 2'], // no control character reaches the terminal
  ] as const)('%j with %j', (format, change, ascii, expected) => {
    expect(formatSegment({ ...data, ...change }, format, ascii)).toBe(expected);
  });
});

describe('parsePromptArgs', () => {
  it.each([
    [['--format', '{streak}'], { format: '{streak}' }],
    [['--format={plan} x'], { format: '{plan} x' }],
    [['--ascii', '--debug', '--refresh'], { ascii: true, debug: true, refresh: true }],
    [['--date', '2026-03-02', '--json'], { date: '2026-03-02' }],
  ])('%j', (args, expected) => {
    expect(parsePromptArgs(args)).toEqual(expected);
  });
});

describe('parsePromptArgs refuses what the prompt does not take', () => {
  it.each([
    [['int', 'bash'], 'unknown command "prep prompt int"; did you mean `prep prompt init bash`?'],
    [['bash'], 'unknown command "prep prompt bash"; did you mean `prep prompt init bash`?'],
    [['status'], 'unknown command "prep prompt status"'],
    [['--colour'], 'unknown option --colour for prep prompt'],
    [['--ascii=no'], 'unknown option --ascii=no for prep prompt'],
    [['--format'], '--format needs a value'],
  ])('%j', (args, message) => {
    expect(() => parsePromptArgs(args)).toThrow(message);
  });
});

describe('the segment file line', () => {
  it('expires at the next day start, local time', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      expect(new Date(dayEnds('2026-03-07', 0) * 1000).toISOString()).toBe('2026-03-08T05:00:00.000Z');
      expect(new Date(dayEnds('2026-03-07', 240) * 1000).toISOString()).toBe('2026-03-08T08:00:00.000Z'); // 4 am EDT
    } finally {
      process.env.TZ = saved;
    }
  });

  it('holds the expiry, the uptime clock and the segment, tab-separated on one line', () => {
    const now = new Date(1_800_000_000_000);
    const [expires, written, expiresUp, segment, ...rest] = segmentLine('🔥5 2/6', 1_800_003_600, now).trimEnd().split('\t');
    expect([expires, segment, rest]).toEqual(['1800003600', '🔥5 2/6', []]);
    expect(Number(expiresUp) - Number(written)).toBe(3600);
  });

  it('never holds a control character, nor a second line', () => {
    const line = segmentLine('a\u001b[1mb\tc\nd\u009b', 1_800_003_600, new Date(1_800_000_000_000));
    expect(line).toMatch(/^\d+\t\d+\t\d+\ta\[1mb c d\n$/);
  });
});

describe('initSnippet', () => {
  it('refuses a shell it does not know, naming the ones it does', () => {
    expect(() => initSnippet('powershell', '/tmp/x', ['prep'])).toThrow('no prompt snippet for "powershell"');
  });

  it('quotes paths with spaces and quotes for the shell', () => {
    const snippet = initSnippet('bash', "/home/o'brien/my cache/prompt", ['/usr/bin/node', '/opt/prep/bin/prep.cjs']);
    expect(snippet).toContain(`__prep_segment_file='/home/o'\\''brien/my cache/prompt'`);
    expect(snippet).toContain(`( '/usr/bin/node' '/opt/prep/bin/prep.cjs' prompt --refresh >/dev/null 2>&1 & )`);
  });
});

describe('runPrompt', () => {
  it('reads --date today and yesterday against the day start', async () => {
    const home = mkdtempSync(join(tmpdir(), 'prep-prompt-unit-'));
    const state = { version: 1, activePlan: '6-week', plans: { '6-week': { start: '2026-11-10' } }, rest: [], settings: { dayStart: 240, defaultPlan: '6-week' }, log: [] };
    writeFileSync(join(home, 'state.json'), JSON.stringify(state));
    const now = new Date(2026, 10, 12, 2, 30); // 02:30, before the 04:00 day start: still 11 November
    const out: string[] = [];
    for (const date of [undefined, 'today', 'yesterday']) {
      await runPrompt({ format: '{day}', ...(date ? { date } : {}) }, { PREP_HOME: home }, (text) => out.push(text), now);
    }
    expect(out).toEqual(['2\n', '2\n', '1\n']);
  });

  // The prompt keeps its last answer (prompt-data.json) while its inputs are the same: each test
  // changes one input and expects the new answer, never the kept one.
  describe('its last answer is used only while nothing it was made from changed', () => {
    const setUp = () => {
      const home = mkdtempSync(join(tmpdir(), 'prep-prompt-memo-'));
      mkdirSync(join(home, 'curricula'));
      writeFileSync(join(home, 'curricula', 'mine.md'), '---\nid: mine\ntitle: Mine\ndays: 3\n---\n## Day 1: A\n- One\n## Day 2: B\n- Read chapter 2\n- Sketch\n## Day 3: C\n- Three\n');
      const state = { version: 2, activePlan: 'mine', plans: { mine: { start: '2026-11-10', paused: [] } }, rest: [], settings: { dayStart: 0, defaultPlan: '6-week' }, log: [] as unknown[] };
      writeFileSync(join(home, 'state.json'), JSON.stringify(state));
      const prompt = async (now: Date) => {
        const out: string[] = [];
        await runPrompt({ format: '{day} {done}/{total}' }, { PREP_HOME: home }, (text) => out.push(text), now);
        return out.join('');
      };
      return { home, state, prompt };
    };
    const morning = new Date(2026, 10, 11, 9, 0); // plan day 2

    it('a new day', async () => {
      const { prompt } = setUp();
      expect(await prompt(morning)).toBe('2 0/2\n');
      expect(await prompt(morning)).toBe('2 0/2\n');
      expect(await prompt(new Date(2026, 10, 12, 9, 0))).toBe('3 0/1\n');
    });

    it('a task done (the state file rewritten)', async () => {
      const { home, state, prompt } = setUp();
      expect(await prompt(morning)).toBe('2 0/2\n');
      state.log.push({ at: '2026-11-11T09:00:00.000Z', date: '2026-11-11', kind: 'done', plan: 'mine', id: 'd2.read-chapter-2', day: 2 });
      writeFileSync(join(home, 'state.json'), JSON.stringify(state));
      expect(await prompt(morning)).toBe('2 1/2\n');
    });

    it('a task done on this machine (a line appended to the log, the state file turned into it)', async () => {
      const { home, prompt } = setUp();
      expect(await prompt(morning)).toBe('2 0/2\n');
      await record(home, morning, [{ kind: 'done', date: '2026-11-11', plan: 'mine', task: 'd2.read-chapter-2', day: 2 }]);
      expect(await prompt(morning)).toBe('2 1/2\n');
      await record(home, morning, [{ kind: 'done', date: '2026-11-11', plan: 'mine', task: 'd2.sketch', day: 2 }]);
      expect(await prompt(morning)).toBe('2 2/2\n');
    });

    it('a task done on another machine (its file arriving in the log folder)', async () => {
      const { home, prompt } = setUp();
      expect(await prompt(morning)).toBe('2 0/2\n');
      mkdirSync(join(home, 'log'), { mode: 0o700 });
      const other = new Device('desktop-abc123', morning.getTime());
      writeFileSync(join(home, 'log', 'desktop-abc123.jsonl'), encodeEvent(other.write({ kind: 'done', date: '2026-11-11', plan: 'mine', task: 'd2.sketch', day: 2 })));
      expect(await prompt(morning)).toBe('2 1/2\n');
    });

    it('a setting changed (the config file replaced)', async () => {
      const { home, prompt } = setUp();
      expect(await prompt(morning)).toBe('2 0/2\n');
      writeFileSync(join(home, 'config.json'), JSON.stringify({ version: 1, settings: { dayStart: 600, defaultPlan: '6-week' } }));
      expect(await prompt(morning)).toBe('1 0/1\n'); // 09:00 is before a 10:00 day start: still day 1
    });

    it('the plan edited', async () => {
      const { home, prompt } = setUp();
      expect(await prompt(morning)).toBe('2 0/2\n');
      const file = join(home, 'curricula', 'mine.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('- Sketch\n', '- Sketch\n- A task added today\n'));
      expect(await prompt(morning)).toBe('2 0/3\n');
    });
  });
});
