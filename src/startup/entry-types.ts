// What the start-up hands the CLI's entries (src/main.ts, src/startup/daily.ts): argv as read once,
// and how to import the heavy packages' ES module bundles (dist/vendor/), which code run from a V8
// code cache cannot.
import type { Route } from './argv.js';

export interface Startup {
  route: Route;
  importVendor?: (file: string) => Promise<unknown>;
}
