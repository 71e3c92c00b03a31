// `prep config set capacity`: the hours the user can study on each weekday, which `prep plan
// rebalance` fills; by default the plan's own statement (the 6-week plan: 3-4 hours on weekdays,
// 6-8 at weekends, so up to 4 and 8).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coachUser } from '../support/coach-user.js';

describe('the capacity setting', () => {
  const { home, prep, json, files } = coachUser();

  it('is the plan\'s own until set', () => {
    expect(prep('config', 'get', 'capacity').stdout).toBe("capacity = mon-fri 4h, sat-sun 8h (6-week's own)\n");
  });

  it('is set as written, kept in its plain form, and read back', () => {
    expect(prep('config', 'set', 'capacity', 'mon-fri 3h, sat 8h, sun 6h').stdout).toBe('capacity = mon-fri 3h, sat 8h, sun 6h\n');
    expect(json('config', 'set', 'capacity', 'weekdays 150m, weekends 6h')).toEqual({ settings: { capacity: 'mon-fri 2.5h, sat-sun 6h' } });
    expect(prep('config', 'get').stdout).toContain('\ncapacity = mon-fri 2.5h, sat-sun 6h\n');
  });

  it.each([
    ['mon-fri 3x', 'prep: capacity "mon-fri 3x" has no hours it can read: write them as 3h, 3.5h, 90m or 1h30m\n'],
    ['funday 3h', 'prep: capacity "funday" is not a weekday\n'],
    ['sun off', 'prep: capacity gives no hours to any day\n'],
    ['sat 30h', 'prep: capacity "sat 30h" is more than 24 hours a day\n'],
  ])('refuses %j, saying what is wrong and how to write it, and keeps the setting', (value, error) => {
    const before = files();
    const refused = prep('config', 'set', 'capacity', value);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(`${error}Write weekdays and hours such as "mon-fri 3h, sat 8h, sun 6h" (also 3.5h, 90m, 1h30m, off; mon,wed; weekdays, weekends, daily); got "${value}".\n`);
    expect(files()).toEqual(before);
  });

  it('`plan` goes back to the plan\'s own', () => {
    expect(prep('config', 'set', 'capacity', 'plan').stdout).toBe("capacity = mon-fri 4h, sat-sun 8h (6-week's own)\n");
  });

  it('a config file edited to a capacity prep cannot read is named, not used', () => {
    writeFileSync(join(home, 'config.json'), JSON.stringify({ version: 1, settings: { dayStart: 0, defaultPlan: '6-week', capacity: 'lots' } }));
    const broken = prep('config', 'get', 'capacity');
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('its capacity is not hours per weekday, such as "mon-fri 3h, sat 8h, sun 6h"');
  });
});
