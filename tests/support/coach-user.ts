// A user of their own in New York, for the coach's end-to-end tests: a private PREP_HOME, prep run
// with TZ=America/New_York, its JSON, every file under the home (what a command that writes
// nothing leaves alone), and the 6-week plan with its first ten days each done on its own date.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { prep as run } from '../helpers.js';
import { addDays } from '../../src/schedule/dates.js';

export function coachUser() {
  const home = mkdtempSync(join(tmpdir(), 'prep-coach-'));
  const prep = (...args: string[]) => run(args, { home, env: { TZ: 'America/New_York' } });
  const json = (...args: string[]) => {
    const result = prep(...args, '--json');
    expect(result.status, result.stderr).toBe(0);
    return JSON.parse(result.stdout);
  };
  const files = () => Object.fromEntries(readdirSync(home, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => [join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name), 'utf8')]));
  /** The 6-week plan from `start`, its days 1-10 each done on its own date. */
  const tenDaysFrom = (start: string) => {
    expect(prep('plan', 'switch', '6-week', '--start', start, '--date', start).status).toBe(0);
    for (let day = 1; day <= 10; day++) expect(prep('done', '--all', '--date', addDays(start, day - 1)).status).toBe(0);
  };
  return { home, prep, json, files, tenDaysFrom };
}
