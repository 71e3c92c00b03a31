// `prep plan add FILE` and `prep plan remove ID`: the user's own curricula, beside the shipped ones.
import { completeFiles, completePlans } from '../completion/completers.js';
import { defineCommand } from '../app/define.js';
import { dirname, join, resolve } from 'node:path';
import type { Context } from '../context.js';
import { catalog, loadCurriculumText, readCurriculumText, SHIPPED_CURRICULA } from '../curriculum/read.js';
import { UsageError } from '../errors.js';
import { confirmed, dates } from '../session/session.js';

export interface AddData {
  id: string;
  title: string;
  days: number;
  path: string;
  /** A user plan of the same id was there and has been replaced (--force). */
  replaced: boolean;
  /** The same text was added already: nothing was written. */
  unchanged: boolean;
}

export interface RemoveData {
  id: string;
  path: string;
  /** It was the active plan: no plan is active now, and progress stays in the log. */
  wasActive: boolean;
  removed: boolean;
}

export async function planAdd(options: { file: string; force?: boolean }, ctx: Context): Promise<AddData> {
  const source = resolve(ctx.cwd, options.file);
  // Read once: the file checked is the file copied, whatever happens to it meanwhile.
  const text = readCurriculumText(source);
  const plan = await loadCurriculumText(source, text, ctx.paths.cacheDir); // a file with errors is refused with every problem listed
  const shipped = (await catalog([SHIPPED_CURRICULA])).map((e) => e.id);
  if (shipped.includes(plan.id)) {
    throw new UsageError(`"${plan.id}" is the id of a shipped plan`, `Give your plan its own id in ${options.file}, such as \`id: ${plan.id}-mine\`, and add it again.`);
  }
  const target = join(ctx.paths.userCurricula, `${plan.id}.md`);
  const replaced = ctx.files.exists(target);
  const view = { id: plan.id, title: plan.title, days: plan.days, path: target };
  const same = replaced && sameText(target, text);
  if (replaced && !same && !options.force) {
    throw new UsageError(`you already have a plan "${plan.id}", with other contents`, 'Add it with --force to replace it (progress is kept), or give the new one another id.');
  }
  if (!same) {
    ctx.files.makeDirectory(ctx.paths.userCurricula);
    ctx.files.replace(target, text, 0o600);
  }
  // The text travels with the log, so the plan is there on every machine that shares it.
  const { realToday } = dates(ctx, ctx.store.read());
  const { appended } = await ctx.store.update((current) => (current.curricula[plan.id] === text ? false : [{ kind: 'plan-file', date: realToday, plan: plan.id, text }]));
  return { ...view, replaced: replaced && !same, unchanged: same && appended.length === 0 };
}

/** Whether the plan at `target` holds `text`; one that cannot be read is not the same. */
function sameText(target: string, text: string): boolean {
  try {
    return readCurriculumText(target) === text;
  } catch {
    return false;
  }
}

export async function planRemove(options: { id: string; force?: boolean; yes?: boolean }, ctx: Context): Promise<RemoveData> {
  const entries = await catalog(ctx.curriculaDirs);
  const entry = entries.find((e) => e.id === options.id);
  if (!entry) throw new UsageError(`no plan "${options.id}" to remove`, `Your plans: ${entries.filter((e) => dirname(e.path) !== SHIPPED_CURRICULA).map((e) => e.id).join(', ') || 'none yet (prep plan add FILE)'}.`);
  if (dirname(entry.path) === SHIPPED_CURRICULA) throw new UsageError(`"${options.id}" is a shipped plan and cannot be removed`, 'Only plans added with `prep plan add` can be removed.');

  const refusal = new UsageError(`plan remove deletes ${entry.id}; confirm with --yes`, `Run \`prep plan remove ${entry.id} --yes\`; its progress stays in your log, and adding it again brings it back.`);
  if (!(await confirmed(ctx, options.yes, `Remove the plan ${entry.id}? Its progress stays in your log, and adding it again brings it back.`, refusal))) {
    return { id: entry.id, path: entry.path, wasActive: ctx.store.read()?.activePlan === entry.id, removed: false };
  }
  // Decided and done under the lock: a \`plan switch\` to this plan at the same moment sees either
  // the file (and this refuses, the plan being active) or no file (and it refuses).
  let wasActive = false;
  const { realToday } = dates(ctx, ctx.store.read());
  await ctx.store.update(
    (current) => {
      wasActive = current.activePlan === entry.id;
      if (wasActive && !options.force) {
        throw new UsageError(`"${entry.id}" is your active plan`, 'Switch to another first (`prep plan switch ID`), or remove it with --force; its progress stays in your log either way.');
      }
      return [...(wasActive ? [{ kind: 'switch', date: realToday, plan: null } as const] : []), { kind: 'plan-remove', date: realToday, plan: entry.id }];
    },
    // The file goes once the log no longer names the plan (so a failed write removes nothing), still under the lock.
    { then: () => ctx.files.remove(entry.path) },
  );
  return { id: entry.id, path: entry.path, wasActive, removed: true };
}

export default [
  defineCommand({
    name: 'plan add',
    summary: 'validate a curriculum file and add it to your plans (a copy is kept in your data directory)',
    arguments: [{ syntax: '<file>', description: 'a curriculum Markdown file', complete: completeFiles }],
    options: [{ flags: '--force', description: 'replace a plan of yours with the same id (its progress is kept)' }],
    examples: ['prep plan add my-plan.md', 'prep plan add my-plan.md --force'],
    run: planAdd,
    render: 'plan-add',
  }),
  defineCommand({
    name: 'plan remove',
    summary: 'remove a plan you added; its progress stays in your log',
    arguments: [{ syntax: '<plan>', description: 'the id of a plan you added', complete: completePlans }],
    options: [
      { flags: '--force', description: 'also when it is the active plan' },
      { flags: '-y, --yes', description: 'do not ask first' },
    ],
    examples: ['prep plan remove my-plan', 'prep plan remove my-plan --force --yes'],
    run: ({ plan, ...options }: { plan: string; force?: boolean; yes?: boolean }, ctx) => planRemove({ id: plan, ...options }, ctx),
    render: 'plan-remove',
  }),
];
