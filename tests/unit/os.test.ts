// The host name and uptime a write needs, read from /proc on Linux so node:os need not load: the
// same values node:os gives.
import { hostname, uptime } from 'node:os';
import { describe, expect, it } from 'vitest';
import { hostName, upTime } from '../../src/io/os.js';

describe('the machine facts a write records', () => {
  it('names the host as node:os does (the lock compares the two)', () => {
    expect(hostName()).toBe(hostname());
  });

  it('gives the seconds since boot as node:os does, to within a second', () => {
    expect(Math.abs(upTime() - uptime())).toBeLessThan(1);
  });
});
