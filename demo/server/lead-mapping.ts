/**
 * Maps one row of the lead-scoring CSV to a demo CRM lead, exactly as the table in docs/semantics.md §6 says.
 * Values docs/semantics.md §6 says to keep "as is" (source, country, tags, …) are not trimmed or re-cased.
 */
import { syntheticContact } from './synthetic';
import { DEMO_CUSTOM_FIELDS, SELECT_PLACEHOLDER } from './custom-fields';
import { CAMPAIGN_BY_ACTIVITY, type DemoCampaignResponse } from '../common/catalog';

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;
/** createdAt spreads the leads linearly over this many days before the reference time (docs/semantics.md §6). */
export const CREATED_SPAN_DAYS = 540;

/** A lead's entry in one campaign, in the demo's vocabulary ("" = no response). */
export interface DemoCampaignEntry {
  campaignId: string;
  state: 'participating' | 'excluded';
  response: DemoCampaignResponse;
}

/** A lead as the demo server holds it in memory. Times are epoch ms; "" means empty. */
export interface DemoLead {
  /** `Lead Number` as a string (the CRM record id). */
  id: string;
  number: number;
  firstName: string;
  lastName: string;
  email: string;
  company: string;
  phone: string;
  source: string;
  origin: string;
  status: string;
  priority: string;
  tags: string[];
  country: string;
  language: string;
  createdAt: number;
  lastContactAt: number | null;
  updatedAt: number;
  campaigns: DemoCampaignEntry[];
  /** Custom field values keyed by field key, as Acme stores them (numbers as text, Yes/No, "" = empty). */
  custom: Record<string, string>;
}

/** A CSV row as papaparse returns it with `header: true`. */
export type CsvRow = Record<string, string | undefined>;

/** What the mapping needs besides the row: the reference time and the Lead Number range. */
export interface MappingContext {
  /** Reference time, epoch ms (docs/semantics.md §6: `DEMO_NOW` or server start). */
  now: number;
  minNumber: number;
  maxNumber: number;
}

/** CSV columns the mapping reads; a file without them is not the leads dataset. */
export const REQUIRED_COLUMNS = [
  'Prospect ID',
  'Lead Number',
  'Lead Origin',
  'Lead Source',
  'Do Not Email',
  'Converted',
  'TotalVisits',
  'Last Activity',
  'Country',
  'Tags',
  'Lead Quality',
  'A free copy of Mastering The Interview',
  ...DEMO_CUSTOM_FIELDS.map((f) => f.column),
] as const;

// Maps, not object literals: a CSV value such as "constructor" or "__proto__" must find nothing
// (issue 9 item 11), not Object.prototype's members.
const PRIORITY_BY_QUALITY: ReadonlyMap<string, string> = new Map([
  ['High in Relevance', 'High'],
  ['Might be', 'Medium'],
  ['Not Sure', 'Medium'],
  ['Low in Relevance', 'Low'],
  ['Worst', 'Low'],
]);

const cell = (row: CsvRow, column: string): string => (Object.hasOwn(row, column) ? (row[column] ?? '') : '');

/** docs/semantics.md §6 status: Converted=1 → "Converted"; else Tags non-empty → "Contacted"; else "New". */
export function statusOf(row: CsvRow): string {
  if (cell(row, 'Converted') === '1') return 'Converted';
  return cell(row, 'Tags') !== '' ? 'Contacted' : 'New';
}

/** docs/semantics.md §6 priority from `Lead Quality` ("" or an unknown quality → ""). */
export function priorityOf(row: CsvRow): string {
  return PRIORITY_BY_QUALITY.get(cell(row, 'Lead Quality')) ?? '';
}

/** docs/semantics.md §6 tags: [Tags] if non-empty, "do-not-email" if Do Not Email=Yes, "ebook" if the free-copy flag is Yes. */
export function tagsOf(row: CsvRow): string[] {
  const tags: string[] = [];
  if (cell(row, 'Tags') !== '') tags.push(cell(row, 'Tags'));
  if (cell(row, 'Do Not Email') === 'Yes') tags.push('do-not-email');
  if (cell(row, 'A free copy of Mastering The Interview') === 'Yes') tags.push('ebook');
  return tags;
}

/** docs/semantics.md §6 language: "" without a country; "Hindi" for India when n % 3 = 0; else "English". */
export function languageOf(country: string, n: number): string {
  if (country === '') return '';
  return country === 'India' && n % 3 === 0 ? 'Hindi' : 'English';
}

/** docs/semantics.md §6 createdAt: now − 540 days + (n − min)/(max − min) × 540 days, rounded to the millisecond. */
export function createdAtOf(n: number, ctx: MappingContext): number {
  const span = ctx.maxNumber - ctx.minNumber;
  const fraction = span === 0 ? 1 : (n - ctx.minNumber) / span;
  return Math.round(ctx.now - CREATED_SPAN_DAYS * DAY_MS + fraction * CREATED_SPAN_DAYS * DAY_MS);
}

/** docs/semantics.md §6 lastContactAt: null if TotalVisits is 0 or blank; else min(now, createdAt + min(visits, 30) × 3 days). */
export function lastContactAtOf(totalVisits: string, createdAt: number, now: number): number | null {
  if (totalVisits.trim() === '') return null;
  const visits = Number(totalVisits);
  if (!Number.isFinite(visits) || visits <= 0) return null;
  return Math.min(now, createdAt + Math.min(visits, 30) * 3 * DAY_MS);
}

/**
 * docs/semantics.md §6 campaigns from `Last Activity`. `Do Not Email`=Yes puts the lead in the email campaign
 * as "excluded", replacing a participation (the response, if the activity gave one, is kept on
 * the excluded entry); a lead whose activity is not an email one gets the excluded entry as well.
 */
export function campaignsOf(row: CsvRow): DemoCampaignEntry[] {
  const activity = cell(row, 'Last Activity');
  // Own keys only: an activity called "constructor" or "toString" is no campaign (issue 9 item 11).
  const fromActivity = Object.hasOwn(CAMPAIGN_BY_ACTIVITY, activity) ? CAMPAIGN_BY_ACTIVITY[activity] : undefined;
  const entries: DemoCampaignEntry[] = fromActivity ? [{ ...fromActivity, state: 'participating' }] : [];
  if (cell(row, 'Do Not Email') === 'Yes') {
    const email = entries.find((e) => e.campaignId === 'email');
    if (email) email.state = 'excluded';
    else entries.push({ campaignId: 'email', state: 'excluded', response: '' });
  }
  return entries;
}

/** docs/semantics.md §6 custom values as Acme stores them: raw CSV text, with "Select" → "" for select fields. */
export function customOf(row: CsvRow): Record<string, string> {
  return Object.fromEntries(
    DEMO_CUSTOM_FIELDS.map((field) => {
      const raw = cell(row, field.column);
      return [field.key, field.type === 'enumeration' && raw === SELECT_PLACEHOLDER ? '' : raw];
    }),
  );
}

/** Parses `Lead Number` (a positive integer), or returns null. */
export function leadNumberOf(row: CsvRow): number | null {
  const raw = cell(row, 'Lead Number').trim();
  return /^\d+$/.test(raw) ? Number(raw) : null;
}

/**
 * Maps one CSV row to a demo lead (docs/semantics.md §6). Returns a reason string instead when the row has no
 * valid `Lead Number` (such a row is skipped and reported by the loader).
 */
export function mapCsvRow(row: CsvRow, ctx: MappingContext): DemoLead | string {
  const n = leadNumberOf(row);
  if (n === null) return `Lead Number ${JSON.stringify(cell(row, 'Lead Number'))} is not a whole number`;
  const contact = syntheticContact(n);
  const country = cell(row, 'Country');
  const createdAt = createdAtOf(n, ctx);
  const lastContactAt = lastContactAtOf(cell(row, 'TotalVisits'), createdAt, ctx.now);
  return {
    id: String(n),
    number: n,
    firstName: contact.firstName,
    lastName: contact.lastName,
    email: contact.email,
    company: contact.company,
    phone: contact.phone,
    source: cell(row, 'Lead Source'),
    origin: cell(row, 'Lead Origin'),
    status: statusOf(row),
    priority: priorityOf(row),
    tags: tagsOf(row),
    country,
    language: languageOf(country, n),
    createdAt,
    lastContactAt,
    updatedAt: lastContactAt ?? createdAt,
    campaigns: campaignsOf(row),
    custom: customOf(row),
  };
}
