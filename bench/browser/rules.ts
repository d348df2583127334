import type { RuleSet } from '../../lib/schema';
import { BENCH_SEGMENTS } from '../segments';

/** Every lead matches. */
export const EVERYONE: RuleSet = { combinator: 'and', rules: [{ field: 'name', operator: 'is_not_empty' }] };
/** 33.9 % of the synthetic leads (status "Contacted"; the "segment with 34 % members"). */
export const CONTACTED: RuleSet = { combinator: 'and', rules: [{ field: 'status', operator: 'equals', value: 'Contacted' }] };

/** The 50 active segments of the single-lead measurement: the engine suite's 10, five times. */
export const FIFTY_SEGMENTS = Array.from({ length: 50 }, (_, i) => {
  const base = BENCH_SEGMENTS[i % BENCH_SEGMENTS.length]!;
  return { name: `${base.name} #${Math.floor(i / BENCH_SEGMENTS.length) + 1}`, color: '#2563eb', rules: base.rules };
});
