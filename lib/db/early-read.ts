import type { Campaign, CurrentUser, CustomFieldDef, Lead, RefreshJob, Segment } from '../schema';
import { DB_NAME, IDB_VERSION } from './db-name';
import { CRM_USER_KEY, USER_OVERRIDE_KEY, currentUserOfRows } from './identity-rows';
import { compareJobs } from './job-order';
import type { MemberBlock } from './member-blocks';
import type { SegmentMember } from './member-rows';
import type { SegmentOverview } from './segment-overview';

/**
 * The first read of a page (issue 10: popup counts, side panel first rows), made with raw
 * IndexedDB so that it can start from the page's first, tiny script while the app's modules
 * (Dexie, Preact, the components) still load and evaluate. It reads what `readSegmentOverview`,
 * `getCurrentUser` and `firstMemberPage` read, in one read-only transaction, and gives up (answers `undefined`)
 * whenever the stored database is not exactly the current schema — no database yet, an older
 * version Dexie has still to upgrade — leaving those cases to the Dexie reads. Imports types
 * only, so this module's chunk holds no library.
 */

/** What {@link readEarly} reads: the segment whose first `limit` members to read, if any; `name` for tests. */
export interface EarlyReadOptions {
  segmentId?: string;
  limit?: number;
  name?: string;
}

/**
 * What {@link readEarly} read: the overview, who is signed in (what the background's
 * `getCurrentUser` answers; absent when a stored identity row is not exactly as its schema keeps
 * it), and the first page of one segment's members when asked.
 */
export interface EarlyRead {
  overview: SegmentOverview;
  user?: CurrentUser;
  firstPage?: { segmentId: string; members: SegmentMember[] };
}

const OVERVIEW_STORES = ['segments', 'campaigns', 'customFields', 'jobs'] as const;
const IDENTITY_KEYS = [USER_OVERRIDE_KEY, CRM_USER_KEY] as const;
const PAGE_STORES = ['memberBlocks', 'leads'] as const;

/** Opens the database when it exists at the current version, else `undefined` (never creates it). */
function openCurrent(name: string): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    const request = indexedDB.open(name);
    // No database yet: abort the creation, Dexie creates it with its schema.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = (event) => {
      event.preventDefault();
      resolve(undefined);
    };
    request.onsuccess = () => {
      const db = request.result;
      if (db.version !== IDB_VERSION) {
        db.close();
        resolve(undefined);
        return;
      }
      // Never hold up an upgrade (another page's Dexie opening a newer version).
      db.onversionchange = () => db.close();
      resolve(db);
    };
  });
}

/**
 * Reads the segment overview and, with `segmentId`, the first `limit` members of that segment
 * (lead-id order) with their leads, the way `lib/db` reads them; `undefined` when the database
 * cannot be read raw (see above) or the read fails.
 */
export async function readEarly({ segmentId, limit = 0, name = DB_NAME }: EarlyReadOptions = {}): Promise<EarlyRead | undefined> {
  const db = await openCurrent(name).catch(() => undefined);
  if (!db) return undefined;
  const stores: string[] = [...OVERVIEW_STORES, 'meta', ...(segmentId ? PAGE_STORES : [])];
  if (!stores.every((name) => db.objectStoreNames.contains(name))) {
    db.close();
    return undefined;
  }
  try {
    return await new Promise<EarlyRead>((resolve, reject) => {
      const tx = db.transaction(stores, 'readonly');
      const all = OVERVIEW_STORES.map((name) => tx.objectStore(name).getAll());
      const identity = IDENTITY_KEYS.map((key) => tx.objectStore('meta').get(key));
      const members = segmentId ? readFirstPage(tx, segmentId, limit) : undefined;
      tx.oncomplete = () => {
        const [segments, campaigns, customFields, jobs] = all.map((r) => r.result as unknown[]);
        const [override, crm] = identity.map((r) => (r.result as { value?: unknown } | undefined)?.value);
        const user = currentUserOfRows(override, crm);
        resolve({
          overview: {
            segments: segments as Segment[],
            campaigns: campaigns as Campaign[],
            customFields: customFields as CustomFieldDef[],
            jobs: (jobs as RefreshJob[]).sort(compareJobs),
          },
          ...(user ? { user } : {}),
          ...(segmentId && members ? { firstPage: { segmentId, members } } : {}),
        });
      };
      tx.onerror = () => reject(tx.error ?? new Error('early read failed'));
      tx.onabort = () => reject(tx.error ?? new Error('early read aborted'));
    });
  } catch {
    return undefined;
  } finally {
    db.close();
  }
}

/**
 * Walks the segment's blocks (key order = lead-id order) until `limit` member ids, then gets their
 * leads; members whose lead is missing are left out (as `firstMemberPage` does). The returned
 * array is filled by the time `tx` completes.
 */
function readFirstPage(tx: IDBTransaction, segmentId: string, limit: number): SegmentMember[] {
  const out: SegmentMember[] = [];
  if (limit <= 0) return out;
  const ids: string[] = [];
  const added: number[] = [];
  const cursor = tx.objectStore('memberBlocks').openCursor(IDBKeyRange.bound([segmentId], [segmentId, []]));
  cursor.onsuccess = () => {
    const at = cursor.result;
    const block = at?.value as MemberBlock | undefined;
    for (let k = 0; block && k < block.ids.length && ids.length < limit; k++) {
      ids.push(block.ids[k]!);
      added.push(block.added[k]!);
    }
    if (at && ids.length < limit) return at.continue();
    const leads = tx.objectStore('leads');
    const got = ids.map((id) => leads.get(id));
    got[got.length - 1]?.addEventListener('success', () => {
      got.forEach((r, i) => {
        const lead = r.result as Lead | undefined;
        if (lead) out.push({ lead, addedAt: added[i]! });
      });
    });
  };
  return out;
}

/** Where a page's first script leaves its read for the app's modules (one page, one read). */
const EARLY_KEY = '__crmSegmentsEarlyRead';
type EarlyHolder = { [EARLY_KEY]?: Promise<EarlyRead | undefined> };

/** Starts {@link readEarly} from a page's first script (entrypoints/*-early.ts); {@link takeEarlyRead} picks it up. */
export function startEarlyRead(options: EarlyReadOptions = {}): void {
  // On the performance timeline, to see in traces and benchmarks how early the page's first script ran.
  globalThis.performance?.mark?.('early-read:start');
  (globalThis as EarlyHolder)[EARLY_KEY] = readEarly(options).catch(() => undefined);
}

/** The read the page's first script started, once (later calls, or none started: `undefined`). */
export function takeEarlyRead(): Promise<EarlyRead | undefined> {
  const holder = globalThis as EarlyHolder;
  const read = holder[EARLY_KEY];
  delete holder[EARLY_KEY];
  return read ?? Promise.resolve(undefined);
}
