// --no-color reaches the prompts: inquirer colours by the environment alone, so prep draws every
// part of them plain itself. Colour is forced on here, as on a terminal, so the default is coloured.
import { render } from '@inquirer/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Choice } from '../../src/ask.js';

const choices: Choice[] = [
  { name: '1. Read the framework chapter', value: 'd1.read' },
  { name: '2. Design a URL shortener', value: 'd1.design' },
];
let prompts: typeof import('@inquirer/prompts');
let config: typeof import('../../src/ask.js');

beforeAll(async () => {
  process.env.FORCE_COLOR = '1';
  prompts = await import('@inquirer/prompts');
  config = await import('../../src/ask.js');
});

// Cursor moves and line clears are not colour: only SGR sequences (ESC [ … m) are.
const colours = (screen: string) => screen.match(/\u001b\[[0-9;]*m/g) ?? [];

describe('prompt colour', () => {
  it('is on by default where the terminal has colour', async () => {
    const { getScreen, events, answer } = await render(prompts.checkbox, config.checkboxConfig('Which tasks did you finish?', choices));
    expect(colours(getScreen({ raw: true }))).not.toEqual([]);
    events.keypress('enter');
    await answer;
  });

  it.each([
    ['checkbox', () => render(prompts.checkbox, config.checkboxConfig('Which tasks did you finish?', choices, false))],
    ['select', () => render(prompts.select, config.selectConfig('Switch to which plan?', choices, 'd1.read', false))],
    ['confirm', () => render(prompts.confirm, { message: 'Remove the plan?', default: false, theme: config.promptTheme(false) })],
  ])('%s is drawn without a colour code under --no-color', async (_name, start) => {
    const { getScreen, events, answer } = await start();
    expect(getScreen({ raw: true })).toContain(_name === 'confirm' ? 'Remove the plan?' : 'Read the framework chapter');
    expect(colours(getScreen({ raw: true }))).toEqual([]);
    events.keypress('enter');
    await answer;
    expect(colours(getScreen({ raw: true }))).toEqual([]);
  });
});
