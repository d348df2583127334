import { describe, expect, it } from 'vitest';
import type { CustomFieldDef } from '../schema';
import { campaignResponseLabel, campaignStateLabel, campaignStatusLabel } from './campaign-labels';
import { EMPTY_ACTUAL, formatRuleActual } from './rule-actual';
import { createFormatter } from './value';

const f = createFormatter({ locale: 'en-US', timeZone: 'Asia/Tokyo' });
const customFields: CustomFieldDef[] = [
  { key: 'visits', label: 'Visits', type: 'number' },
  { key: 'renewal', label: 'Renewal', type: 'date' },
  { key: 'dnc', label: 'Do not call', type: 'boolean' },
];
const campaigns = [{ id: 'email', name: 'Course Launch Email' }];

describe('formatRuleActual', () => {
  it('formats by the field type', () => {
    expect(formatRuleActual('status', 'Converted', f, customFields)).toBe('Converted');
    expect(formatRuleActual('lastContactAt', Date.UTC(2024, 2, 5, 23, 30), f, customFields)).toBe('Mar 6, 2024');
    expect(formatRuleActual('custom.visits', 12345, f, customFields)).toBe('12,345');
    expect(formatRuleActual('custom.renewal', Date.UTC(2025, 0, 1), f, customFields)).toBe('Jan 1, 2025');
    expect(formatRuleActual('custom.dnc', true, f, customFields)).toBe('Yes');
    expect(formatRuleActual('tags', ['Hot', 'ebook'], f, customFields)).toBe('Hot, ebook');
  });

  it('says "empty" for empty values', () => {
    for (const empty of [undefined, null, '', '  ', []]) expect(formatRuleActual('country', empty, f, customFields)).toBe(EMPTY_ACTUAL);
  });

  it('names campaign entries with their state and response', () => {
    const entries = [
      { campaignId: 'email', state: 'participating', response: 'not_interested' },
      { campaignId: 'sms', state: 'excluded' },
    ];
    expect(formatRuleActual('campaignResponse', entries, f, customFields, campaigns)).toBe(
      'Course Launch Email (participating, not interested); sms (excluded)',
    );
    expect(formatRuleActual('campaignParticipation', [], f, customFields, campaigns)).toBe('no campaigns');
  });

  it('shows values of unknown fields as text', () => {
    expect(formatRuleActual('custom.gone', 'x', f, customFields)).toBe('x');
  });
});

describe('campaign labels', () => {
  it('labels states, responses and statuses', () => {
    expect(campaignStateLabel('excluded')).toBe('Excluded');
    expect(campaignResponseLabel('not_interested')).toBe('Not interested');
    expect(campaignResponseLabel('new_kind')).toBe('new kind');
    expect(campaignStatusLabel('paused')).toBe('Paused');
  });
});
