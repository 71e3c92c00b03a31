import type { AddData, RemoveData } from '../commands/plan-add-remove.js';
import { plural, type RenderOptions } from './style.js';

export function renderAdd(data: AddData, { style }: RenderOptions): string {
  if (data.unchanged) return `Nothing changed: ${style.bold(data.id)} is already added, from the same text.\n${style.dim(`Kept at ${data.path}.`)}\n`;
  const verb = data.replaced ? 'Replaced' : 'Added';
  return `${style.green('✔')} ${verb} ${style.bold(data.id)}: ${data.title} (${plural(data.days, 'day')})\n${style.dim(`Kept at ${data.path}. \`prep plan switch ${data.id}\` starts it.`)}\n`;
}

export function renderRemove(data: RemoveData, { style }: RenderOptions): string {
  if (!data.removed) return 'Nothing removed.\n';
  const active = data.wasActive ? '\nNo plan is active now: `prep plan switch ID` picks one (or `prep today` starts the default).' : '';
  return `${style.green('✔')} Removed ${style.bold(data.id)} (${data.path}). Its progress stays in your log.${active}\n`;
}
