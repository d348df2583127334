import type { FetchFn } from '../adapters/types';
import type { CrmSegmentsDB } from '../db';

/** What every background part that talks to a CRM needs: the store, the CRM fetch, clock, zone, error sink. */
export interface SyncContext {
  db: CrmSegmentsDB;
  /** `fetch` with the user's session (credentials included). */
  fetchFn: FetchFn;
  /** Wall clock, epoch ms. */
  clock: () => number;
  /** The evaluation time zone (IANA), read when needed. */
  timeZone: () => Promise<string>;
  /** Reports a background failure nobody is waiting for. */
  reportError(context: string, error: unknown): void;
}
