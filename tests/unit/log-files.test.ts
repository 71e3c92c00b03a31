// Which files of the log directory are read: every device's own and every sync tool's copy of one;
// never a transfer in progress or a file of another kind.
import { describe, expect, it } from 'vitest';
import { classifyLogFile, newDeviceId } from '../../src/log/files.js';

describe('classifyLogFile', () => {
  it.each([
    ['laptop-x1y2z3.jsonl', { device: 'laptop-x1y2z3', copy: null }],
    ['laptop-x1y2z3.sync-conflict-20260302-081500-ABCD123.jsonl', { device: 'laptop-x1y2z3', copy: 'syncthing' }],
    ["laptop-x1y2z3 (Desktop's conflicted copy 2026-03-02).jsonl", { device: 'laptop-x1y2z3', copy: 'dropbox' }],
    ["laptop-x1y2z3 (Desktop's conflicted copy 2026-03-02 (1)).jsonl", { device: 'laptop-x1y2z3', copy: 'dropbox' }],
    ['laptop-x1y2z3 (conflicted copy 2026-03-02 081500).jsonl', { device: 'laptop-x1y2z3', copy: 'dropbox' }],
    ['laptop-x1y2z3 2.jsonl', { device: 'laptop-x1y2z3', copy: 'other' }],
    ['laptop-x1y2z3 (1).jsonl', { device: 'laptop-x1y2z3', copy: 'other' }],
    ['laptop-x1y2z3-DESKTOP-7.jsonl', { device: 'laptop-x1y2z3', copy: 'other' }],
    ['Backup of my log.jsonl', { device: null, copy: 'other' }],
  ])('%s is read: %j', (name, expected) => {
    expect(classifyLogFile(name)).toEqual({ name, ...expected });
  });

  it.each(['.syncthing.laptop.jsonl.tmp', '.laptop.jsonl', '~laptop.jsonl', 'laptop.jsonl.tmp', 'laptop.json', 'README.md', 'laptop.jsonl.lock'])('%s is not part of the log', (name) => {
    expect(classifyLogFile(name)).toBeUndefined();
  });
});

describe('newDeviceId', () => {
  it('is the host name as a file name any disk keeps apart, and six random letters', () => {
    const ids = [0.1, 0.5, 0.9, 0.3, 0.7, 0.2];
    let n = 0;
    const random = () => ids[n++ % ids.length]!;
    expect(newDeviceId('Anna’s MacBook Pro.local', random)).toBe('anna-s-macbook-pro-local-3iwap7');
    expect(newDeviceId('', random)).toMatch(/^device-[a-z0-9]{6}$/);
    expect(classifyLogFile(`${newDeviceId('ÜBER-PC')}.jsonl`)?.copy).toBeNull();
  });
});
