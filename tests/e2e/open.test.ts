// `prep open N`: the task's link goes to $BROWSER (here a script that writes down its arguments),
// or to the platform's opener, or is printed; numbered as `prep today` numbers the tasks.
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, prep, type Run } from '../helpers.js';

const START = '2026-03-02'; // day 1 of the 28-day-data plan
const DAY1 = ['https://www.databricks.com/blog/2022/03/15/system-design-de.html', 'https://www.youtube.com/watch?v=QJZ8QbKpF1A'];
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let home: string;
let bin: string;
let runs = 0;

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'prep-open-'));
  bin = mkdtempSync(join(tmpdir(), 'prep-open-bin-'));
  expect(prep(['plan', 'switch', '28-day-data', '--start', START, '--date', START], { home }).status).toBe(0);
});

afterAll(() => {
  rmSync(home, { recursive: true, force: true });
  rmSync(bin, { recursive: true, force: true });
});

/** A stand-in browser: writes its arguments, one a line, to a file of its own (whole, by a rename). */
function fakeBrowser(name = `browser-${++runs}`): { path: string; argv: () => Promise<string[]>; ran: () => boolean } {
  const path = join(bin, name);
  const out = `${path}.argv`;
  writeFileSync(path, `#!/bin/sh\nprintf '%s\\n' "$@" > '${out}.tmp' && mv '${out}.tmp' '${out}'\n`);
  chmodSync(path, 0o755);
  return {
    path,
    ran: () => existsSync(out),
    // prep does not wait for the browser: it writes its file a moment later.
    argv: async () => {
      for (let i = 0; i < 200 && !existsSync(out); i++) await new Promise((resolve) => setTimeout(resolve, 25));
      return readFileSync(out, 'utf8').split('\n').slice(0, -1);
    },
  };
}

const open = (args: string[], env: Record<string, string> = {}, where = home): Run => prep(['open', ...args, '--date', START], { home: where, env });

describe('prep open with $BROWSER', () => {
  it('opens the first link of task 1, lists both, and says how to open the other', async () => {
    const browser = fakeBrowser();
    const run = open(['1'], { BROWSER: browser.path });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(await browser.argv()).toEqual([DAY1[0]]);
    expect(run.stdout).toBe(
      `Opened link 1 of 2 of task 1 with ${browser.path}: ${DAY1[0]}\n` +
        `  1. Data Engineering System Design (Blog, 10 min): ${DAY1[0]}\n` +
        `  2. DE Interview Process (YouTube, 12 min): ${DAY1[1]}\n` +
        'Add --link 2 for the second.\n',
    );
  });

  it('opens the link --link names, without the list', async () => {
    const browser = fakeBrowser();
    const run = open(['1', '--link', '2'], { BROWSER: browser.path });
    expect(run.status, run.stderr).toBe(0);
    expect(await browser.argv()).toEqual([DAY1[1]]);
    expect(run.stdout).toBe(`Opened link 2 of 2 of task 1 with ${browser.path}: ${DAY1[1]}\n`);
  });

  it('numbers tasks as `prep today` does, for --day D and for --date alike', async () => {
    for (const [args, date] of [[['--day', '5'], START], [[], '2026-03-06']] as const) {
      const today = JSON.parse(prep(['today', '--json', ...(args.length ? ['--day', '5'] : []), '--date', date], { home }).stdout) as { tasks: { n: number; links: { url: string }[] }[] };
      const linked = today.tasks.filter((task) => task.links.length > 0);
      expect(linked.length).toBeGreaterThan(0);
      for (const task of linked) {
        const browser = fakeBrowser();
        const run = prep(['open', String(task.n), ...args, '--date', date], { home, env: { BROWSER: browser.path } });
        expect(run.status, run.stderr).toBe(0);
        expect(await browser.argv()).toEqual([task.links[0]!.url]);
      }
    }
  });

  it('puts the address where %s stands, and %% as %', async () => {
    const browser = fakeBrowser();
    const run = open(['1'], { BROWSER: `${browser.path} --new-tab=%s 100%% --x` });
    expect(run.status, run.stderr).toBe(0);
    expect(await browser.argv()).toEqual([`--new-tab=${DAY1[0]}`, '100%', '--x']);
  });

  it('tries the browsers of a list in order: a missing one is passed over', async () => {
    const browser = fakeBrowser('second browser');
    const run = open(['1', '--link', '2'], { BROWSER: `${join(bin, 'no-such-browser')}:'${browser.path}' --private` });
    expect(run.status, run.stderr).toBe(0);
    expect(await browser.argv()).toEqual(['--private', DAY1[1]]);
    expect(run.stdout).toContain(`with ${browser.path}:`);
  });

  it('exits 1 when no browser of the list starts, naming each and why', () => {
    const notExecutable = join(bin, 'plain-file');
    writeFileSync(notExecutable, 'not a program');
    const run = open(['1'], { BROWSER: `${join(bin, 'no-such-browser')}:${notExecutable}` });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`prep: no browser found: set $BROWSER or use --print\nTried ${join(bin, 'no-such-browser')} (not found), ${notExecutable} (not executable).\n`);
  });

  it('gives the data with --json: the address, the links, what opened it', async () => {
    const browser = fakeBrowser();
    const run = open(['1', '--json'], { BROWSER: browser.path });
    expect(run.status, run.stderr).toBe(0);
    expect(await browser.argv()).toEqual([DAY1[0]]);
    expect(JSON.parse(run.stdout)).toMatchObject({
      date: START,
      plan: '28-day-data',
      day: 1,
      task: { n: 1, text: 'System design fundamentals and the data engineering interview process.' },
      links: [{ n: 1, url: DAY1[0] }, { n: 2, url: DAY1[1] }],
      link: 1,
      url: DAY1[0],
      action: 'opened',
      browser: browser.path,
      noDisplay: false,
    });
  });
});

describe('prep open --print', () => {
  it('prints the address alone on stdout, the list of links on stderr, and opens nothing', async () => {
    const browser = fakeBrowser();
    const run = open(['1', '--print'], { BROWSER: browser.path });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${DAY1[0]}\n`);
    expect(run.stderr).toBe(`  1. Data Engineering System Design (Blog, 10 min): ${DAY1[0]}\n  2. DE Interview Process (YouTube, 12 min): ${DAY1[1]}\nAdd --link 2 for the second.\n`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(browser.ran()).toBe(false);
  });

  it('prints nothing else with --link, and nothing on stderr with --json', () => {
    const run = open(['1', '--link', '2', '--print']);
    expect([run.status, run.stdout, run.stderr]).toEqual([0, `${DAY1[1]}\n`, '']);
    const json = open(['1', '--print', '--json']);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toMatchObject({ url: DAY1[0], action: 'printed', browser: null, noDisplay: false });
  });
});

// Where xdg-open is the opener: PATH leads to a stand-in, so nothing real is opened.
describe.skipIf(process.platform === 'darwin' || process.platform === 'win32')('prep open without $BROWSER, on Linux and the BSDs', () => {
  const withOpener = () => {
    const dir = mkdtempSync(join(bin, 'path-'));
    const opener = fakeBrowser(join(dir.slice(bin.length + 1), 'xdg-open'));
    return { opener, PATH: `${dir}:${process.env.PATH ?? ''}` };
  };

  it('opens the address with xdg-open when there is a display', async () => {
    for (const display of [{ DISPLAY: ':0' }, { WAYLAND_DISPLAY: 'wayland-0' }] as Record<string, string>[]) {
      const { opener, PATH } = withOpener();
      const run = open(['1', '--link', '2'], { PATH, ...display });
      expect(run.status, run.stderr).toBe(0);
      expect(await opener.argv()).toEqual([DAY1[1]]);
      expect(run.stdout).toBe(`Opened link 2 of 2 of task 1 with xdg-open: ${DAY1[1]}\n`);
    }
  });

  it('prints the address when there is no display (over ssh), and says why on stderr', async () => {
    const { opener, PATH } = withOpener();
    const run = open(['1', '--link', '2'], { PATH });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${DAY1[1]}\n`);
    expect(run.stderr).toBe('No display to open a browser on, so here is the address (set $BROWSER to name a browser).\n');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(opener.ran()).toBe(false);
  });
});

describe('prep open refuses', () => {
  it.each([
    ['a task without a link', ['2'], 'prep: task 2 of day 1 has no link: Practice the system design interview format and create a framework for approaching DE system design questions.\nTasks with links list them under the task in `prep today`.\n'],
    ['a link number out of range', ['1', '--link', '3'], 'prep: there is no link 3 of task 1, which has 2 links: pass --link 1 to 2\n`prep today` lists each task\'s links under it.\n'],
    ['a link number that is not one', ['1', '--link', 'x'], 'prep: there is no link x of task 1, which has 2 links: pass --link 1 to 2\n`prep today` lists each task\'s links under it.\n'],
    ['a task the day does not have', ['9'], 'prep: there is no task 9: that day has 4 tasks; pass a number from 1 to 4\n`prep today` shows the numbers.\n'],
    ['a word for a task number', ['first'], 'prep: "first" is not a task number: pass a number from 1 to 4\nFor example: prep open 1\n'],
    ['a day the plan does not have', ['1', '--day', '29'], 'prep: --day 29 is not a day of 28-day-data: days run from 1 to 28\n'],
    ['a range of days, which `prep done` takes', ['1', '--day', '2-3'], 'prep: `prep open` takes one plan day, not days 2-3\nName one, such as --day 2.\n'],
  ])('%s, with exit 2 and what to do, opening nothing', async (_name, args, stderr) => {
    const browser = fakeBrowser();
    const run = open(args, { BROWSER: browser.path });
    expect([run.status, run.stdout, run.stderr]).toEqual([2, '', stderr]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(browser.ran()).toBe(false);
  });

  it('a date outside the plan without --day, suggesting it', () => {
    const run = prep(['open', '1', '--date', '2026-03-01', '--print'], { home });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('prep: 28-day-data starts on 2026-03-02, so there is no plan day for 2026-03-01\nName a plan day with --day N, such as `prep open --day 1 2`.\n');
  });
});

describe('prep open on a plan whose links attack the terminal or are not web addresses', () => {
  let hostile: string;
  beforeAll(() => {
    hostile = mkdtempSync(join(tmpdir(), 'prep-open-hostile-'));
    mkdirSync(join(hostile, 'curricula'));
    copyFileSync(join(FIXTURES, 'hostile', 'curricula', 'links.md'), join(hostile, 'curricula', 'links.md'));
    expect(prep(['plan', 'switch', 'links', '--start', START, '--date', START], { home: hostile }).status).toBe(0);
  });
  afterAll(() => rmSync(hostile, { recursive: true, force: true }));

  it.each([
    ['escapes and bidi overrides in <…>: removed', ['1'], 'https://example.com/guide]52;c;cHduZWQ=[2J?q=evil2J'],
    ['a bare address in the text, without the full stop after it', ['4'], 'https://bare.example/notes'],
    ['the second link, holding an escape', ['6', '--link', '2'], 'https://two.example/[2J'],
  ])('%s', async (_name, args, url) => {
    const printed = open([...args, '--print'], {}, hostile);
    expect([printed.status, printed.stdout]).toEqual([0, `${url}\n`]);
    expect(printed.stderr).not.toMatch(UNSAFE);
    const browser = fakeBrowser();
    const opened = open(args, { BROWSER: browser.path }, hostile);
    expect(opened.status, opened.stderr).toBe(0);
    expect(await browser.argv()).toEqual([url]);
    expect(`${opened.stdout}${opened.stderr}`).not.toMatch(UNSAFE);
  });

  it.each([
    ['a javascript: link', ['2'], 'javascript:alert(1)'],
    ['a relative link', ['5'], 'notes.md'],
    ['a link an opener would take for an option', ['7'], '-oProxyCommand=evil'],
  ])('refuses %s with exit 2, printing and opening nothing', async (_name, args, url) => {
    const browser = fakeBrowser();
    for (const extra of [[], ['--print']]) {
      const run = open([...args, ...extra], { BROWSER: browser.path }, hostile);
      expect([run.status, run.stdout]).toEqual([2, '']);
      expect(run.stderr).toBe(`prep: link 1 of task ${args[0]} is not a web address, so it is neither opened nor printed: ${url}\n\`prep open\` takes http and https links only.\n`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(browser.ran()).toBe(false);
  });

  it('shows what $BROWSER names cleaned', async () => {
    const browser = fakeBrowser('\u001b[2Jbrowser\u202E');
    const run = open(['4'], { BROWSER: `'${browser.path}'` }, hostile);
    expect(run.status, run.stderr).toBe(0);
    expect(await browser.argv()).toEqual(['https://bare.example/notes']);
    expect(run.stdout).toBe(`Opened the link of task 4 with ${join(bin, '[2Jbrowser')}: https://bare.example/notes\n`);
  });
});

describe('prep open --help', () => {
  it('leads with examples and says how $BROWSER is read', () => {
    const help = prep(['open', '--help']).stdout;
    expect(help).toMatch(/^Examples:\n {2}\$ prep open 1\n/);
    expect(help).toContain('$BROWSER is a list of commands separated by ":"');
  });
});
