// The commands run every day (`prep today`, `prep done 3`, `prep undo 3`, and `prep` alone) and
// their renderers. dist/daily.cjs is built from these alone (src/startup/daily.ts), so a plain run
// of one loads none of the other commands, nor commander; src/cli.ts and src/app/renderers.ts
// begin their tables with them.
import type { TodayData } from './commands/today.js';
import type { CommandEntry, RendererTable } from './app/define.js';
import type { RenderOptions } from './render/style.js';

export const DAILY_COMMANDS: readonly CommandEntry[] = [
  { name: 'today', load: () => import('./commands/today.js') },
  { name: 'done', load: () => import('./commands/done.js') },
  { name: 'undo', load: () => import('./commands/done.js') },
];

export const DAILY_RENDERERS: RendererTable = {
  // The data is already the text to print (a shell snippet, a completion script).
  text: async () => (text: string) => text,
  today: async () => {
    const { renderHints, renderToday } = await import('./render/today.js');
    // `prep` alone is today's page with a line on the other commands.
    return (data: TodayData, options: RenderOptions, { hints }: { hints?: boolean }) => (hints ? `${renderToday(data, options)}${renderHints(options)}` : renderToday(data, options));
  },
  done: async () => (await import('./render/done.js')).renderMark,
};
