// The plan's id and title: --id and --title, else the file name and the first heading, else the
// first short line of a plain-text plan.
import { cleanLine, slugify } from '../curriculum/text.js';
import type { ScheduledPlan } from './draft.js';
import { plainText } from './lines.js';
import { boldLine } from './markup.js';

export interface Naming {
  id?: string;
  title?: string;
  sourceName?: string;
}

/** The id and title, and the intro without the line that became the title (or with the heading --title replaced). */
export function namePlan(plan: Pick<ScheduledPlan, 'titleHeading' | 'intro'>, options: Naming): { id: string; title: string; intro: string[] } {
  const heading = plan.titleHeading;
  const id = options.id ?? (slugify(stripExtension(options.sourceName ?? '')) || slugify(heading?.plain ?? '') || 'imported-plan');
  const intro = [...plan.intro];
  const title = cleanLine(options.title ?? heading?.plain ?? takeFirstLine(intro) ?? id);
  if (options.title !== undefined && heading) intro.unshift(boldLine(heading.text), '');
  return { id, title, intro };
}

/** Plain text with no heading: its first short line names it (and leaves the intro). */
function takeFirstLine(intro: string[]): string | undefined {
  const first = intro.findIndex((l) => l.trim() !== '');
  const line = first >= 0 ? plainText(intro[first]!) : '';
  if (!line || line.length > 100) return undefined;
  intro.splice(first, 1);
  return line;
}

function stripExtension(name: string): string {
  return name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
}
