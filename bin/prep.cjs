#!/usr/bin/env node
'use strict';
// The prompt widget runs before every shell prompt: it loads one CommonJS file and nothing else.
const [command, next] = process.argv.slice(2);
if (command === 'prompt' && next !== 'init' && !process.argv.includes('--help') && !process.argv.includes('-h')) require('../dist/prompt.cjs');
else require('../dist/boot.cjs');
