// Interactive prompts, loaded only when a command asks (inquirer is not paid for otherwise).
import { importInquirer } from './vendor.js';

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

export function checkboxConfig(message: string, choices: Choice[]) {
  return { message, choices, pageSize: Math.min(choices.length, 15), instructions: ' (space to mark, enter to save)' };
}

export function selectConfig(message: string, choices: Choice[], defaultValue?: string) {
  return defaultValue === undefined ? { message, choices } : { message, choices, default: defaultValue };
}

export const inquirerPrompter: Prompter = {
  async checkbox(message, choices) {
    const { checkbox } = await importInquirer();
    return checkbox(checkboxConfig(message, choices));
  },
  async select(message, choices, defaultValue) {
    const { select } = await importInquirer();
    return select(selectConfig(message, choices, defaultValue));
  },
  async confirm(message) {
    const { confirm } = await importInquirer();
    return confirm({ message, default: false });
  },
};
