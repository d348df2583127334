import type { CustomFieldDef } from '../lib/schema';

/**
 * The fixed evaluation context of the benchmark: a fixed clock (2025-06-15 12:00 in Kolkata,
 * epoch ms) and time zone, so relative-date segments select the same leads on every run.
 */
export const BENCH_NOW = Date.UTC(2025, 5, 15, 6, 30, 0);
export const BENCH_TIME_ZONE = 'Asia/Kolkata';

/** The CRM key of every synthetic lead (`id` = `${crmKey}/${crmId}`). */
export const BENCH_CRM_KEY = 'bench@synthetic';

/** Custom field definitions the synthetic leads carry (a subset of the demo CRM's, docs/semantics.md §6). */
export const BENCH_CUSTOM_FIELDS: CustomFieldDef[] = [
  { key: 'total_visits', label: 'Total visits', type: 'number' },
  { key: 'time_on_site_s', label: 'Time on site (s)', type: 'number' },
  { key: 'page_views_per_visit', label: 'Page views per visit', type: 'number' },
  { key: 'specialization', label: 'Specialization', type: 'select' },
  { key: 'city', label: 'City', type: 'select' },
  { key: 'occupation', label: 'Occupation', type: 'select' },
  { key: 'do_not_email', label: 'Do not email', type: 'boolean' },
];

/** The engine's evaluation context for the benchmark (docs/semantics.md §4 EvalContext). */
export const BENCH_CONTEXT = { now: BENCH_NOW, timeZone: BENCH_TIME_ZONE, customFields: BENCH_CUSTOM_FIELDS };
