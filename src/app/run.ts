// Runs a command and prints its data in one place: JSON with --json, else the rendered text.
import { inquirerPrompter } from '../ask.js';
import { createContext, styleFor, wantsColor, type GlobalOptions } from '../context.js';
import { processStreams, writeOut } from '../output.js';
import type { AnyCommand, Render, RendererTable } from './define.js';

async function renderer(named: string | (() => Promise<Render>), renderers: RendererTable): Promise<Render> {
  const load = typeof named === 'string' ? renderers[named] : named;
  if (!load) throw new Error(`no renderer "${String(named)}" (src/app/renderers.ts)`);
  return load();
}

/** `options` are the command's own (its arguments by name, its options); `globals` the global options given; `renderers` those its renderer is named among. */
export async function runCommand(command: AnyCommand, options: object, globals: GlobalOptions, renderers: RendererTable): Promise<void> {
  if (!command.run) throw new Error(`prep ${command.name} has nothing to run`);
  const streams = processStreams();
  const color = wantsColor(globals, streams);
  const ctx = createContext(globals, streams, inquirerPrompter(color), await styleFor(color));
  const data: unknown = await command.run(options, ctx);
  const draw = (render: Render) => render(data as never, ctx, options as never);
  if (command.report && !ctx.json) writeOut(draw(await renderer(command.report, renderers)), 2);
  writeOut(command.document?.(data, options, ctx) ?? (ctx.json ? `${JSON.stringify(data, null, 2)}\n` : draw(await renderer(command.render ?? 'text', renderers))));
  process.exitCode = command.exitCode?.(data) ?? 0;
}
