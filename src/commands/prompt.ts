// `prep prompt` and `prep prompt init <shell>`: the shell prompt's segment, and the snippet that
// shows it with no process per prompt.
import { defineCommand } from '../app/define.js';
import { completeShells } from '../completion/completers.js';
import { segmentFile } from '../shell-prompt/file.js';
import { initSnippet } from '../shell-prompt/init.js';

export default [
  defineCommand({
    name: 'prompt',
    // It needs neither commander nor a context, and never prints an error into a prompt.
    runsElsewhere: 'src/shell-prompt/run.ts',
    summary: 'a short segment for the shell prompt: streak and today\'s done/total; prints nothing when no plan is active',
    options: [
      { flags: '--format <format>', description: 'tokens: {streak} {longest} {done} {total} {day} {days} {plan} {risk}' },
      { flags: '--ascii', description: 'no emoji' },
      { flags: '--debug', description: 'show an error instead of printing nothing' },
      { flags: '--refresh', description: 'also rewrite the segment file the shell snippets read' },
    ],
    examples: ['prep prompt', "prep prompt --format '{plan} day {day}/{days} 🔥{streak}'", 'eval "$(prep prompt init bash)"   # in ~/.bashrc: no process per prompt'],
  }),
  defineCommand({
    name: 'prompt init',
    summary: 'print the snippet to eval in your shell\'s rc file: bash, zsh or fish',
    arguments: [{ syntax: '<shell>', description: 'bash, zsh or fish', complete: completeShells }],
    examples: ['eval "$(prep prompt init bash)"    # ~/.bashrc', 'eval "$(prep prompt init zsh)"     # ~/.zshrc', 'prep prompt init fish | source    # ~/.config/fish/config.fish'],
    run: ({ shell }: { shell: string }, ctx) => initSnippet(shell, segmentFile(ctx.paths), [...ctx.launcher]),
    render: 'text',
  }),
];
