// `prep completion bash|zsh|fish`: small scripts that ask `prep __complete` at each Tab press.
// Dynamic rather than generated lists: the candidates follow the installed prep and the plans you add,
// and a process per Tab press is cheap next to a human's typing.
import type { Shell } from '../shells.js';

/** The line `prep __complete` prints, after its candidates, when the position takes a file path. */
export const FILES_DIRECTIVE = ':files';

const scripts: Record<Shell, string> = {
  bash: `# prep: Tab completion for bash. In ~/.bashrc: eval "$(prep completion bash)"
_prep_complete() {
  local cur=\${COMP_WORDS[COMP_CWORD]-} line files=0
  COMPREPLY=()
  while IFS= read -r line; do
    if [[ $line == ${FILES_DIRECTIVE} ]]; then files=1; else COMPREPLY+=("$line"); fi
  done < <(prep __complete "\${COMP_WORDS[@]:1:COMP_CWORD-1}" "$cur" 2>/dev/null)
  if (( files && \${#COMPREPLY[@]} == 0 )); then
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
  fi
}
complete -F _prep_complete prep
`,
  // Works both eval'd in ~/.zshrc (after compinit) and as an autoloaded _prep file in $fpath.
  zsh: `#compdef prep
# prep: Tab completion for zsh. In ~/.zshrc, after compinit: eval "$(prep completion zsh)"
_prep() {
  local -a candidates
  candidates=(\${(f)"$(prep __complete "\${(@)words[2,CURRENT]}" 2>/dev/null)"})
  if (( \${candidates[(Ie)${FILES_DIRECTIVE}]} )); then
    candidates=(\${candidates:#${FILES_DIRECTIVE}})
    if (( ! \${#candidates} )); then
      _files
      return
    fi
  fi
  compadd -- "\${candidates[@]}"
}
if [[ \${funcstack[1]-} == _prep ]]; then
  _prep "$@"
elif (( \${+functions[compdef]} )); then
  compdef _prep prep
else
  print -u2 'prep: completion needs compinit first: autoload -Uz compinit && compinit'
fi
`,
  fish: `# prep: Tab completion for fish. prep completion fish > ~/.config/fish/completions/prep.fish
function __prep_complete
    set -l current (commandline -ct)
    set -l words (commandline -opc)
    set -l candidates (prep __complete $words[2..-1] "$current" 2>/dev/null)
    if contains -- ${FILES_DIRECTIVE} $candidates
        set candidates (string match -v -- ${FILES_DIRECTIVE} $candidates)
        if test (count $candidates) -eq 0
            __fish_complete_path "$current"
            return
        end
    end
    printf '%s\\n' $candidates
end
complete -c prep -f -a '(__prep_complete)'
`,
};

export function completionScript(shell: Shell): string {
  return scripts[shell];
}
