// The editor for `prep note` without text: $VISUAL/$EDITOR split into words with no shell, run on
// a private temporary file; what it leaves there is the note, and an empty file saves nothing.
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { note } from '../../src/commands/note.js';
import { editorFrom, editText, splitCommandLine } from '../../src/io/editor.js';
import { prep, testContext } from '../helpers.js';

/** A context on a terminal over a home where 6-week runs from 2026-03-02. */
function terminalContext(overrides: Parameters<typeof testContext>[0]) {
  const home = mkdtempSync(join(tmpdir(), 'prep-note-editor-'));
  expect(prep(['plan', 'switch', '6-week', '--start', '2026-03-02', '--date', '2026-03-02'], { home }).status).toBe(0);
  return testContext({ interactive: true, dateArg: '2026-03-02', ...overrides }, home);
}

describe('the editor command line', () => {
  it.each([
    ['code --wait', ['code', '--wait']],
    ['  vim  ', ['vim']],
    ["'/opt/My Editor/ed' -w", ['/opt/My Editor/ed', '-w']],
    ['"emacs client" -c', ['emacs client', '-c']],
    ['nano; rm -rf ~', ['nano;', 'rm', '-rf', '~']],
    ['', undefined],
  ])('%j is %j, never read by a shell', (text, words) => {
    expect(splitCommandLine(text)).toEqual(words);
  });

  it('is $VISUAL, else $EDITOR', () => {
    expect(editorFrom({ VISUAL: 'code --wait', EDITOR: 'vi' })).toEqual(['code', '--wait']);
    expect(editorFrom({ VISUAL: ' ', EDITOR: 'vi' })).toEqual(['vi']);
    expect(editorFrom({})).toBeUndefined();
  });
});

describe('editText', () => {
  it('runs the editor on a private file holding the text, returns what it holds after, and removes it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-editor-test-'));
    const script = join(dir, 'fake editor');
    const seen = join(dir, 'seen');
    // Records the file's name and text, then writes the note, as a person in an editor would.
    writeFileSync(script, `#!/bin/sh\necho "$1" > '${seen}'\ncat "$1" >> '${seen}'\nprintf 'written in %s\\n' "$0" > "$1"\n`);
    chmodSync(script, 0o755);
    const text = editText([script], 'old words\n');
    expect(text).toBe(`written in ${script}\n`);
    const [file = '', ...rest] = readFileSync(seen, 'utf8').split('\n');
    expect(rest.join('\n')).toBe('old words\n');
    expect(existsSync(file)).toBe(false);
  });

  it('fails with exit 1 naming the editor when it cannot start, saving nothing', () => {
    expect(() => editText(['/no/such/editor'], '')).toThrow(/cannot start the editor \/no\/such\/editor: ENOENT; nothing was saved/);
  });
});

describe('prep note with no text on a terminal', () => {
  it('saves what the editor gives back, cleaned', async () => {
    const ctx = terminalContext({ editor: ['ed'], editText: () => '\n  from the editor\u0007\n\n' });
    const data = await note({}, ctx);
    expect(data.action).toBe('added');
    expect(data.note?.text).toBe('from the editor');
  });

  it('saves nothing when the editor gives back an empty file', async () => {
    const ctx = terminalContext({ editor: ['ed'], editText: () => '  \n' });
    expect(await note({}, ctx)).toEqual({ action: 'empty', note: null });
    expect(ctx.store.read()?.review.notes ?? []).toEqual([]);
  });

  it('says to set EDITOR when neither variable names one', async () => {
    const ctx = terminalContext({ editor: undefined });
    await expect(note({}, ctx)).rejects.toThrow(/neither \$VISUAL nor \$EDITOR/);
  });
});
