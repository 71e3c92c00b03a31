import type { ConfigData } from '../commands/config.js';
import type { RenderOptions } from './style.js';

export function renderConfig(data: ConfigData, _options: RenderOptions): string {
  if (data.path !== undefined) return `${data.path}\n`;
  return `${Object.entries(data.settings ?? {}).map(([key, value]) => `${key} = ${value}`).join('\n')}\n`;
}
