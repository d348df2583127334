import type { Lead } from '../lib/schema';
import { BENCH_NOW } from './context';
import { readLeadsCsv, type LeadsCsvRow } from './leads-csv';
import { BENCH_SEED, createLeadStream } from './synthetic-lead-gen';

export { BENCH_SEED } from './synthetic-lead-gen';

/** Options of {@link generateLeads}. */
export interface SyntheticLeadOptions {
  /** How many leads (e.g. 200,000 for the full benchmark). */
  count: number;
  /** PRNG seed; the same seed, count and rows always give the same leads. */
  seed?: number;
  /** Reference time (epoch ms): createdAt falls in the 540 days before it. */
  now?: number;
  /** Dataset rows to sample from; read from Leads.csv when omitted. */
  rows?: readonly LeadsCsvRow[];
}

/**
 * Generates `count` deterministic synthetic leads (valid per LeadSchema) whose value
 * distributions follow Leads.csv: each lead samples a whole dataset row (keeping the real
 * correlations and skews: "Google" vs "google", many empty countries, the double-spaced tag),
 * maps it like the demo CRM does (docs/semantics.md §6) and adds CRM-like case / white-space noise.
 * Dates are epoch ms within the 540 days before `now`.
 *
 * Each lead is returned as a structured clone: its own objects and flat strings, as the engine
 * gets leads in the product (deserialised from IndexedDB or a message), rather than sharing the
 * CSV parser's substrings (V8 sliced strings, measurably slower to scan character by character).
 */
export function generateLeads(options: SyntheticLeadOptions): Lead[] {
  const { count, seed = BENCH_SEED, now = BENCH_NOW } = options;
  const rows = options.rows ?? readLeadsCsv();
  const stream = createLeadStream(rows, { seed, now });
  const leads: Lead[] = new Array(count);
  for (let i = 0; i < count; i++) leads[i] = structuredClone(stream.next(1)[0] as Lead);
  return leads;
}
