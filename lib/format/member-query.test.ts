import { describe, expect, it } from 'vitest';
import type { CustomFieldDef } from '../schema';
import { memberColumns, type MemberRow } from './member-columns';
import { filterMembers, isNarrowed, memberSearchText, MemberIndex, normaliseText, searchTerms, sortMembers } from './member-query';
import { testLead } from './test-leads';
import { createFormatter } from './value';

const customFields: CustomFieldDef[] = [{ key: 'score', label: 'Score', type: 'number' }];
const columns = memberColumns(customFields);
const f = createFormatter({ locale: 'en-US', timeZone: 'UTC' });
const rows: MemberRow[] = [
  { lead: testLead('1', { name: 'Zoë Adams', email: 'zoe@acme.io', company: 'Acme', country: 'India', custom: { score: 10 } }) },
  { lead: testLead('2', { name: 'bob Brown', email: 'bob@globex.com', company: 'Globex', country: 'Canada', custom: { score: 2 } }) },
  { lead: testLead('3', { name: 'Ann  Carter', email: 'ann@acme.io', country: 'india', custom: {} }) },
  { lead: testLead('4', { name: 'Émile Durand', company: 'Initech', lastContactAt: Date.UTC(2024, 0, 2), custom: { score: 30 } }) },
];
const names = (list: MemberRow[]) => list.map((r) => r.lead.name);

describe('normaliseText / searchTerms', () => {
  it('case-folds, collapses white space and applies NFKC', () => {
    expect(normaliseText('  Ann \t  CARTER ')).toBe('ann carter');
    expect(normaliseText('ｆｕｌｌ')).toBe('full');
    expect(searchTerms('  acme   IO ')).toEqual(['acme', 'io']);
    expect(searchTerms('   ')).toEqual([]);
  });
});

describe('sortMembers', () => {
  it('sorts text with a case-insensitive collator', () => {
    expect(names(sortMembers(rows, columns, { columnId: 'name', direction: 'asc' }, 'en'))).toEqual([
      'Ann  Carter',
      'bob Brown',
      'Émile Durand',
      'Zoë Adams',
    ]);
  });

  it('sorts numbers numerically with empty values last in both directions', () => {
    expect(names(sortMembers(rows, columns, { columnId: 'custom.score', direction: 'asc' }, 'en'))).toEqual([
      'bob Brown',
      'Zoë Adams',
      'Émile Durand',
      'Ann  Carter',
    ]);
    expect(names(sortMembers(rows, columns, { columnId: 'custom.score', direction: 'desc' }, 'en'))).toEqual([
      'Émile Durand',
      'Zoë Adams',
      'bob Brown',
      'Ann  Carter',
    ]);
  });

  it('breaks ties by name and keeps the input untouched', () => {
    const copy = [...rows];
    expect(names(sortMembers(rows, columns, { columnId: 'country', direction: 'desc' }, 'en'))).toEqual([
      'Ann  Carter',
      'Zoë Adams',
      'bob Brown',
      'Émile Durand',
    ]);
    expect(rows).toEqual(copy);
  });
});

describe('sorting the same members again (ranks kept per rows array)', () => {
  it('gives the same orders as a first sort, in both directions and back', () => {
    const again = [...rows];
    const fresh = (columnId: string, direction: 'asc' | 'desc') => names(sortMembers([...rows], columns, { columnId, direction }, 'en'));
    for (const [columnId, direction] of [['name', 'asc'], ['name', 'desc'], ['country', 'asc'], ['name', 'asc'], ['country', 'desc']] as const) {
      expect(names(sortMembers(again, columns, { columnId, direction }, 'en'))).toEqual(fresh(columnId, direction));
    }
    expect(names(sortMembers(again, columns, { columnId: 'name', direction: 'desc' }, 'en'))).toEqual(['Zoë Adams', 'Émile Durand', 'bob Brown', 'Ann  Carter']);
  });
});

describe('memberSearchText', () => {
  it('is the normalised name, email and company, the same text a search compares', () => {
    const leads = Array.from({ length: 1200 }, (_, i) => ({ lead: testLead(`w${i}`, { name: `  Member  ${i} `, email: `M${i}@Example.com` }) }));
    expect(memberSearchText(leads[1199]!)).toBe('member 1199 \u0000 m1199@example.com \u0000');
    const index = new MemberIndex(leads, f);
    expect(index.search(7)).toBe('member 7 \u0000 m7@example.com \u0000');
    expect(filterMembers(index, columns, { search: 'm1199@', filters: {} }).map((r) => r.lead.id)).toEqual([leads[1199]!.lead.id]);
  });
});

describe('filterMembers', () => {
  const index = new MemberIndex(rows, f);

  it('searches name, email and company; every word must match', () => {
    expect(names(filterMembers(index, columns, { search: 'acme', filters: {} }))).toEqual(['Zoë Adams', 'Ann  Carter']);
    expect(names(filterMembers(index, columns, { search: 'ACME ann', filters: {} }))).toEqual(['Ann  Carter']);
    expect(names(filterMembers(index, columns, { search: 'ann carter', filters: {} }))).toEqual(['Ann  Carter']);
    expect(names(filterMembers(index, columns, { search: 'globex.com', filters: {} }))).toEqual(['bob Brown']);
    expect(filterMembers(index, columns, { search: 'india', filters: {} })).toEqual([]);
  });

  it('applies per-column filters to the display text', () => {
    expect(names(filterMembers(index, columns, { search: '', filters: { country: 'INDIA' } }))).toEqual(['Zoë Adams', 'Ann  Carter']);
    expect(names(filterMembers(index, columns, { search: '', filters: { lastContactAt: 'jan 2' } }))).toEqual(['Émile Durand']);
    expect(names(filterMembers(index, columns, { search: 'zoe', filters: { country: 'india' } }))).toEqual(['Zoë Adams']);
  });

  it('returns every row when nothing narrows, ignoring blank filters and unknown columns', () => {
    expect(filterMembers(index, columns, { search: ' ', filters: { country: '  ', nope: 'x' } })).toHaveLength(4);
    expect(isNarrowed({ search: ' ', filters: { country: '  ' } })).toBe(false);
    expect(isNarrowed({ search: '', filters: { country: 'x' } })).toBe(true);
  });
});
