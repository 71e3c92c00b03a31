// Interactive prompts, loaded only when a command asks (inquirer is not paid for otherwise).
import { useTerminalStreams } from './output.js';
import { importInquirer } from './startup/vendor.js';

export interface Choice {
  name: string;
  value: string;
  checked?: boolean;
}

export interface Prompter {
  checkbox(message: string, choices: Choice[]): Promise<string[]>;
  select(message: string, choices: Choice[], defaultValue?: string): Promise<string>;
  confirm(message: string): Promise<boolean>;
}

const same = (text: string) => text;

/**
 * Inquirer decides on colour from the environment alone; with `--no-color` every part it would
 * colour is drawn plain. The chosen items are not echoed: the command's own output lists them.
 */
export function promptTheme(color: boolean) {
  const quiet = { style: { answer: () => '' } };
  if (color) return quiet;
  return {
    prefix: { idle: '?', done: '✔' },
    spinner: { interval: 80, frames: ['-', '\\', '|', '/'] },
    icon: { checked: '◉', unchecked: '◯', cursor: '❯' },
    style: {
      ...quiet.style,
      message: same,
      error: (text: string) => `> ${text}`,
      defaultAnswer: (text: string) => `(${text})`,
      help: same,
      highlight: same,
      key: (text: string) => `<${text}>`,
      description: same,
      disabledChoice: (text: string) => `- ${text}`,
      disabled: (text: string) => `- ${text}`,
      keysHelpTip: (keys: [string, string][]) => keys.map(([key, action]) => `${key} ${action}`).join(' • '),
    },
  };
}

export function checkboxConfig(message: string, choices: Choice[], color = true) {
  return { message, choices, pageSize: Math.min(choices.length, 15), instructions: ' (space to mark, enter to save)', theme: promptTheme(color) };
}

export function selectConfig(message: string, choices: Choice[], defaultValue?: string, color = true) {
  return { message, choices, theme: promptTheme(color), ...(defaultValue === undefined ? {} : { default: defaultValue }) };
}

/** Esc gives up on a prompt as Ctrl-C does: the prompt is aborted, nothing is written. */
async function cancellable<T>(ask: (context: { signal: AbortSignal }) => Promise<T>): Promise<T> {
  useTerminalStreams();
  const escape = new AbortController();
  const onKey = (_text: string, key: { name?: string } | undefined) => {
    if (key?.name === 'escape') escape.abort();
  };
  process.stdin.on('keypress', onKey);
  try {
    return await ask({ signal: escape.signal });
  } finally {
    process.stdin.off('keypress', onKey);
  }
}

/** The prompts of a real terminal, in colour or not as the context decided. */
export function inquirerPrompter(color: boolean): Prompter {
  return {
    async checkbox(message, choices) {
      const { checkbox } = await importInquirer();
      return cancellable((context) => checkbox(checkboxConfig(message, choices, color), context));
    },
    async select(message, choices, defaultValue) {
      const { select } = await importInquirer();
      return cancellable((context) => select(selectConfig(message, choices, defaultValue, color), context));
    },
    async confirm(message) {
      const { confirm } = await importInquirer();
      return cancellable((context) => confirm({ message, default: false, theme: promptTheme(color) }, context));
    },
  };
}
