import { describe, expect, it } from 'vitest';
import type { CustomFieldDef } from './custom-field';
import { allFields, customFieldDef, familyOfCustomType, findOperator, OPERATORS, resolveField, STANDARD_FIELDS } from './fields';

const custom: CustomFieldDef[] = [
  { key: 'lead_quality', label: 'Lead quality', type: 'select', options: ['High'] },
  { key: 'do_not_email', label: 'Do not email', type: 'boolean' },
];

describe('fields (docs/semantics.md §3)', () => {
  it('has every standard field of the SPEC with its type', () => {
    expect(STANDARD_FIELDS.map((f) => [f.key, f.label, f.type])).toEqual([
      ['name', 'Name', 'text'],
      ['email', 'Email', 'text'],
      ['company', 'Company', 'text'],
      ['source', 'Source', 'text'],
      ['groupName', 'Group name', 'text'],
      ['status', 'Status', 'text'],
      ['priority', 'Priority', 'text'],
      ['tags', 'Tags', 'multiselect'],
      ['country', 'Country', 'text'],
      ['language', 'Language', 'text'],
      ['createdAt', 'Created date', 'date'],
      ['lastContactAt', 'Last contact date', 'date'],
      ['campaignParticipation', 'Campaign participation', 'campaign'],
      ['campaignExclusion', 'Campaign exclusion', 'campaign'],
      ['campaignResponse', 'Campaign response', 'campaignResponse'],
      ['segmentMembership', 'Segment membership', 'segment'],
    ]);
  });

  it('lists the SPEC operators per type, with the SPEC negative operators marked', () => {
    const ids = (family: keyof typeof OPERATORS) => OPERATORS[family].map((o) => o.id);
    expect(ids('text')).toEqual(['equals', 'not_equals', 'contains', 'not_contains', 'starts_with', 'ends_with', 'is_any_of', 'is_none_of', 'is_empty', 'is_not_empty']);
    expect(ids('number')).toEqual(['equals', 'not_equals', 'gt', 'gte', 'lt', 'lte', 'between', 'is_empty', 'is_not_empty']);
    expect(ids('date')).toEqual(['on', 'not_on', 'before', 'after', 'between', 'in_last', 'more_than_ago', 'in_next', 'is_empty', 'is_not_empty']);
    expect(ids('boolean')).toEqual(['is_true', 'is_false', 'is_empty', 'is_not_empty']);
    expect(ids('multiselect')).toEqual(['includes_any', 'includes_all', 'includes_none', 'is_empty', 'is_not_empty']);
    expect(ids('campaignParticipation')).toEqual(['is_in', 'is_not_in']);
    expect(ids('campaignExclusion')).toEqual(['is_excluded_from', 'is_not_excluded_from']);
    expect(ids('campaignResponse')).toEqual(['responded', 'not_responded']);
    expect(ids('segmentMembership')).toEqual(['is_member_of', 'is_not_member_of']);
    const negative = Object.values(OPERATORS)
      .flat()
      .filter((o) => o.negative)
      .map((o) => o.id);
    expect(new Set(negative)).toEqual(
      new Set(['not_equals', 'not_contains', 'is_none_of', 'not_on', 'includes_none', 'is_not_in', 'is_not_excluded_from', 'not_responded', 'is_not_member_of']),
    );
  });

  it('resolves standard and defined custom fields only', () => {
    expect(resolveField('status', custom)?.family).toBe('text');
    expect(resolveField('custom.lead_quality', custom)).toEqual({ key: 'custom.lead_quality', label: 'Lead quality', type: 'select', family: 'text', group: 'Custom' });
    expect(resolveField('custom.do_not_email', custom)?.family).toBe('boolean');
    expect(resolveField('custom.missing', custom)).toBeUndefined();
    expect(resolveField('lead_quality', custom)).toBeUndefined();
    expect(resolveField('constructor', custom)).toBeUndefined();
  });

  it('maps custom types to operator families (select behaves as text)', () => {
    expect(familyOfCustomType('select')).toBe('text');
    expect(familyOfCustomType('multiselect')).toBe('multiselect');
    expect(customFieldDef({ key: 'n', label: 'N', type: 'number' }).key).toBe('custom.n');
    expect(allFields(custom).map((f) => f.key).slice(-2)).toEqual(['custom.lead_quality', 'custom.do_not_email']);
  });

  it('findOperator only finds operators of the family', () => {
    expect(findOperator('date', 'in_last')?.label).toBe('in the last');
    expect(findOperator('text', 'in_last')).toBeUndefined();
  });
});
