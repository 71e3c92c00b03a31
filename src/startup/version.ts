// prep's version: stamped into the bundle at build time (scripts/build.mjs); read from package.json
// when running from source.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './package-root.js';

declare const PREP_VERSION: string | undefined;

export function version(): string {
  if (typeof PREP_VERSION === 'string') return PREP_VERSION;
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
