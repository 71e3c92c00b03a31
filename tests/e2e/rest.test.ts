// Rest days: never on a day you studied, and a declared one can be taken back.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logView, prep as run } from '../helpers.js';

describe('prep rest', () => {
  const home = mkdtempSync(join(tmpdir(), 'prep-rest-'));
  const prep = (...args: string[]) => run(args, { home });

  it('is refused on a date that already has study, naming why', () => {
    expect(prep('done', '1', '--date', '2026-03-02').status).toBe(0);
    const refused = prep('rest', '--date', '2026-03-02');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('prep: you studied on 2026-03-02: a rest day is a day without study');
    expect(logView(home).rest).toEqual([]);
  });

  it('--undo takes back a declared rest day, and the rule of one in 7 days frees up', () => {
    expect(prep('rest', '--date', '2026-03-03').status).toBe(0);
    expect(prep('rest', '--date', '2026-03-05').stderr).toContain('`prep rest --undo --date 2026-03-03` takes that one back');
    const undone = prep('rest', '--undo', '--date', '2026-03-03');
    expect(undone.status).toBe(0);
    expect(undone.stdout).toMatch(/^Tue 3 Mar 2026 is no longer a rest day\.\n/);
    expect(prep('rest', '--date', '2026-03-05').stdout).toMatch(/^Rest day declared for Thu 5 Mar 2026\./);
  });

  it('--undo on a date that is not a declared rest day is exit 2, with nothing written', () => {
    const refused = prep('rest', '--undo', '--date', '2026-03-04');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('prep: 2026-03-04 is not a rest day you declared');
  });
});
