/**
 * Fixtures for the side panel component tests (not used by the extension): a fresh
 * fake-indexeddb database with custom fields, campaigns, leads, segments and memberships.
 */
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach } from 'vitest';
import { CrmSegmentsDB } from '../../lib/db/database';
import { addMemberships } from '../../lib/db/memberships';
import { testLead } from '../../lib/format/test-leads';
import type { Campaign, CustomFieldDef, Lead, RuleSet, Segment } from '../../lib/schema';

let counter = 0;

/** A new, empty database with a unique name. */
export function openPanelTestDatabase(): CrmSegmentsDB {
  counter += 1;
  return new CrmSegmentsDB(`sidepanel-test-${counter}-${Math.random().toString(36).slice(2)}`);
}

export const CUSTOM_FIELDS: CustomFieldDef[] = [
  { key: 'total_visits', label: 'Total visits', type: 'number' },
  { key: 'do_not_call', label: 'Do not call', type: 'boolean' },
  { key: 'renewal', label: 'Renewal date', type: 'date' },
];

export const CAMPAIGNS: Campaign[] = [
  { id: 'email', crmKey: 'demo@test', name: 'Course Launch Email', status: 'active', segmentIds: [] },
  { id: 'sms', crmKey: 'demo@test', name: 'SMS Follow-up', status: 'paused', segmentIds: [] },
];

/** status = Contacted AND (country = India OR total visits > 5). */
export const HOT_RULES: RuleSet = {
  combinator: 'and',
  rules: [
    { field: 'status', operator: 'equals', value: 'Contacted' },
    {
      combinator: 'or',
      rules: [
        { field: 'country', operator: 'equals', value: 'India' },
        { field: 'custom.total_visits', operator: 'gt', value: 5 },
      ],
    },
  ],
};

export const LEADS: Lead[] = [
  testLead('1', {
    name: 'Asha Rao',
    email: 'asha.rao@example.com',
    company: 'Acme',
    status: 'Contacted',
    source: 'Google',
    country: 'India',
    lastContactAt: Date.UTC(2024, 2, 5, 23, 30),
    custom: { total_visits: 1234, do_not_call: false, renewal: Date.UTC(2025, 0, 15) },
    campaigns: [{ campaignId: 'email', state: 'participating', response: 'opened' }],
  }),
  testLead('2', {
    name: 'Ben Carter',
    email: 'ben.carter@example.com',
    company: 'Globex',
    status: 'Contacted',
    country: 'Canada',
    custom: { total_visits: 9 },
  }),
  testLead('3', {
    name: 'Chen Wei',
    email: 'chen.wei@example.com',
    company: 'Initech',
    status: 'Contacted',
    country: 'India',
    custom: {},
  }),
  testLead('4', { name: 'Dana Lee', email: 'dana@example.com', status: 'New', country: 'India', custom: {} }),
];

/** A stored segment with defaults for everything but id, name and rules. */
export function makeSegment(id: string, name: string, rules: RuleSet, extra: Partial<Segment> = {}): Segment {
  return {
    id,
    name,
    description: `${name} description`,
    color: '#2563eb',
    rules,
    status: 'active',
    ownerId: 'u1',
    ownerName: 'Ana Owner',
    orgId: 'org',
    createdAt: Date.UTC(2024, 0, 1),
    updatedAt: Date.UTC(2024, 0, 1),
    rulesVersion: 1,
    memberCount: 0,
    ...extra,
  };
}

/**
 * Seeds: custom fields, campaigns, the four leads, segment "hot" (Hot leads, members 1–3) and
 * segment "india" (India, members 1, 3, 4).
 */
export async function seedPanelDatabase(db: CrmSegmentsDB): Promise<void> {
  await db.customFields.bulkPut(CUSTOM_FIELDS);
  await db.campaigns.bulkPut(CAMPAIGNS);
  await db.leads.bulkPut(LEADS);
  await db.segments.bulkPut([
    makeSegment('hot', 'Hot leads', HOT_RULES, { memberCount: 3, color: '#dc2626' }),
    makeSegment(
      'india',
      'India',
      { combinator: 'and', rules: [{ field: 'country', operator: 'equals', value: 'India' }] },
      { memberCount: 3 },
    ),
  ]);
  await addMemberships(db, [
    { segmentId: 'hot', leadId: LEADS[0]!.id, addedAt: Date.UTC(2024, 5, 1) },
    { segmentId: 'hot', leadId: LEADS[1]!.id, addedAt: Date.UTC(2024, 5, 1) },
    { segmentId: 'hot', leadId: LEADS[2]!.id, addedAt: Date.UTC(2024, 5, 1) },
    { segmentId: 'india', leadId: LEADS[0]!.id, addedAt: Date.UTC(2024, 5, 2) },
    { segmentId: 'india', leadId: LEADS[2]!.id, addedAt: Date.UTC(2024, 5, 2) },
    { segmentId: 'india', leadId: LEADS[3]!.id, addedAt: Date.UTC(2024, 5, 2) },
  ]);
}

/**
 * Registers the side panel tests' hooks: before each test a fresh seeded database (and empty
 * localStorage), then `prepare` on it; after each, unmounts and deletes it. Returns the current database.
 */
export function seededPanelDatabase(prepare?: (db: CrmSegmentsDB) => Promise<void>): () => CrmSegmentsDB {
  let current: CrmSegmentsDB | undefined;
  beforeEach(async () => {
    localStorage.clear();
    current = openPanelTestDatabase();
    await seedPanelDatabase(current);
    await prepare?.(current);
  });
  afterEach(async () => {
    cleanup();
    current?.close();
    await current?.delete();
  });
  return () => current!;
}
