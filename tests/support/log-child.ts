// A child process that appends to a study log file, for tests that kill it or run it as another
// user: `loop FILE LOCK BYTES` appends events of BYTES-long texts until killed, printing each id
// once its append has returned; `once FILE LOCK BYTES` appends one and prints the error, if any.
import { writeSync } from 'node:fs';
import { PrepError } from '../../src/errors.js';
import { acquireLock } from '../../src/io/lock.js';
import { appendEvents } from '../../src/log/append.js';
import { stamped } from '../../src/log/events.js';
import { tick, type Clock } from '../../src/log/hlc.js';

const [mode, file, lockTarget, size] = process.argv.slice(2);
let clock: Clock = { wall: 0, counter: 0, device: 'child' };

async function appendOne(n: number): Promise<void> {
  const lock = await acquireLock(lockTarget!, { staleMs: 5000, waitMs: 10_000 });
  try {
    clock = tick(clock, Date.now());
    const event = stamped({ kind: 'plan-file', date: '2026-03-02', plan: 'big', text: String(n % 10).repeat(Number(size)) }, clock, `${process.pid}-${n}`);
    appendEvents(file!, [event], lock);
    // Acknowledged: the append returned, so this event must survive anything that happens next.
    writeSync(1, `${event.id}\n`);
  } finally {
    lock.release();
  }
}

async function main(): Promise<void> {
  if (mode === 'loop') {
    for (let n = 0; ; n++) await appendOne(n);
  }
  try {
    await appendOne(0);
  } catch (caught) {
    writeSync(2, `${caught instanceof PrepError ? `${caught.message}\n${caught.hint ?? ''}` : String(caught)}\n`);
    process.exit(1);
  }
}

void main();
