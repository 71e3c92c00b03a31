#!/usr/bin/env node
'use strict';
// The prompt widget runs before every shell prompt: it loads one CommonJS file and nothing else.
const [command, next] = process.argv.slice(2);
const asksCli = (flag) => process.argv.includes(flag);
if (command === 'prompt' && next !== 'init' && !['--help', '-h', '--version', '-V'].some(asksCli)) require('../dist/prompt.cjs');
else require('../dist/boot.cjs');
