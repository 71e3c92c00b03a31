#!/usr/bin/env node
'use strict';
// Every run starts in dist/boot.cjs (src/startup/boot.ts), which reads argv once and runs the
// prompt's small bundle or the CLI (src/main.ts). To run from the TypeScript source: npm run dev -- ARGS.
require('../dist/boot.cjs');
