import type { CampaignResponse, CustomValue, Lead, LeadCampaign } from '../lib/schema';
import { BENCH_CRM_KEY, BENCH_NOW } from './context';
import type { LeadsCsvRow } from './leads-csv';
import { createPrng, type Prng } from './prng';
import { CAMPAIGN_BY_ACTIVITY } from '../demo/common/catalog';

/**
 * The synthetic lead generator without any Node API, so it also runs inside Chromium
 * (`npm run bench:browser` bundles it into the extension page that sends the leads).
 */

/** Default seed of the benchmark's generator; change it only together with BENCHMARKS.md. */
export const BENCH_SEED = 20250615;

const DAY_MS = 86_400_000;

const FIRST_NAMES = [
  'Aarav', 'Priya', 'Rohan', 'Ananya', 'Vikram', 'Sneha', 'Arjun', 'Kavya', 'Rahul', 'Meera', 'Aditya', 'Isha',
  'Karan', 'Pooja', 'Siddharth', 'Neha', 'Amit', 'Divya', 'Nikhil', 'Riya', 'Sanjay', 'Tanvi', 'Harsh', 'Zoya',
  'John', 'Maria', 'Ahmed', 'Chen', 'Sofia', 'Lucas',
];
const LAST_NAMES = [
  'Sharma', 'Patel', 'Iyer', 'Reddy', 'Gupta', 'Nair', 'Singh', 'Mehta', 'Rao', 'Kulkarni', 'Das', 'Joshi',
  'Bose', 'Khan', 'Pillai', 'Menon', 'Shah', 'Verma', 'Chopra', 'Banerjee', 'Smith', 'Garcia', 'Ali', 'Wang',
];
const COMPANIES = [
  'Infosys', 'Tata Consultancy', 'Wipro', 'HDFC Bank', 'Reliance Retail', 'Mahindra', 'Zoho', 'Freshworks',
  'Byju\'s', 'Flipkart', 'Acme Corp', 'Globex', 'Initech',
];

/** Real-looking inconsistencies of hand-typed CRM text: case and stray/duplicated white space. */
function messText(prng: Prng, value: string, probability: number): string {
  if (value === '' || !prng.chance(probability)) return value;
  switch (prng.int(5)) {
    case 0:
      return value.toLowerCase();
    case 1:
      return value.toUpperCase();
    case 2:
      return ` ${value} `;
    case 3:
      return value.replace(/ /g, '  ');
    default:
      return `${value}\t`;
  }
}

/** A blank value as CRMs deliver it: absent, "" or white space only. */
function blank(prng: Prng): string | undefined {
  const r = prng.next();
  return r < 0.6 ? undefined : r < 0.9 ? '' : '  ';
}

const PRIORITY_BY_QUALITY: Record<string, string> = {
  'High in Relevance': 'High',
  'Might be': 'Medium',
  'Not Sure': 'Medium',
  'Low in Relevance': 'Low',
  Worst: 'Low',
};

const WEBINAR_RESPONSES: Array<CampaignResponse | undefined> = [undefined, 'opened', 'interested', 'not_interested'];

/** A number column: blank → null (could not convert, docs/semantics.md §2), else the number. */
function toNumber(raw: string): number | null {
  if (raw.trim() === '') return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

/** A select column: "Select" (the form's placeholder) → "", blank → absent. */
function selectValue(prng: Prng, raw: string): string | undefined {
  if (raw === '') return undefined;
  if (raw === 'Select') return '';
  return messText(prng, raw, 0.03);
}

function campaignsOf(prng: Prng, row: LeadsCsvRow, respondedAt: number): LeadCampaign[] {
  const campaigns: LeadCampaign[] = [];
  const fromActivity = CAMPAIGN_BY_ACTIVITY[row.lastActivity];
  if (fromActivity) {
    const entry: LeadCampaign = { campaignId: fromActivity.campaignId, state: 'participating' };
    if (fromActivity.response) {
      entry.response = fromActivity.response;
      entry.respondedAt = respondedAt;
    }
    campaigns.push(entry);
  }
  if (row.doNotEmail === 'Yes') {
    // Do Not Email = Yes: excluded from the email campaign, replacing any participation (docs/semantics.md §6).
    const i = campaigns.findIndex((c) => c.campaignId === 'email');
    if (i >= 0) campaigns.splice(i, 1);
    campaigns.push({ campaignId: 'email', state: 'excluded' });
  }
  if (!campaigns.some((c) => c.campaignId === 'webinar') && prng.chance(0.12)) {
    const response = prng.pick(WEBINAR_RESPONSES);
    campaigns.push(response ? { campaignId: 'webinar', state: 'participating', response, respondedAt } : { campaignId: 'webinar', state: 'participating' });
  }
  if (!campaigns.some((c) => c.campaignId === 'sms') && prng.chance(0.08)) {
    campaigns.push({ campaignId: 'sms', state: prng.chance(0.1) ? 'excluded' : 'participating' });
  }
  return campaigns;
}

/**
 * Builds one synthetic lead from a dataset row, following the demo CRM's mapping (docs/semantics.md §6) with
 * CRM-like noise: mixed case and stray white space on text, blanks as absent / "" / spaces.
 */
function leadFromRow(prng: Prng, row: LeadsCsvRow, index: number, now: number): Lead {
  const crmId = String(index).padStart(7, '0');
  const first = prng.pick(FIRST_NAMES);
  const last = prng.pick(LAST_NAMES);
  const createdAt = Math.round(now - prng.next() * 540 * DAY_MS);
  const visits = toNumber(row.totalVisits);
  const lastContactAt =
    visits === null || visits === 0
      ? undefined
      : Math.min(now, createdAt + Math.min(visits, 30) * 3 * DAY_MS + prng.int(12 * 3_600_000));
  const tags: string[] = [];
  if (row.tags !== '') tags.push(messText(prng, row.tags, 0.04));
  if (row.doNotEmail === 'Yes') tags.push('do-not-email');
  if (row.freeCopy === 'Yes') tags.push(prng.chance(0.05) ? 'Ebook' : 'ebook');
  const status = row.converted === '1' ? 'Converted' : row.tags !== '' ? 'Contacted' : 'New';
  const priority = PRIORITY_BY_QUALITY[row.leadQuality];
  const country = row.country === '' ? blank(prng) : messText(prng, row.country, 0.05);
  const language =
    country === undefined || country.trim() === ''
      ? undefined
      : country.trim().toLowerCase() === 'india' && index % 3 === 0
        ? 'Hindi'
        : 'English';

  const custom: Record<string, CustomValue> = {
    total_visits: visits,
    time_on_site_s: toNumber(row.timeOnSite),
    page_views_per_visit: toNumber(row.pageViewsPerVisit),
    do_not_email: row.doNotEmail === 'Yes',
  };
  const specialization = selectValue(prng, row.specialization);
  if (specialization !== undefined) custom.specialization = specialization;
  const city = selectValue(prng, row.city);
  if (city !== undefined) custom.city = city;
  const occupation = selectValue(prng, row.occupation);
  if (occupation !== undefined) custom.occupation = occupation;

  const lead: Lead = {
    id: `${BENCH_CRM_KEY}/${crmId}`,
    crmKey: BENCH_CRM_KEY,
    crmId,
    name: `${first} ${last}`,
    email: `${first}.${last}.${index}@example.com`.toLowerCase(),
    tags,
    campaigns: campaignsOf(prng, row, lastContactAt ?? createdAt),
    custom,
    createdAt,
    crmUpdatedAt: lastContactAt ?? createdAt,
    syncedAt: now,
  };
  if (prng.chance(0.65)) lead.company = messText(prng, prng.pick(COMPANIES), 0.1);
  if (prng.chance(0.7)) lead.phone = `+91 9${String(prng.int(1e9)).padStart(9, '0')}`;
  const source = row.leadSource === '' ? blank(prng) : messText(prng, row.leadSource, 0.04);
  if (source !== undefined) lead.source = source;
  lead.groupName = messText(prng, row.leadOrigin, 0.03);
  lead.status = messText(prng, status, 0.02);
  if (priority !== undefined) lead.priority = messText(prng, priority, 0.03);
  if (country !== undefined) lead.country = country;
  if (language !== undefined) lead.language = language;
  if (lastContactAt !== undefined) lead.lastContactAt = lastContactAt;
  return lead;
}

/** A deterministic stream of synthetic leads: `next(n)` returns the next `n` (ids count up from 1). */
export interface LeadStream {
  next(count: number): Lead[];
  /** Leads generated so far. */
  readonly generated: number;
}

/**
 * Creates the stream of synthetic leads for `rows` (dataset rows, see `bench/leads-csv.ts`):
 * the same seed and rows always give the same leads, in the same order, however they are split
 * into batches. See {@link leadFromRow} for what a lead looks like.
 */
export function createLeadStream(rows: readonly LeadsCsvRow[], options: { seed?: number; now?: number } = {}): LeadStream {
  const prng = createPrng(options.seed ?? BENCH_SEED);
  const now = options.now ?? BENCH_NOW;
  let generated = 0;
  return {
    next(count) {
      const leads: Lead[] = new Array(count);
      for (let i = 0; i < count; i++) leads[i] = leadFromRow(prng, prng.pick(rows), ++generated, now);
      return leads;
    },
    get generated() {
      return generated;
    },
  };
}
