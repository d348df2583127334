import { formatNumber } from './number';

/**
 * The preview's status while the background still loads its copy of the leads (issue 10: right
 * after the service worker started), instead of a silent wait or a partial count:
 * "Loading leads… 40,000 of 120,000".
 */
export function leadsLoadingText(progress: { loaded: number; total: number }, locale?: string): string {
  const total = Math.max(progress.total, progress.loaded);
  return total > 0 ? `Loading leads… ${formatNumber(progress.loaded, locale)} of ${formatNumber(total, locale)}` : 'Loading leads…';
}
