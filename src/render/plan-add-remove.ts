import type { AddData, RemoveData } from '../commands/plan-add-remove.js';
import { message } from './layout.js';
import { plural, type RenderOptions } from './style.js';

export function renderAdd(data: AddData, { style, wrapAt }: RenderOptions): string {
  if (data.unchanged) return message([`Nothing changed: ${style.bold(data.id)} is already added, from the same text.`, style.dim(`Kept at ${data.path}.`)], wrapAt);
  const verb = data.replaced ? 'Replaced' : 'Added';
  return message([`${style.green('✔')} ${verb} ${style.bold(data.id)}: ${data.title} (${plural(data.days, 'day')})`, style.dim(`Kept at ${data.path}. \`prep plan switch ${data.id}\` starts it.`)], wrapAt);
}

export function renderRemove(data: RemoveData, { style, wrapAt }: RenderOptions): string {
  if (!data.removed) return 'Nothing removed.\n';
  const lines = [`${style.green('✔')} Removed ${style.bold(data.id)} (${data.path}). Its progress stays in your log.`];
  if (data.wasActive) lines.push('No plan is active now: `prep plan switch ID` picks one (or `prep today` starts the default).');
  return message(lines, wrapAt);
}
