// `prep config path|get|set`: where the state lives, and the settings kept in it.
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { parseTimeOfDay } from '../schedule/dates.js';
import { nearest } from '../curriculum/text.js';
import { emptyState, type Settings } from '../state/schema.js';
import { DEFAULT_PLAN_ID } from '../curriculum/read.js';
import { DEFAULT_FORMAT } from '../prompt/segment.js';
import { findCatalogEntry } from './session.js';

export interface ConfigData {
  /** `path`: the state file; `get`/`set`: the settings shown or changed. */
  path?: string;
  cache?: string;
  settings?: Record<string, string>;
}

export const KEYS = ['day-start', 'default-plan', 'prompt-format'] as const;
type Key = (typeof KEYS)[number];

function show(settings: Settings): Record<Key, string> {
  const hours = Math.floor(settings.dayStart / 60);
  return {
    'day-start': `${String(hours).padStart(2, '0')}:${String(settings.dayStart % 60).padStart(2, '0')}`,
    'default-plan': settings.defaultPlan,
    'prompt-format': settings.promptFormat ?? DEFAULT_FORMAT,
  };
}

function checkKey(key: string): Key {
  if ((KEYS as readonly string[]).includes(key)) return key as Key;
  const guess = nearest(key, KEYS);
  throw new UsageError(`no setting "${key}"${guess ? `; did you mean "${guess}"?` : ''}`, `Settings: ${KEYS.join(', ')}.`);
}

export async function config(options: { action: 'path' | 'get' | 'set'; key?: string; value?: string }, ctx: Context): Promise<ConfigData> {
  if (options.action === 'path') return { path: ctx.paths.stateFile, cache: ctx.paths.cacheDir };
  const current = (ctx.store.read() ?? emptyState(DEFAULT_PLAN_ID)).settings;
  if (options.action === 'get') {
    const all = show(current);
    return { settings: options.key === undefined ? all : { [checkKey(options.key)]: all[checkKey(options.key)] } };
  }
  const key = checkKey(options.key ?? '');
  const value = options.value ?? '';
  let change: Partial<Settings>;
  if (key === 'day-start') {
    const minutes = parseTimeOfDay(value);
    if (minutes === undefined || minutes >= 12 * 60) throw new UsageError(`day-start "${value}" is not a time from 00:00 to 11:59`, 'For example: prep config set day-start 04:00 (study until 4 am counts for the day before).');
    change = { dayStart: minutes };
  } else if (key === 'default-plan') {
    change = { defaultPlan: (await findCatalogEntry(value, ctx)).id };
  } else {
    if (value.trim() === '' || /\p{Cc}/u.test(value)) throw new UsageError('prompt-format must be one line of printable text', `For example: prep config set prompt-format '${DEFAULT_FORMAT}'`);
    change = { promptFormat: value };
  }
  const state = await ctx.store.update((draft) => {
    draft.settings = { ...draft.settings, ...change };
  });
  return { settings: { [key]: show(state.settings)[key] } };
}
