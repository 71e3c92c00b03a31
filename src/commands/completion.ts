// `prep completion <shell>` prints a completion script; `prep __complete <words…>` (src/completion/line.ts) is what it calls.
import { defineCommand } from '../app/define.js';
import { completeShells } from '../completion/completers.js';
import { completionScript } from '../completion/scripts.js';
import { parseShell } from '../shells.js';

export function completion(shell: string): string {
  return completionScript(parseShell(shell, 'completion script', 'eval "$(prep completion bash)"'));
}

export default defineCommand({
  name: 'completion',
  summary: 'print the Tab-completion script for your shell: bash, zsh or fish (commands, options, plan ids)',
  arguments: [{ syntax: '<shell>', description: 'bash, zsh or fish', complete: completeShells }],
  examples: [
    'eval "$(prep completion bash)"    # ~/.bashrc',
    'prep completion bash > ~/.local/share/bash-completion/completions/prep',
    'eval "$(prep completion zsh)"     # ~/.zshrc, after compinit',
    'prep completion fish > ~/.config/fish/completions/prep.fish',
  ],
  run: ({ shell }: { shell: string }) => completion(shell),
  render: 'text',
});
