// The review's settings: desired retention and daily limit, set with `prep config set`, range-checked.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prep as run } from '../helpers.js';

describe('review-retention and review-limit', () => {
  const home = mkdtempSync(join(tmpdir(), 'prep-review-settings-'));
  const prep = (...args: string[]) => run(args, { home });
  const stored = () => (JSON.parse(readFileSync(join(home, 'config.json'), 'utf8')) as { settings: Record<string, unknown> }).settings;

  it('are set, shown and kept in config.json', () => {
    expect(prep('config', 'get', 'review-retention').stdout).toBe('review-retention = 0.9\n');
    expect(prep('config', 'set', 'review-retention', '85%').stdout).toBe('review-retention = 0.85\n');
    expect(prep('config', 'set', 'review-limit', '5').stdout).toBe('review-limit = 5\n');
    expect(stored()).toMatchObject({ reviewRetention: 0.85, reviewLimit: 5 });
  });

  it.each([
    ['review-retention', '1.5', 'a desired retention of "1.5" is out of range'],
    ['review-retention', '0.5', 'a desired retention of "0.5" is out of range'],
    ['review-limit', 'lots', 'a daily limit of "lots" reviews is not a count'],
    ['review-limit', '-1', 'a daily limit of "-1" reviews is not a count'],
  ])('refuse %s %s with exit 2, leaving the setting as it was', (key, value, why) => {
    const refused = prep('config', 'set', key, value);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`prep: ${why}`);
    expect(stored()).toMatchObject({ reviewRetention: 0.85, reviewLimit: 5 });
  });
});
