import type { CustomValue, Lead } from '../schema';

/** Longest text value stored (characters); longer values are cut and end with {@link TRUNCATION_MARKER}. */
export const MAX_TEXT_LENGTH = 4000;
/** Most entries stored in a list value (tags, multi-select values, campaigns); the rest is dropped. */
export const MAX_LIST_LENGTH = 500;
/** Appended to a text value that was cut at ingest. */
export const TRUNCATION_MARKER = '… [truncated]';

const TEXT_FIELDS = ['name', 'email', 'company', 'phone', 'source', 'groupName', 'status', 'priority', 'country', 'language'] as const;

/** Counts the values cut while capping one lead. */
class Cuts {
  count = 0;
  text(value: string): string {
    if (value.length <= MAX_TEXT_LENGTH) return value;
    this.count++;
    const kept = value.slice(0, MAX_TEXT_LENGTH - TRUNCATION_MARKER.length);
    // Cut on a code point boundary: no lone high surrogate is stored.
    return (/[\uD800-\uDBFF]$/.test(kept) ? kept.slice(0, -1) : kept) + TRUNCATION_MARKER;
  }
  list<T>(values: readonly T[]): T[] {
    if (values.length <= MAX_LIST_LENGTH) return [...values];
    this.count++;
    return values.slice(0, MAX_LIST_LENGTH);
  }
  custom(value: CustomValue): CustomValue {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return this.list(value).map((v) => this.text(v));
    return value;
  }
}

/**
 * Caps the sizes of a lead's values at ingest (issue 9 item 2: a CRM sending a 10 MB name must not
 * fill the store): text over {@link MAX_TEXT_LENGTH} characters is cut and marked, lists over
 * {@link MAX_LIST_LENGTH} entries are shortened. Returns the capped lead (a new object when
 * anything was cut) and how many values were cut. Custom keys stay own properties.
 */
export function capLeadFields(lead: Lead): { lead: Lead; truncated: number } {
  const cuts = new Cuts();
  const capped: Lead = { ...lead };
  for (const field of TEXT_FIELDS) {
    const value = capped[field];
    if (typeof value === 'string') capped[field] = cuts.text(value);
  }
  capped.tags = cuts.list(lead.tags).map((tag) => cuts.text(tag));
  capped.campaigns = cuts.list(lead.campaigns);
  capped.custom = Object.fromEntries(Object.entries(lead.custom).map(([key, value]) => [key, cuts.custom(value)]));
  return cuts.count === 0 ? { lead, truncated: 0 } : { lead: capped, truncated: cuts.count };
}
