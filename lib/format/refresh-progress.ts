import { formatNumber } from './number';

/** How far a segment's refresh job has got: leads checked so far of the leads to check. */
export interface RefreshProgressCounts {
  processed: number;
  total: number;
}

/**
 * The one wording of a running refresh (issue 10 §6), shared by the popup's segment row and the
 * side panel: "Refreshing… 4,000 of 9,240 leads checked"; just "Refreshing…" before the job row
 * exists (or while it knows no total). `processed` never shows above `total`.
 */
export function refreshProgressText(progress: RefreshProgressCounts | undefined, locale?: string): string {
  if (!progress || progress.total <= 0) return 'Refreshing…';
  const checked = Math.min(progress.processed, progress.total);
  return `Refreshing… ${formatNumber(checked, locale)} of ${formatNumber(progress.total, locale)} ${progress.total === 1 ? 'lead' : 'leads'} checked`;
}

