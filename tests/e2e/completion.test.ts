// Tab completion in real bash, zsh and fish, with the built CLI on PATH as `prep`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, prep, shellEnv } from '../helpers.js';
import { describeWith } from '../requires.js';

let home: string;
let env: Record<string, string>;

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'prep-completion-'));
  env = shellEnv(home);
  // A plan of the user's own: completion must offer it beside the shipped ones.
  expect(prep(['plan', 'add', join(FIXTURES, 'curricula', 'week-plan.md')], { home }).status).toBe(0);
  // The active plan: tasks 1 and 3 of each day have a link to open, 2 has none and 4 none that opens.
  const reading = join(mkdtempSync(join(tmpdir(), 'prep-completion-plan-')), 'reading.md');
  writeFileSync(reading, '---\nid: reading\ntitle: Reading\ndays: 3\n---\n### Days 1-3: Reading\n- Read [the paper](https://example.com/paper)\n- Practice\n- Watch https://example.com/talk\n- Try [this](javascript:alert(1))\n');
  expect(prep(['plan', 'add', reading], { home }).status).toBe(0);
  expect(prep(['plan', 'switch', 'reading', '--start', '2026-03-02', '--date', '2026-03-02'], { home }).status).toBe(0);
});

function run(shell: 'bash' | 'zsh' | 'fish', args: string[], cwd = home): { stdout: string; stderr: string } {
  const result = spawnSync(shell, args, { cwd, encoding: 'utf8', env, timeout: 15_000 });
  if (result.error) throw result.error;
  return { stdout: result.stdout, stderr: result.stderr };
}

/** `line` as typed after `prep`, the cursor at its end: a trailing space starts an empty word. */
const wordsOf = (line: string) => ['prep', ...line.split(' ')];
const single = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

// The lines after `prep` typed before Tab, and the candidates each shell is given.
const cases: [string, string[]][] = [
  ['pl', ['plan']],
  ['plan sw', ['switch']],
  ['plan switch 9', ['90-day']],
  ['plan switch wee', ['week-plan']], // added with `prep plan add`
  ['today --j', ['--json']],
  ['config set default-plan 28', ['28-day-data']],
  ['completion f', ['fish']],
  ['plan ', ['list', 'show', 'switch', 'catch-up', 'rebalance', 'add', 'remove', 'import', 'validate', 'help']],
  ['--date 2026-03-03 open ', ['1', '3']], // the day's tasks with a link to open
  ['--date 2026-03-03 open --day 2 3', ['3']],
  ['--date 2026-03-09 open ', []], // the plan is over: no day, no tasks
];

describe('bash', () => {
  /** Calls the completion function as bash's programmable completion does, and prints COMPREPLY. */
  const complete = (line: string, cwd?: string) => {
    const words = wordsOf(line);
    const script = `eval "$(prep completion bash)"
COMP_WORDS=(${words.map(single).join(' ')}); COMP_CWORD=${words.length - 1}
_prep_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const { stdout, stderr } = run('bash', ['--norc', '--noprofile', '-c', script], cwd);
    expect(stderr).toBe('');
    return stdout.split('\n').filter((line) => line !== '');
  };

  it.each(cases)('prep %s<Tab> → %j', (line, expected) => {
    expect(complete(line)).toEqual(expected);
  });

  it('registers the function for prep', () => {
    expect(run('bash', ['--norc', '-c', 'eval "$(prep completion bash)"; complete -p prep']).stdout).toBe('complete -F _prep_complete prep\n');
  });

  it('completes file names where a curriculum file goes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-completion-files-'));
    writeFileSync(join(dir, 'my-plan.md'), '');
    mkdirSync(join(dir, 'plans'));
    expect(complete('plan add my', dir)).toEqual(['my-plan.md']);
    expect(complete('plan validate my-plan.md pl', dir)).toEqual(['plans']);
    expect(complete('plan switch my', dir)).toEqual([]); // a plan id, not a file
  });
});

describeWith(['zsh'], 'zsh', () => {
  /**
   * Types each line and a real Tab into an interactive zsh (in a pseudo-terminal, through zpty)
   * with compinit loaded, then a key bound to a widget that appends the edited line to a file.
   */
  const completeAll = (lines: string[]) => {
    const out = join(mkdtempSync(join(tmpdir(), 'prep-zsh-')), 'buffers');
    const setup = `PS1='> '; autoload -Uz compinit && compinit -u -D; eval "$(prep completion zsh)"; __dump() { print -r -- "$BUFFER" >> ${single(out)}; BUFFER=; }; zle -N __dump; bindkey '^X' __dump`;
    // One line at a time, waiting for its dump: zle may drop typeahead while a completion runs.
    const script = `zmodload zsh/zpty
zpty z 'zsh -f -i'
zpty -w z ${single(setup)}
dumped() { local -a lines; [[ -r ${single(out)} ]] && lines=("\${(@f)$(<${single(out)})}") && (( \${#lines} >= $1 )); }
n=0
for line in ${lines.map((line) => single(`prep ${line}`)).join(' ')}; do
  zpty -w -n z "$line"$'\\t\\x18'
  (( n++ ))
  for i in {1..100}; do dumped $n && break; sleep 0.05; done
done
zpty -d z
cat ${single(out)}`;
    return run('zsh', ['-f', '-c', script]).stdout.split('\n').slice(0, -1);
  };

  it('completes commands, subcommands, plan ids (the user\'s too) and flags on a real Tab', () => {
    // Unique candidates only: the line then shows the completed word, and a space after it.
    const unique = cases.filter(([, expected]) => expected.length === 1);
    expect(completeAll(unique.map(([line]) => line))).toEqual(unique.map(([line, [word]]) => `prep ${line.replace(/[^ ]*$/, word!)} `));
  });

  it('gives compadd every candidate', () => {
    const script = `autoload -Uz compinit && compinit -u -D; eval "$(prep completion zsh)"
compadd() { [[ $1 == -- ]] && shift; print -l -- "$@"; }
words=(prep plan ''); CURRENT=3; _prep`;
    expect(run('zsh', ['-f', '-c', script]).stdout).toBe('list\nshow\nswitch\ncatch-up\nrebalance\nadd\nremove\nimport\nvalidate\nhelp\n');
  });

  it('says to load compinit first when it is not', () => {
    expect(run('zsh', ['-f', '-c', 'eval "$(prep completion zsh)"']).stderr).toBe('prep: completion needs compinit first: autoload -Uz compinit && compinit\n');
  });
});

describeWith(['fish'], 'fish', () => {
  const complete = (line: string) => {
    const { stdout, stderr } = run('fish', ['--no-config', '-c', `prep completion fish | source; complete -C ${single(`prep ${line}`)}`]);
    expect(stderr).toBe('');
    return stdout.split('\n').filter((l) => l !== '');
  };

  it.each(cases)('prep %s<Tab> → %j', (line, expected) => {
    expect(complete(line)).toEqual([...expected].sort()); // fish sorts what it offers
  });
});

describe('prep completion', () => {
  it('refuses a shell it has no script for, naming the ones it has', () => {
    const run = prep(['completion', 'tcsh']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('prep: no completion script for "tcsh"\nShells: bash, zsh, fish. For example: eval "$(prep completion bash)"\n');
  });

  it('leads its help with install lines for each shell', () => {
    const help = prep(['completion', '--help']).stdout;
    for (const line of ['eval "$(prep completion bash)"', 'eval "$(prep completion zsh)"', 'prep completion fish > ~/.config/fish/completions/prep.fish']) expect(help).toContain(line);
  });
});
