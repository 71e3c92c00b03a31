// `prep prompt init bash|zsh|fish`: a snippet that shows the segment with shell builtins only.
// The segment file is rewritten by every state change; the snippet reads it with `read` and
// starts one background refresh when the study day it was written for is over.
import { parseShell } from '../shells.js';

/** Single-quoted for POSIX shells and fish alike. */
function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function fishQuote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function initSnippet(shell: string, segmentFile: string, command: string[]): string {
  parseShell(shell, 'prompt snippet', 'eval "$(prep prompt init bash)"');
  const refresh = command.map(quote).join(' ');
  if (shell === 'bash') {
    return `# prep: streak in the prompt. Sets PREP_PROMPT before each prompt; use it in PS1, e.g.
# PS1='$PREP_PROMPT '"$PS1"
__prep_segment_file=${quote(segmentFile)}
__prep_prompt() {
  local line now expires
  PREP_PROMPT=
  if [[ ! -r $__prep_segment_file ]]; then
    # No segment (a new install, or the cache was cleared): write it once, in the background.
    if [[ \${__prep_refreshed-} != missing ]]; then
      __prep_refreshed=missing
      ( ${refresh} prompt --refresh >/dev/null 2>&1 & )
    fi
    return 0
  fi
  IFS= read -r line < "$__prep_segment_file" || [[ -n $line ]] || return 0
  expires=\${line%%$'\\t'*}
  line=\${line#*$'\\t'}; line=\${line#*$'\\t'}; PREP_PROMPT=\${line#*$'\\t'}
  printf -v now '%(%s)T' -1
  if (( now >= expires )) && [[ \${__prep_refreshed-} != "$expires" ]]; then
    __prep_refreshed=$expires
    ( ${refresh} prompt --refresh >/dev/null 2>&1 & )
  fi
}
if [[ \${PROMPT_COMMAND-} != *__prep_prompt* ]]; then
  PROMPT_COMMAND="__prep_prompt\${PROMPT_COMMAND:+;$PROMPT_COMMAND}"
fi
`;
  }
  if (shell === 'zsh') {
    return `# prep: streak in the prompt. Sets PREP_PROMPT before each prompt; use it in PROMPT, e.g.
# setopt PROMPT_SUBST; PROMPT='$PREP_PROMPT '"$PROMPT"
zmodload -F zsh/datetime p:EPOCHSECONDS 2>/dev/null
typeset -g __prep_segment_file=${quote(segmentFile)}
__prep_prompt() {
  local line
  local -a fields
  typeset -g PREP_PROMPT=
  if [[ ! -r $__prep_segment_file ]]; then
    # No segment (a new install, or the cache was cleared): write it once, in the background.
    if [[ \${__prep_refreshed-} != missing ]]; then
      typeset -g __prep_refreshed=missing
      ( ${refresh} prompt --refresh >/dev/null 2>&1 &! )
    fi
    return 0
  fi
  IFS= read -r line < "$__prep_segment_file" || [[ -n $line ]] || return 0
  fields=("\${(@ps:\\t:)line}")
  PREP_PROMPT=\${fields[4]}
  if (( EPOCHSECONDS >= fields[1] )) && [[ \${__prep_refreshed-} != "\${fields[1]}" ]]; then
    typeset -g __prep_refreshed=\${fields[1]}
    ( ${refresh} prompt --refresh >/dev/null 2>&1 &! )
  fi
}
autoload -Uz add-zsh-hook
add-zsh-hook precmd __prep_prompt
`;
  }
  const fishRefresh = command.map(fishQuote).join(' ');
  return `# prep: streak in the prompt. __prep_prompt prints the segment, and PREP_PROMPT holds it
# before each prompt; e.g. in fish_prompt: echo -n (__prep_prompt)' '
set -g __prep_segment_file ${fishQuote(segmentFile)}
function __prep_prompt
    if not test -r $__prep_segment_file
        # No segment (a new install, or the cache was cleared): write it once, in the background.
        if test "$__prep_refreshed" != missing
            set -g __prep_refreshed missing
            ${fishRefresh} prompt --refresh >/dev/null 2>&1 &
            disown 2>/dev/null
        end
        return 0
    end
    read -l --delimiter \\t expires written_up expires_up segment < $__prep_segment_file; or return 0
    set -l stale 0
    if test -r /proc/uptime
        # fish has no clock builtin; Linux's uptime is read with a builtin, and a reboot counts as stale
        read -l --delimiter . up _ < /proc/uptime
        if test $up -lt $written_up -o $up -ge $expires_up
            set stale 1
        end
    else if test (date +%s) -ge $expires
        set stale 1
    end
    if test $stale = 1 -a "$__prep_refreshed" != "$expires"
        set -g __prep_refreshed $expires
        ${fishRefresh} prompt --refresh >/dev/null 2>&1 &
        disown 2>/dev/null
    end
    printf '%s' $segment
end
function __prep_prompt_update --on-event fish_prompt
    set -g PREP_PROMPT (__prep_prompt)
end
`;
}
