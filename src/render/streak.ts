import { plural, type Style } from './style.js';

/** `streak 5 days (longest 9)`, with the at-risk warning when today has no study yet. */
export function streakLine(streak: { current: number; longest: number; atRisk: boolean }, style: Style): string {
  const longest = streak.longest > streak.current ? ` (longest ${streak.longest})` : '';
  const risk = streak.atRisk ? style.yellow(' at risk: study today to keep it') : '';
  return `streak ${plural(streak.current, 'day')}${longest}${risk}`;
}
