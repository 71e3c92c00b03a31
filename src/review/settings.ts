// The review's settings (config.json through `prep config set`): desired retention and daily
// limit, parsed, range-checked and shown here, apart from the scheduler so that setting them
// loads no FSRS.
import { UsageError } from '../errors.js';
import type { Settings } from '../state/schema.js';

export interface ReviewSettings {
  /** The share of cards to be remembered when they come due (FSRS's desired retention). */
  retention: number;
  /** Cards reviewed per study date at most, so that reviews never bury the day's new work. */
  dailyLimit: number;
}

export const DEFAULT_REVIEW_SETTINGS: Readonly<ReviewSettings> = { retention: 0.9, dailyLimit: 20 };
/** Anki's bounds: below, reviews come too rarely to be worth it; above, far too often. */
export const RETENTION_RANGE = { min: 0.7, max: 0.99 } as const;
export const DAILY_LIMIT_MAX = 9999;


/** A desired retention as typed (`0.9`, `90%`), or a UsageError saying what fits. */
export function parseRetention(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  const value = match ? Number(match[1]) / (match[2] ? 100 : 1) : NaN;
  if (value >= RETENTION_RANGE.min && value <= RETENTION_RANGE.max) return value;
  throw new UsageError(`a desired retention of "${text}" is out of range`, `Use a share from ${RETENTION_RANGE.min} to ${RETENTION_RANGE.max} (or ${RETENTION_RANGE.min * 100}% to ${RETENTION_RANGE.max * 100}%), such as 0.9.`);
}

/** A daily limit of reviews as typed, or a UsageError. */
export function parseDailyLimit(text: string): number {
  const value = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (Number.isSafeInteger(value) && value <= DAILY_LIMIT_MAX) return value;
  throw new UsageError(`a daily limit of "${text}" reviews is not a count`, `Use a whole number from 0 to ${DAILY_LIMIT_MAX}, such as 20.`);
}

/** The review's settings from the stored ones, defaults where none was set. */
export function reviewSettings(settings: Pick<Settings, 'reviewRetention' | 'reviewLimit'>): ReviewSettings {
  return { retention: settings.reviewRetention ?? DEFAULT_REVIEW_SETTINGS.retention, dailyLimit: settings.reviewLimit ?? DEFAULT_REVIEW_SETTINGS.dailyLimit };
}

/** `prep config set review-retention|review-limit VALUE` as the change to the settings. */
export function parseReviewSetting(key: 'review-retention' | 'review-limit', value: string): Partial<Settings> {
  return key === 'review-retention' ? { reviewRetention: parseRetention(value) } : { reviewLimit: parseDailyLimit(value) };
}

/** How `prep config get` shows them. */
export function showReviewSettings(settings: Settings): { 'review-retention': string; 'review-limit': string } {
  const { retention, dailyLimit } = reviewSettings(settings);
  return { 'review-retention': String(retention), 'review-limit': String(dailyLimit) };
}
