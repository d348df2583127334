import type { Lead } from '../schema';

/**
 * Deep equality of JSON-like values where an object key holding `undefined` counts as absent
 * (an adapter may emit `email: undefined`, IndexedDB may keep or drop it).
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameValue(item, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keysA = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const keysB = Object.keys(rb).filter((k) => rb[k] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && sameValue(ra[k], rb[k]));
}

/**
 * True when two versions of a lead carry the same data, ignoring `syncedAt` (docs/semantics.md §5: an ingest
 * writes only the leads that changed). Order of arrays (tags, campaigns) counts as a change: it is
 * what the CRM sent, and storing it is harmless.
 */
export function sameLeadContent(a: Lead, b: Lead): boolean {
  const { syncedAt: _a, ...restA } = a;
  const { syncedAt: _b, ...restB } = b;
  return sameValue(restA, restB);
}

/** Number of custom values stored as `null` (could not be converted at ingest, docs/semantics.md §2). */
export function countNulledValues(lead: Lead): number {
  let count = 0;
  for (const value of Object.values(lead.custom)) if (value === null) count++;
  return count;
}
