// Choosing what opens a link: which addresses are opened, $BROWSER's convention, the platform's opener, a task's links.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { browserLaunches, platformLaunches, splitWords, webAddress } from '../../src/open/browser.js';
import { taskLinks } from '../../src/open/links.js';

const URL = 'https://example.com/a?b=1&c=2';

describe('webAddress', () => {
  it.each([
    ['https://example.com/a?b=1&c=2', 'https://example.com/a?b=1&c=2'],
    ['http://example.com', 'http://example.com/'], // normalised as a browser would
    ['HTTPS://Example.COM/x', 'https://example.com/x'],
    ['  https://example.com/x  ', 'https://example.com/x'],
    ['https://example.com/\u001b[2J\u202Eevil\u009b2J', 'https://example.com/[2Jevil2J'], // cleaned before anything else
    ['https://example.com/a b"c', 'https://example.com/a%20b%22c'], // no space or quote reaches an opener
  ])('takes %j as %j', (raw, url) => {
    expect(webAddress(raw)).toBe(url);
  });

  it.each([
    ['javascript:alert(1)'],
    ['JavaScript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['file:///etc/passwd'], // a file link could start a program on macOS and Windows
    ['mailto:someone@example.com'],
    ['-oProxyCommand=evil'], // an opener could take it for an option
    ['--help'],
    ['notes.md'],
    ['//example.com/x'],
    ['https://'],
    [''],
  ])('refuses %j', (raw) => {
    expect(webAddress(raw)).toBeUndefined();
  });
});

describe('splitWords', () => {
  it.each([
    ['firefox', ['firefox']],
    ['  firefox   --new-tab  ', ['firefox', '--new-tab']],
    ["'/Applications/My Browser.app/run' -x", ['/Applications/My Browser.app/run', '-x']],
    ['"/opt/my browser/bin" "a \\"b\\" \\\\"', ['/opt/my browser/bin', 'a "b" \\']],
    ['my\\ browser %s', ['my browser', '%s']],
    ["it''s", ['its']],
    ["''", ['']], // an empty word, quoted, is a word
    ['$(rm -rf ~) `id` ; | &', ['$(rm', '-rf', '~)', '`id`', ';', '|', '&']], // nothing is expanded or run
    ["'unterminated quote", ['unterminated quote']],
    ['', []],
  ])('splits %j into %j', (entry, words) => {
    expect(splitWords(entry)).toEqual(words);
  });

  it('gives back any words quoted as a shell quotes them', () => {
    const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 6 }), (words) => {
        expect(splitWords(words.map(quote).join(' '))).toEqual(words);
      }),
    );
  });
});

describe('browserLaunches', () => {
  it.each([
    ['firefox', [{ command: 'firefox', args: [URL] }]],
    ['firefox --new-tab', [{ command: 'firefox', args: ['--new-tab', URL] }]],
    ['chromium --app=%s --x', [{ command: 'chromium', args: [`--app=${URL}`, '--x'] }]],
    ['echo %s 100%%', [{ command: 'echo', args: [URL, '100%'] }]],
    ['echo %%s', [{ command: 'echo', args: ['%s', URL] }]], // `%%s` is a literal `%s`: the URL still goes last
    ['nope:firefox:w3m -dump', [{ command: 'nope', args: [URL] }, { command: 'firefox', args: [URL] }, { command: 'w3m', args: ['-dump', URL] }]],
    [':firefox::', [{ command: 'firefox', args: [URL] }]],
    ['   ', []],
  ])('$BROWSER=%j', (browser, launches) => {
    expect(browserLaunches(browser, URL, 'linux')).toEqual(launches);
  });

  it('separates entries with ";" on Windows, whose paths hold colons, and keeps its backslashes', () => {
    expect(browserLaunches('C:\\Tools\\browser.exe;"C:\\Program Files\\Other\\other.exe" %s', URL, 'win32')).toEqual([
      { command: 'C:\\Tools\\browser.exe', args: [URL] },
      { command: 'C:\\Program Files\\Other\\other.exe', args: [URL] },
    ]);
  });

  it('passes the address as one whole argument, whatever it holds', () => {
    fc.assert(
      fc.property(fc.webUrl(), fc.constantFrom('firefox', 'open -a Safari', 'x %s', 'x --u=%s'), (url, browser) => {
        const [launch] = browserLaunches(browser, url, 'linux');
        expect(launch!.args.filter((arg) => arg.includes(url))).toHaveLength(1);
      }),
    );
  });
});

describe('platformLaunches', () => {
  it.each([
    [{ platform: 'darwin', wsl: false, display: false }, [{ command: 'open', args: [URL] }]],
    [{ platform: 'linux', wsl: false, display: true }, [{ command: 'xdg-open', args: [URL] }]],
    [{ platform: 'freebsd', wsl: false, display: true }, [{ command: 'xdg-open', args: [URL] }]],
    [{ platform: 'linux', wsl: false, display: false }, []], // a server over ssh: nothing to open, so the address is printed
    [{ platform: 'linux', wsl: true, display: false }, [{ command: 'wslview', args: [URL] }, { command: 'rundll32.exe', args: ['url.dll,FileProtocolHandler', URL] }]],
    [{ platform: 'win32', wsl: false, display: false }, [{ command: 'rundll32', args: ['url.dll,FileProtocolHandler', URL] }]],
  ] as const)('%j', (facts, launches) => {
    expect(platformLaunches(facts, URL)).toEqual(launches);
  });
});

describe('taskLinks', () => {
  const task = (text: string, details: string[] = [], links: { text: string; url: string }[] = []) => ({ text, details, links });

  it.each([
    ['Markdown links first, in order', task('Read a and b', [], [{ text: 'a', url: 'https://a.example/' }, { text: 'b', url: 'https://b.example/' }]), [['a', 'https://a.example/'], ['b', 'https://b.example/']]],
    ['a bare address in the text', task('See https://x.example/notes.'), [['https://x.example/notes', 'https://x.example/notes']]],
    ['bare addresses in the details', task('Read', ['at https://x.example/a, then (https://x.example/b).']), [['https://x.example/a', 'https://x.example/a'], ['https://x.example/b', 'https://x.example/b']]],
    ['a parenthesis of the address itself', task('https://en.wikipedia.org/wiki/Raft_(algorithm)'), [['https://en.wikipedia.org/wiki/Raft_(algorithm)', 'https://en.wikipedia.org/wiki/Raft_(algorithm)']]],
    ['each address once', task('https://a.example/', ['https://a.example/'], [{ text: 'A', url: 'https://a.example/' }]), [['A', 'https://a.example/']]],
    ['cleaned texts and addresses', task('Read', [], [{ text: '\u001b[1mA', url: 'https://a.example/\u001b[2J' }]), [['[1mA', 'https://a.example/[2J']]],
    ['no link', task('Practice'), []],
  ])('%s', (_name, input, links) => {
    expect(taskLinks(input).map((link) => [link.text, link.url])).toEqual(links);
  });
});
