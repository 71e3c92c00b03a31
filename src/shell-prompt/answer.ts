// What the prompt segment shows: its data and the settings that shape it, the answer the prompt
// keeps (stamps.ts) and works out (compute.ts).
import type { Settings } from '../state/schema.js';

export interface PromptData {
  plan: string;
  status: 'not-started' | 'active' | 'finished';
  day: number;
  days: number;
  done: number;
  total: number;
  streak: number;
  longest: number;
  atRisk: boolean;
  /** Reviews due today, the daily limit kept (from the due dates every change writes). */
  reviews: number;
}

export interface PromptResult {
  data: PromptData;
  settings: Pick<Settings, 'dayStart' | 'promptFormat'>;
}
