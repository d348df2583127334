/** Display formatting of Acme CRM's string records. */

const dateFormat = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
const numberFormat = new Intl.NumberFormat('en-US');

/** "Mar 12, 2025" for an ISO string; "" for empty or invalid. */
export function formatDate(iso: string | undefined): string {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(ms) ? dateFormat.format(ms) : '';
}

/** "Mar 12, 2025, 4:05 PM" for an ISO string; "" for empty or invalid. */
export function formatDateTime(iso: string | undefined): string {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(ms) ? dateTimeFormat.format(ms) : '';
}

/** "9,240" for 9240 or "9240". */
export function formatCount(value: number | string): string {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? numberFormat.format(n) : String(value);
}

/** Up to two initials of a name ("Aarav Sharma" → "AS"). */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return parts.length === 0 ? '?' : parts.slice(0, 2).map((p) => p[0]?.toUpperCase() ?? '').join('');
}

/** A stable avatar colour class for a key. */
export function avatarClass(key: string): string {
  let hash = 0;
  for (const ch of key) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return `avatar avatar-c${hash % 8}`;
}

/** A CSS-safe class suffix from a value ("Not Sure" → "not-sure"). */
export function slug(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'none';
}

/** Splits a ";"-joined multi-value ("" → []). */
export function splitList(value: string | undefined): string[] {
  return (value ?? '').split(';').filter((v) => v !== '');
}

/** A lead's full name from its record. */
export function leadName(record: Record<string, string>): string {
  return [record.first_name, record.last_name].filter(Boolean).join(' ') || `Lead ${record.id ?? ''}`;
}

/** One campaign entry of a record's `campaigns` string. */
export interface CampaignEntry {
  campaignId: string;
  state: string;
  response: string;
}

/** Parses `campaignId:state:response;…`. */
export function parseCampaigns(value: string | undefined): CampaignEntry[] {
  return splitList(value).map((entry) => {
    const [campaignId = '', state = '', response = ''] = entry.split(':');
    return { campaignId, state, response };
  });
}

/** "not_interested" → "Not interested". */
export function humanize(value: string): string {
  const text = value.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
