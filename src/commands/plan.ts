// `prep plan`: the study plans' commands, each in a module of its own (plan-list.ts, plan-switch.ts…).
import { defineCommand } from '../app/define.js';

export default defineCommand({
  name: 'plan',
  summary: 'list, show, switch, catch up, validate, add and import study plans',
  examples: ['prep plan', 'prep plan show 90', 'prep plan switch 90-day', 'prep plan catch-up', 'prep plan import notes.txt -o my-plan.md'],
});
