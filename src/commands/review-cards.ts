// `prep review grade ID again|hard|good|easy`, `prep review add --day D | --checklist N`,
// `prep review export [-o deck.txt]`: spaced review without the review screen.
import { defineCommand } from '../app/define.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import type { Rating } from '../log/events.js';
import { ankiDeck } from '../review/anki.js';
import { cardIdForDay, itemCardId } from '../review/cards.js';
import { dueReviews } from '../review/deck.js';
import { reviewSettings } from '../review/settings.js';
import { daysBetween, type LocalDate } from '../schedule/dates.js';
import { planDays } from '../schedule/plan-days.js';
import { parseDays } from './done.js';
import { dates, findPlan, refuseFuture } from '../session/session.js';
import { reviewPlans } from '../session/review-deck.js';
import { deckOf, gradeMoment, parseRating, recordGrade } from '../session/review-grade.js';

export interface GradeData {
  card: string;
  front: string;
  rating: Rating;
  /** When it is due next, and in how many days. */
  due: LocalDate;
  days: number;
  /** It was due when graded (a card graded ahead of its date is still graded). */
  wasDue: boolean;
  /** Cards still to review today, the daily limit kept. */
  left: number;
}

function readState(ctx: Context) {
  const state = ctx.store.read();
  if (!state) throw new UsageError('there are no review cards yet', 'A plan day becomes a card once all its tasks are done (`prep done --all`); `prep review add --day D` makes one of any day.');
  return state;
}

export async function gradeCard(options: { card: string; rating: string }, ctx: Context): Promise<GradeData> {
  const rating = parseRating(options.rating);
  const state = readState(ctx);
  const { realToday, today } = dates(ctx, state);
  refuseFuture(today, realToday);
  const plans = await reviewPlans(ctx, state);
  const graded = await recordGrade(ctx, plans, options.card.trim(), rating, gradeMoment(ctx, state, today));
  const { card, schedule } = graded.entry;
  const left = dueReviews(deckOf(plans, graded.state), today, reviewSettings(graded.state.settings)).cards.length;
  return { card: card.id, front: `${card.front.label}: ${card.front.title}`, rating, due: schedule.due, days: daysBetween(today, schedule.due), wasDue: graded.wasDue, left };
}

export interface ReviewAddData {
  card: string;
  front: string;
  /** `added` now, or a card already (a finished day, or added before). */
  result: 'added' | 'already';
}

export async function addCard(options: { day?: string; checklist?: string; plan?: string }, ctx: Context): Promise<ReviewAddData> {
  if ((options.day === undefined) === (options.checklist === undefined)) throw new UsageError('say which card to add: --day D or --checklist N', 'For example: prep review add --day 3, or prep review add --checklist 2.');
  const state = ctx.store.read();
  const { realToday, today } = dates(ctx, state);
  refuseFuture(today, realToday);
  const plan = await findPlan(options.plan ?? state?.activePlan ?? ctx.store.settings.defaultPlan, ctx);
  const plans = [plan, ...(state ? (await reviewPlans(ctx, state)).filter((other) => other.id !== plan.id) : [])];
  let id: string;
  let front: string;
  let payload: { kind: 'review-add'; date: LocalDate; plan: string; day: number } | { kind: 'review-add'; date: LocalDate; plan: string; item: string };
  if (options.day !== undefined) {
    const range = parseDays(options.day, plan);
    if (range.from !== range.to) throw new UsageError(`a card is one plan day, not days ${range.from}-${range.to}`, `Name one, such as --day ${range.from}.`);
    const found = cardIdForDay(plan.id, planDays(plan), range.from);
    if (found === undefined) throw new UsageError(`day ${range.from} of ${plan.id} has no tasks to review`, 'Pick a day with tasks (`prep plan show` lists them).');
    id = found;
    payload = { kind: 'review-add', date: today, plan: plan.id, day: range.from };
    front = `Day ${range.from} of ${plan.id}`;
  } else {
    const item = plan.checklist.find((candidate) => String(candidate.n) === options.checklist?.trim());
    if (!item) throw new UsageError(`${plan.id} has no checklist item ${options.checklist}`, plan.checklist.length > 0 ? `Its items are numbered 1 to ${plan.checklist.length} (\`prep checklist\`).` : 'That plan has no final checklist.');
    id = itemCardId(plan.id, item.id);
    payload = { kind: 'review-add', date: today, plan: plan.id, item: item.id };
    front = `Checklist ${item.n}: ${item.text}`;
  }
  let result: ReviewAddData['result'] = 'already';
  const { state: after } = await ctx.store.update((current) => {
    if (deckOf(plans, current).cards.some((entry) => entry.card.id === id)) return false;
    result = 'added';
    return [payload];
  });
  const made = deckOf(plans, after).cards.find((entry) => entry.card.id === id);
  return { card: id, front: made ? `${made.card.front.label}: ${made.card.front.title}` : front, result };
}

export interface DeckExportData {
  /** The file written; null when the deck went to stdout. */
  path: string | null;
  cards: number;
  bytes: number;
  /** The deck, when it goes to stdout: printed as it is. */
  document?: string;
}

export async function exportDeck(options: { output?: string; force?: boolean; plain?: boolean }, ctx: Context): Promise<DeckExportData> {
  if (ctx.json && (options.output === undefined || options.output === '-')) throw new UsageError('--json keeps stdout for JSON, but the deck is Anki\'s text format', 'Write it to a file with -o FILE (--json then reports what was written), or leave out --json.');
  const path = ctx.files.outputPath(options);
  const state = ctx.store.read();
  const cards = state ? deckOf(await reviewPlans(ctx, state), state).cards.map((entry) => entry.card) : [];
  const document = ankiDeck(cards, { html: options.plain !== true });
  const bytes = Buffer.byteLength(document, 'utf8');
  if (path === null) return { path, cards: cards.length, bytes, document };
  ctx.files.writeNew(path, options.output!, document, 0o644, options.force === true);
  ctx.notify(`Wrote ${cards.length === 1 ? '1 card' : `${cards.length} cards`} to ${options.output}: in Anki, File › Import.`);
  return { path, cards: cards.length, bytes };
}

export default [
  defineCommand({
    name: 'review grade',
    summary: 'grade one review card without the review screen: again, hard, good or easy',
    arguments: [
      { syntax: '<card>', description: 'the card\'s id, as `prep review --json` lists it (6-week:3)' },
      { syntax: '<grade>', description: 'again, hard, good or easy (or 1–4)' },
    ],
    examples: ['prep review grade 6-week:3 good', 'prep review --json   # the due cards and their ids'],
    run: (options: { card: string; grade: string }, ctx) => gradeCard({ card: options.card, rating: options.grade }, ctx),
    render: 'review-grade',
  }),
  defineCommand({
    name: 'review add',
    summary: 'make a review card of any plan day, or of a checklist item',
    options: [
      { flags: '--day <n>', description: 'plan day N (finished or not)' },
      { flags: '--checklist <n>', description: 'item N of the final checklist' },
      { flags: '--plan <id>', description: 'of another plan than the active one' },
    ],
    examples: ['prep review add --day 3', 'prep review add --checklist 2'],
    run: (options: { day?: string; checklist?: string; plan?: string }, ctx) => addCard(options, ctx),
    render: 'review-add',
  }),
  defineCommand({
    name: 'review export',
    summary: 'every review card in Anki\'s plain-text import format (front, back, tags by plan and group)',
    options: [
      { flags: '-o, --output <file>', description: 'write to this file (atomically) instead of stdout' },
      { flags: '--force', description: 'replace the file if it exists' },
      { flags: '--plain', description: 'plain-text fields instead of HTML' },
    ],
    examples: ['prep review export -o deck.txt   # then in Anki: File › Import', 'prep review export --plain > deck.txt'],
    run: (options: { output?: string; force?: boolean; plain?: boolean }, ctx) => exportDeck(options, ctx),
    render: 'review-export',
    document: (data) => data.document,
  }),
];
