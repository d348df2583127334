import type { LeadPage } from '../adapters/types';
import { formatCount, formatNumber } from '../format/number';

/** Most records one "Sync all" accepts before it stops (a CRM sending endless pages). */
export const DEFAULT_MAX_SYNC_RECORDS = 250_000;

/** The identity of a record for repeat detection: its id when it has one, else its JSON. */
function recordKey(record: unknown): string {
  const id = typeof record === 'object' && record !== null && Object.hasOwn(record, 'id') ? (record as { id: unknown }).id : undefined;
  if (typeof id === 'string' || typeof id === 'number') return `#${id}`;
  try {
    return JSON.stringify(record) ?? 'undefined';
  } catch {
    return '?';
  }
}

/**
 * Watches the pages of one "Sync all" (issue 9 items 1–2) and says when to stop and whether the
 * sync was complete: a page repeating the previous one, more pages after the CRM's `total` was
 * reached, or more than `maxRecords` records stop it; a total that changes, records received ≠
 * total, or any skipped record make it incomplete. Reasons are plain language for the report.
 */
export class PageGuard {
  private previous: string | undefined;
  private total: number | undefined;
  private totalChanged: string | undefined;
  private pages = 0;
  /** Records received in accepted pages. */
  received = 0;
  /** Why the sync stopped early, when it did. */
  stopReason: string | undefined;

  constructor(
    private readonly crmName: string,
    private readonly maxRecords = DEFAULT_MAX_SYNC_RECORDS,
  ) {}

  /** Checks the next page before it is stored: true = store it; false = stop (see {@link stopReason}). */
  accept(page: LeadPage): boolean {
    this.pages++;
    const signature = page.records.map(recordKey).join('\u0000');
    const repeated = page.records.length > 0 && signature === this.previous;
    this.previous = signature;
    if (repeated) return this.stop(`${this.crmName} sent page ${this.pages} with the same records as page ${this.pages - 1}; the sync stopped there.`);
    if (this.total !== undefined && this.received >= this.total && page.records.length > 0) {
      return this.stop(`${this.crmName} kept sending leads after the ${formatNumber(this.total)} it said it has; the sync stopped there.`);
    }
    if (page.total !== undefined) {
      if (this.total !== undefined && page.total !== this.total && !this.totalChanged) {
        this.totalChanged = `${this.crmName}'s lead total changed during the sync (from ${formatNumber(this.total)} to ${formatNumber(page.total)}).`;
      }
      this.total = page.total;
    }
    if (this.received + page.records.length > this.maxRecords) {
      return this.stop(`The sync stopped after ${formatCount(this.received, 'lead', 'leads')}: ${this.crmName} kept sending pages past the limit of ${formatCount(this.maxRecords, 'lead', 'leads')} per sync.`);
    }
    this.received += page.records.length;
    return true;
  }

  /**
   * Why the sync is not complete, or undefined when it is: no early stop, a known total equal to
   * the records received, a total that never changed, and nothing skipped.
   */
  incompleteReason(skipped: number): string | undefined {
    if (this.stopReason) return this.stopReason;
    if (this.total === undefined) return `${this.crmName} did not say how many leads it has.`;
    if (this.totalChanged) return this.totalChanged;
    if (this.received !== this.total) {
      return `${this.crmName} said it has ${formatCount(this.total, 'lead', 'leads')} but sent ${formatNumber(this.received)}.`;
    }
    if (skipped > 0) return `${formatNumber(skipped)} ${skipped === 1 ? 'record was' : 'records were'} skipped.`;
    return undefined;
  }

  private stop(reason: string): false {
    this.stopReason = reason;
    return false;
  }
}
