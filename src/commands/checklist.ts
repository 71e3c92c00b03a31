// `prep checklist`, `prep check N…`, `prep uncheck N…`: the plan's final checklist.
import { defineCommand } from '../app/define.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { checklistTicks } from '../state/schema.js';
import { parseTaskNumbers } from './done.js';
import { openSession } from '../session/session.js';

export interface ChecklistData {
  plan: string;
  items: { n: number; id: string; text: string; done: boolean }[];
  done: number;
  total: number;
  /** Items this run ticked or unticked. */
  changed: number[];
}

export async function checklist(options: { numbers?: string[]; action?: 'check' | 'uncheck' }, ctx: Context): Promise<ChecklistData> {
  const session = await openSession(ctx, options.action ? 'record' : 'read');
  const { plan } = session;
  let state = session.state;
  const changed: number[] = [];
  if (options.action) {
    if (plan.checklist.length === 0) throw new UsageError(`${plan.id} has no final checklist`);
    if (!options.numbers?.length) throw new UsageError(`which items? Pass their numbers (1-${plan.checklist.length})`, `For example: prep ${options.action} 1. \`prep checklist\` shows the numbers.`);
    const wanted = options.action === 'check';
    const items = [...new Set(parseTaskNumbers(options.numbers, plan.checklist.length, options.action, 'item'))].map((n) => plan.checklist[n - 1]!);
    const pending = (log: typeof state.log) => items.filter((item) => checklistTicks(log, plan.id).has(item.id) !== wanted);
    if (pending(state.log).length > 0) {
      const kind = options.action;
      ({ state } = await session.update((current) => {
        // Decided again on the state read under the lock: two runs at once record an item once.
        const toChange = pending(current.log);
        changed.splice(0, changed.length, ...toChange.map((item) => item.n));
        return toChange.map((item) => ({ kind, date: session.today, plan: plan.id, task: item.id, text: item.text }));
      }));
    }
  }
  const ticks = checklistTicks(state.log, plan.id);
  const items = plan.checklist.map((item) => ({ n: item.n, id: item.id, text: item.text, done: ticks.has(item.id) }));
  return { plan: plan.id, items, done: items.filter((i) => i.done).length, total: items.length, changed };
}

const tickCommand = (action: 'check' | 'uncheck') =>
  defineCommand({
    name: action,
    summary: action === 'check' ? 'tick final-checklist items' : 'untick final-checklist items',
    arguments: [{ syntax: '<numbers...>', description: 'item numbers as `prep checklist` shows them' }],
    examples: [`prep ${action} 1 3`],
    run: ({ numbers }: { numbers: string[] }, ctx) => checklist({ numbers, action }, ctx),
    render: 'checklist',
  });

export default [
  defineCommand({
    name: 'checklist',
    summary: 'the active plan\'s final checklist, with your ticks',
    examples: ['prep checklist', 'prep check 1 2', 'prep uncheck 2'],
    run: (_options: object, ctx) => checklist({}, ctx),
    render: 'checklist',
  }),
  tickCommand('check'),
  tickCommand('uncheck'),
];
