// Runs prep straight from the TypeScript source, with none of the start-up machinery (no bundle,
// no code cache, no vendor bundles, the parser imported as source): `npm run dev -- today`.
import { main } from '../main.js';
import { routeOf } from './argv.js';

void main({ route: routeOf(process.argv.slice(2)) });
