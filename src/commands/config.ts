// `prep config path|get|set`: where prep keeps its files, and the settings.
import { completeSettings, completeSettingValue } from '../completion/completers.js';
import { defineCommand } from '../app/define.js';
import type { Context } from '../context.js';
import { CurriculumError, UsageError } from '../errors.js';
import { formatCapacity, parseCapacity } from '../schedule/capacity.js';
import { parseTimeOfDay } from '../schedule/dates.js';
import { cleanText, nearest } from '../curriculum/text.js';
import type { Settings } from '../state/schema.js';
import { DEFAULT_FORMAT } from '../shell-prompt/segment.js';
import { findCatalogEntry, findPlan } from '../session/session.js';
import { userCapacity } from '../session/user-capacity.js';
import { parseReviewSetting, showReviewSettings } from '../review/settings.js';

export interface ConfigData {
  /** `path`: the study log's folder (the history), the config file and the cache directory; `get`/`set`: the settings shown or changed. */
  path?: string;
  config?: string;
  cache?: string;
  settings?: Record<string, string>;
}

export const KEYS = ['day-start', 'default-plan', 'prompt-format', 'review-retention', 'review-limit', 'capacity'] as const;
type Key = (typeof KEYS)[number];

/** `planCapacity`: what capacity shows while it is not set, the plan's own. */
function show(settings: Settings, planCapacity = "the plan's own"): Record<Key, string> {
  const hours = Math.floor(settings.dayStart / 60);
  return {
    'day-start': `${String(hours).padStart(2, '0')}:${String(settings.dayStart % 60).padStart(2, '0')}`,
    'default-plan': settings.defaultPlan,
    'prompt-format': settings.promptFormat ?? DEFAULT_FORMAT,
    ...showReviewSettings(settings),
    capacity: settings.capacity ?? planCapacity,
  };
}

/** `mon-fri 3.5h, sat-sun 7h (6-week's own)`: the capacity of the active (else the default) plan, while none is set. */
async function planCapacityText(settings: Settings, ctx: Context): Promise<string | undefined> {
  if (settings.capacity !== undefined) return undefined;
  try {
    const plan = await findPlan(ctx.store.read()?.activePlan ?? settings.defaultPlan, ctx);
    return `${userCapacity(settings, plan).text} (${plan.id}'s own)`;
  } catch (caught) {
    if (caught instanceof UsageError || caught instanceof CurriculumError) return undefined;
    throw caught;
  }
}

/** What `config set capacity` stores: the canonical text of what the user wrote; `plan` goes back to the plan's own. */
function capacityChange(value: string): Partial<Settings> {
  if (['plan', 'default', 'none'].includes(value.trim().toLowerCase())) return { capacity: undefined };
  return { capacity: formatCapacity(parseCapacity(value)) };
}

/** What `config get` shows besides the settings: made by prep, never set by hand. */
const SHOWN = ['device'] as const;

function checkKey(key: string, shown = false): Key {
  if ((KEYS as readonly string[]).includes(key) || (shown && (SHOWN as readonly string[]).includes(key))) return key as Key;
  if ((SHOWN as readonly string[]).includes(key)) throw new UsageError(`${key} is made by prep, not set: it names this machine's file in the study log`, '`prep config get device` shows it; `prep sync status` lists every device.');
  const guess = nearest(key, [...KEYS, ...(shown ? SHOWN : [])]);
  throw new UsageError(`no setting "${key}"${guess ? `; did you mean "${guess}"?` : ''}`, `Settings: ${KEYS.join(', ')}.`);
}

export async function config(options: { action: 'path' | 'get' | 'set'; key?: string; value?: string }, ctx: Context): Promise<ConfigData> {
  if (options.action === 'path') return { path: ctx.store.logDir, config: ctx.paths.configFile, cache: ctx.paths.cacheDir };
  const current = ctx.store.settings;
  if (options.action === 'get') {
    const all: Record<string, string> = { ...show(current, await planCapacityText(current, ctx)), device: ctx.store.stored()?.device ?? '(none yet: made by the first write)' };
    return { settings: options.key === undefined ? all : { [checkKey(options.key, true)]: all[checkKey(options.key, true)]! } };
  }
  const key = checkKey(options.key ?? '');
  const value = options.value ?? '';
  let change: Partial<Settings>;
  if (key === 'day-start') {
    const minutes = parseTimeOfDay(value);
    if (minutes === undefined || minutes >= 12 * 60) throw new UsageError(`day-start "${value}" is not a time from 00:00 to 11:59`, 'For example: prep config set day-start 04:00 (study until 4 am counts for the day before).');
    change = { dayStart: minutes };
  } else if (key === 'review-retention' || key === 'review-limit') {
    change = parseReviewSetting(key, value);
  } else if (key === 'default-plan') {
    change = { defaultPlan: (await findCatalogEntry(value, ctx)).id };
  } else if (key === 'capacity') {
    change = capacityChange(value);
  } else {
    if (value.trim() === '' || /[\t\n\r]/.test(value)) throw new UsageError('prompt-format must be one line of text', `For example: prep config set prompt-format '${DEFAULT_FORMAT}'`);
    // Refused here, not cleaned later: what is stored is what export writes and import-state reads back.
    const unsafe = [...value].find((ch) => cleanText(ch) === '');
    if (unsafe !== undefined) {
      const code = `U+${unsafe.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      throw new UsageError(
        `prompt-format cannot hold control characters or bidi overrides (it holds ${code}${unsafe === '\u001b' ? ', the escape that starts a terminal sequence' : ''})`,
        `Give the tokens and plain text only, for example: prep config set prompt-format '${DEFAULT_FORMAT}'; for colour, put your shell's own colour codes around $(prep prompt) in the prompt.`,
      );
    }
    change = { promptFormat: value };
  }
  const settings = await ctx.store.updateSettings(change);
  return { settings: { [key]: show(settings, await planCapacityText(settings, ctx))[key] } };
}

export default [
  defineCommand({
    name: 'config',
    summary: 'where prep keeps its files, and settings: day-start, default-plan, prompt-format, review-retention, review-limit, capacity',
    examples: ['prep config path', 'prep config get', 'prep config set day-start 04:00'],
  }),
  defineCommand({
    name: 'config path',
    summary: 'print the folder of the study log (your history)',
    examples: ['prep config path', 'prep config path --json   # the config file and the cache directory too'],
    run: (_options: object, ctx) => config({ action: 'path' }, ctx),
    render: 'config',
  }),
  defineCommand({
    name: 'config get',
    summary: 'print settings',
    arguments: [{ syntax: '[key]', description: 'day-start, default-plan, prompt-format, review-retention, review-limit or capacity', complete: completeSettings }],
    examples: ['prep config get', 'prep config get day-start'],
    run: (options: { key?: string }, ctx) => config({ action: 'get', ...options }, ctx),
    render: 'config',
  }),
  defineCommand({
    name: 'config set',
    summary: 'change a setting',
    arguments: [
      { syntax: '<key>', description: 'day-start (HH:MM, when a new study day begins), default-plan (a plan id), prompt-format (the shell snippets\' segment), review-retention (0.7–0.99), review-limit (reviews a day) or capacity (hours you can study each weekday, such as "mon-fri 3h, sat 8h, sun 6h"; plan: the plan\'s own)', complete: completeSettings },
      { syntax: '<value>', complete: completeSettingValue },
    ],
    examples: ['prep config set day-start 04:00', 'prep config set default-plan 90-day', "prep config set prompt-format '{streak}d {done}/{total}'", 'prep config set review-retention 0.9', 'prep config set review-limit 20', 'prep config set capacity "mon-fri 3h, sat 8h, sun 6h"'],
    run: (options: { key: string; value: string }, ctx) => config({ action: 'set', ...options }, ctx),
    render: 'config',
  }),
];
