import { describe, expect, it } from 'vitest';
import type { Campaign, CustomFieldDef } from '../schema';
import { cellText, csvValue, DEFAULT_COLUMN_IDS, memberColumns, pickColumns, type MemberColumn } from './member-columns';
import { testLead } from './test-leads';
import { createFormatter } from './value';

const customFields: CustomFieldDef[] = [
  { key: 'total_visits', label: 'Total visits', type: 'number' },
  { key: 'do_not_call', label: 'Do not call', type: 'boolean' },
  { key: 'interests', label: 'Interests', type: 'multiselect' },
  { key: 'renewal', label: 'Renewal date', type: 'date' },
];
const campaigns: Campaign[] = [{ id: 'email', crmKey: 'demo@test', name: 'Course Launch Email', status: 'active', segmentIds: [] }];
const columns = memberColumns(customFields, campaigns);
const column = (id: string): MemberColumn => columns.find((c) => c.id === id)!;
const lead = testLead('7', {
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  lastContactAt: Date.UTC(2024, 2, 5, 23, 30),
  campaigns: [
    { campaignId: 'email', state: 'participating', response: 'opened' },
    { campaignId: 'sms', state: 'participating' },
    { campaignId: 'chat', state: 'excluded' },
  ],
  custom: { total_visits: 1234, do_not_call: false, interests: ['MBA', 'Finance'], renewal: Date.UTC(2025, 0, 15) },
});
const row = { lead, addedAt: Date.UTC(2024, 5, 1, 9, 0) };

describe('memberColumns', () => {
  it('offers the default columns, standard fields, campaigns and every custom field', () => {
    const ids = columns.map((c) => c.id);
    for (const id of DEFAULT_COLUMN_IDS) expect(ids).toContain(id);
    expect(ids).toEqual(expect.arrayContaining(['tags', 'priority', 'groupName', 'createdAt', 'addedAt', 'campaigns']));
    expect(ids.slice(-4)).toEqual(['custom.total_visits', 'custom.do_not_call', 'custom.interests', 'custom.renewal']);
    expect(column('custom.total_visits').label).toBe('Total visits');
  });

  it('names participating campaigns from the campaigns table, falling back to the id', () => {
    expect(column('campaigns').get(row)).toEqual(['Course Launch Email', 'sms']);
  });
});

describe('pickColumns', () => {
  it('keeps the requested order and drops unknown ids', () => {
    expect(pickColumns(columns, ['email', 'custom.gone', 'name']).map((c) => c.id)).toEqual(['email', 'name']);
  });
  it('falls back to the defaults when nothing known is left', () => {
    expect(pickColumns(columns, ['custom.gone']).map((c) => c.id)).toEqual([...DEFAULT_COLUMN_IDS]);
  });
});

describe('cellText', () => {
  const f = createFormatter({ locale: 'en-US', timeZone: 'Asia/Tokyo' });
  it('formats by column kind', () => {
    expect(cellText(row, column('name'), f)).toBe('Ada Lovelace');
    expect(cellText(row, column('lastContactAt'), f)).toBe('Mar 6, 2024');
    expect(cellText(row, column('custom.total_visits'), f)).toBe('1,234');
    expect(cellText(row, column('custom.do_not_call'), f)).toBe('No');
    expect(cellText(row, column('custom.interests'), f)).toBe('MBA, Finance');
    expect(cellText(row, column('company'), f)).toBe('');
  });
});

describe('csvValue', () => {
  it('keeps numbers numeric and writes dates as ISO days in the zone', () => {
    expect(csvValue(row, column('custom.total_visits'), 'UTC')).toBe(1234);
    expect(csvValue(row, column('lastContactAt'), 'Asia/Tokyo')).toBe('2024-03-06');
    expect(csvValue(row, column('lastContactAt'), 'America/New_York')).toBe('2024-03-05');
    expect(csvValue(row, column('addedAt'), 'UTC')).toBe('2024-06-01 09:00');
    expect(csvValue(row, column('custom.interests'), 'UTC')).toBe('MBA; Finance');
    expect(csvValue(row, column('custom.do_not_call'), 'UTC')).toBe('No');
    expect(csvValue(row, column('company'), 'UTC')).toBe('');
  });
});
