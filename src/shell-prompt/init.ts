// `prep prompt init bash|zsh|fish`: a snippet that shows the segment with shell builtins only.
// The segment file is rewritten by every state change; the snippet reads it with `read` and
// starts one background refresh when the study day it was written for is over.
// What it reads is data only: the file must be the user's own, its numbers are digits before any
// arithmetic, and a segment with a control character (an escape sequence) is not shown.
import { parseShell } from '../shells.js';

/** Single-quoted for POSIX shells and fish alike. */
function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function fishQuote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

// C1 controls in UTF-8 (C2 80 to C2 9F), which [[:cntrl:]] misses in the C locale. zsh metafies bytes
// 0x83-0x9f, so a bracket misses them there: they are spelled out, in a string, because SH_GLOB set
// when the function is defined could not parse the alternation.
const C1_BASH = `*$'\\xc2'[$'\\x80'-$'\\x9f']*`;
const C1_ZSH = `$'*(${Array.from({ length: 32 }, (_, i) => `\\xc2\\x${(0x80 + i).toString(16)}`).join('|')})*'`;

/** bash and zsh alike: the fields of the user's own segment file, each number checked to be digits (a regex costs bash 10x more). */
const READ_FIELDS = `# Only the user's own file, as prep writes it: a line of any other shape is shown as nothing.
  [[ -f $__prep_segment_file && -O $__prep_segment_file ]] || return 0
  IFS=$'\\t' read -r expires written_up expires_up segment < "$__prep_segment_file" || [[ -n $expires ]] || return 0
  for field in "$expires" "$written_up" "$expires_up"; do
    [[ -n $field && $field != *[!0-9]* && \${#field} -le 18 ]] || return 0
  done`;

export function initSnippet(shell: string, segmentFile: string, command: string[]): string {
  parseShell(shell, 'prompt snippet', 'eval "$(prep prompt init bash)"');
  const refresh = command.map(quote).join(' ');
  if (shell === 'bash') {
    return `# prep: streak in the prompt. Sets PREP_PROMPT before each prompt; use it in PS1, e.g.
# PS1='$PREP_PROMPT '"$PS1"
__prep_segment_file=${quote(segmentFile)}
__prep_prompt() {
  local now expires written_up expires_up segment field
  PREP_PROMPT=
  if [[ ! -r $__prep_segment_file ]]; then
    # No segment (a new install, or the cache was cleared): write it once, in the background.
    if [[ \${__prep_refreshed-} != missing ]]; then
      __prep_refreshed=missing
      ( ${refresh} prompt --refresh >/dev/null 2>&1 & )
    fi
    return 0
  fi
  ${READ_FIELDS}
  [[ $segment == *[[:cntrl:]]* || $segment == ${C1_BASH} ]] || PREP_PROMPT=$segment
  printf -v now '%(%s)T' -1
  if (( now >= 10#$expires )) && [[ \${__prep_refreshed-} != "$expires" ]]; then
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
  emulate -L zsh
  local expires written_up expires_up segment field c1=${C1_ZSH}
  typeset -g PREP_PROMPT=
  if [[ ! -r $__prep_segment_file ]]; then
    # No segment (a new install, or the cache was cleared): write it once, in the background.
    if [[ \${__prep_refreshed-} != missing ]]; then
      typeset -g __prep_refreshed=missing
      ( ${refresh} prompt --refresh >/dev/null 2>&1 &! )
    fi
    return 0
  fi
  ${READ_FIELDS}
  # % doubled: with PROMPT_SUBST, PROMPT='$PREP_PROMPT' would expand % sequences in it.
  [[ $segment == *[[:cntrl:]]* || $segment == $~c1 ]] || PREP_PROMPT=\${segment//\\%/%%}
  if (( EPOCHSECONDS >= $expires )) && [[ \${__prep_refreshed-} != "$expires" ]]; then
    typeset -g __prep_refreshed=$expires
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
    # Only the user's own file, as prep writes it: a line of any other shape is shown as nothing.
    test -f $__prep_segment_file -a -O $__prep_segment_file; or return 0
    read -l --delimiter \\t expires written_up expires_up segment < $__prep_segment_file; or return 0
    test (count (string match -r '^[0-9]{1,18}$' -- $expires $written_up $expires_up)) -eq 3; or return 0
    string match -qr '\\p{Cc}' -- $segment; and set segment ''
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
