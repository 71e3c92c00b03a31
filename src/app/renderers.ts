// The renderers by the name a command gives (`render: 'today'`), each module loaded only when its
// command prints. Commands name them rather than import them: a renderer imports its data's type
// from its command, and the two must not import each other.
import { DAILY_RENDERERS } from '../daily.js';
import type { RendererTable } from './define.js';

export const RENDERERS: RendererTable = {
  // text (the data is the text to print), today, done
  ...DAILY_RENDERERS,
  open: async () => (await import('../render/open.js')).renderOpen,
  'open-report': async () => (await import('../render/open.js')).renderOpenReport,
  'plan-list': async () => (await import('../render/plan-list.js')).renderPlanList,
  'plan-show': async () => (await import('../render/plan-show.js')).renderPlanShow,
  'plan-switch': async () => (await import('../render/plan-switch.js')).renderSwitch,
  deadline: async () => (await import('../render/deadline.js')).renderDeadline,
  rebalance: async () => (await import('../render/rebalance.js')).renderRebalance,
  'catch-up': async () => (await import('../render/catch-up.js')).renderCatchUp,
  'plan-add': async () => (await import('../render/plan-add-remove.js')).renderAdd,
  'plan-remove': async () => (await import('../render/plan-add-remove.js')).renderRemove,
  'plan-import': async () => (await import('../render/plan-import.js')).renderPlanImport,
  'plan-import-report': async () => (await import('../render/plan-import.js')).renderPlanImportReport,
  'plan-validate': async () => (await import('../render/plan-validate.js')).renderValidate,
  stats: async () => (await import('../render/stats.js')).renderStats,
  week: async () => (await import('../render/week.js')).renderWeek,
  checklist: async () => (await import('../render/checklist.js')).renderChecklist,
  rest: async () => (await import('../render/rest.js')).renderRest,
  pause: async () => (await import('../render/pause.js')).renderPause,
  doctor: async () => (await import('../render/doctor.js')).renderDoctor,
  export: async () => (await import('../render/export.js')).renderExport,
  'import-state': async () => (await import('../render/import-state.js')).renderImportState,
  sync: async () => (await import('../render/sync.js')).renderSync,
  'sync-init': async () => (await import('../render/sync.js')).renderSyncInit,
  'sync-status': async () => (await import('../render/sync.js')).renderSyncStatus,
  config: async () => (await import('../render/config.js')).renderConfig,
  note: async () => (await import('../render/notes.js')).renderNote,
  notes: async () => (await import('../render/notes.js')).renderNotes,
  review: async () => (await import('../render/review-commands.js')).renderReview,
  'review-grade': async () => (await import('../render/review-commands.js')).renderGrade,
  'review-add': async () => (await import('../render/review-commands.js')).renderReviewAdd,
  'review-export': async () => (await import('../render/review-commands.js')).renderDeckExport,
};
