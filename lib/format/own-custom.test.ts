import { describe, expect, it } from 'vitest';
import { compileRules, explainLead } from '../engine';
import { membersCsv } from '../export/members-csv';
import { ownCustomValue, type CustomFieldDef } from '../schema';
import { cellText, csvValue, memberColumns } from './member-columns';
import { testLead } from './test-leads';
import { createFormatter } from './value';

/** Custom fields whose keys Object.prototype also has (issue 9 item 11). */
const FIELDS: CustomFieldDef[] = [
  { key: 'constructor', label: 'Constructor', type: 'text' },
  { key: 'tostring', label: 'To string', type: 'number' },
];
const without = testLead('1', { name: 'No custom values' });
const withValues = testLead('2', { name: 'Has values', custom: { constructor: 'Acme', tostring: 5 } });

describe('custom field keys named like Object.prototype members (issue 9 item 11)', () => {
  it('ownCustomValue reads own properties only', () => {
    expect(ownCustomValue(without.custom, 'constructor')).toBeUndefined();
    expect(ownCustomValue(without.custom, 'toString')).toBeUndefined();
    expect(ownCustomValue(without.custom, '__proto__')).toBeUndefined();
    expect(ownCustomValue(withValues.custom, 'constructor')).toBe('Acme');
  });

  it('the member table and its CSV export show nothing for a missing `constructor` value', () => {
    const column = memberColumns(FIELDS).find((c) => c.id === 'custom.constructor')!;
    const formatter = createFormatter({ locale: 'en-US', timeZone: 'UTC' });
    expect(column.get({ lead: without })).toBeUndefined();
    expect(csvValue({ lead: without }, column, 'UTC')).toBe('');
    expect(cellText({ lead: withValues }, column, formatter)).toBe('Acme');
    const csv = membersCsv([{ lead: without }, { lead: withValues }], [column], 'UTC');
    expect(csv).not.toContain('function');
    expect(csv.split('\r\n').slice(1)).toEqual(['', 'Acme']);
  });

  it('rules and their explanation see an absent `constructor` value as empty', () => {
    const rules = { combinator: 'and' as const, rules: [{ field: 'custom.constructor', operator: 'is_empty', value: null }] };
    const ctx = { now: 0, timeZone: 'UTC', customFields: FIELDS };
    const predicate = compileRules(rules, ctx);
    expect(predicate(without)).toBe(true);
    expect(predicate(withValues)).toBe(false);
    const explanation = explainLead(rules, without, ctx);
    expect(JSON.stringify(explanation)).not.toContain('function');
  });
});
