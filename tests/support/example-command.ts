// A command as a new one is written: one module (this), and one line in the table of src/cli.ts.
import { defineCommand } from '../../src/app/define.js';
import { completePlans } from '../../src/completion/completers.js';

export interface GreetingData {
  greeting: string;
  plan: string | null;
}

export default defineCommand({
  name: 'greet',
  summary: 'say hello to a plan',
  arguments: [{ syntax: '[plan]', description: 'a plan id', complete: completePlans }],
  options: [{ flags: '--loud', description: 'in capitals' }],
  examples: ['prep greet 90-day', 'prep greet --loud'],
  run: (options: { plan?: string; loud?: boolean }): GreetingData => {
    const greeting = `Hello, ${options.plan ?? 'everyone'}`;
    return { greeting: options.loud ? greeting.toUpperCase() : greeting, plan: options.plan ?? null };
  },
  render: async () => (data: GreetingData) => `${data.greeting}!\n`,
});
