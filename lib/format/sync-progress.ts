import { formatNumber } from './number';

/** How far a running "Sync all" has got: leads stored so far, and the CRM's total when known. */
export interface SyncProgressCounts {
  stored: number;
  total?: number;
}

/**
 * The note under a preview taken while a sync still stores leads (issue 10 item 5), so a partial
 * count is never taken for the final one: "Sync in progress: 4,000 of 9,240 leads stored so far",
 * or "Sync in progress: 4,000 leads stored so far" while the CRM's total is unknown.
 */
export function syncInProgressText(progress: SyncProgressCounts, locale?: string): string {
  const known = progress.total !== undefined && progress.total > 0;
  const stored = known ? Math.min(progress.stored, progress.total as number) : progress.stored;
  const of = known ? ` of ${formatNumber(progress.total, locale)}` : '';
  const noun = (known ? progress.total : stored) === 1 ? 'lead' : 'leads';
  return `Sync in progress: ${formatNumber(stored, locale)}${of} ${noun} stored so far`;
}
