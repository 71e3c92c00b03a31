// The build of prep this is: the bundler stamps each build (a hash of the sources and the lockfile);
// unbundled (tests, tsc) it is 'dev', and dist/ may be older than the source.
declare const PREP_BUILD: string | undefined;

export const BUILD = typeof PREP_BUILD === 'string' ? PREP_BUILD : 'dev';
