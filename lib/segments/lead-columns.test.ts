import { describe, expect, it } from 'vitest';
import { generateLeads } from '../../bench/synthetic-leads';
import { BENCH_CONTEXT, BENCH_CUSTOM_FIELDS, BENCH_NOW, BENCH_SEGMENTS, BENCH_TIME_ZONE } from '../../bench/segments';
import { putCustomFields } from '../db';
import { compileRules } from '../engine';
import type { Lead, RuleSet } from '../schema';
import { LeadColumns } from './lead-columns';
import { packedParts, unpackRows } from './lead-columns-pack';
import { sameLeadContent } from './lead-content';
import { leadSummary, previewRules } from './preview';
import { openTestDatabase } from './test-support';

const LEADS = generateLeads({ count: 3000 });

/** What the engine says over plain leads: the count and the first 5 matches by id. */
function engineAnswer(leads: readonly Lead[], rules: RuleSet) {
  const predicate = compileRules(rules, BENCH_CONTEXT);
  const matches = leads.filter((lead) => predicate(lead)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { count: matches.length, total: leads.length, sample: matches.slice(0, 5).map(leadSummary) };
}

async function columnsAnswer(columns: LeadColumns, rules: RuleSet) {
  const db = openTestDatabase('columns');
  await putCustomFields(db, BENCH_CUSTOM_FIELDS);
  const { count, total, sample } = await previewRules(db, rules, { now: BENCH_NOW, timeZone: BENCH_TIME_ZONE, leads: columns });
  db.close();
  return { count, total, sample };
}

describe('LeadColumns', () => {
  it('answers every benchmark segment exactly as the engine does over the same leads', async () => {
    const columns = new LeadColumns();
    columns.upsert(LEADS);
    expect(columns.size).toBe(3000);
    for (const segment of BENCH_SEGMENTS) {
      const expected = engineAnswer(LEADS, segment.rules);
      expect(expected.count).toBeGreaterThan(0);
      expect(await columnsAnswer(columns, segment.rules), segment.name).toEqual(expected);
      // The same from a snapshot's packed parts, each segment first to read its columns.
      const loaded = new LeadColumns();
      for (const part of packedParts(columns, 700)) unpackRows(loaded, structuredClone(part));
      expect(await columnsAnswer(loaded, segment.rules), `${segment.name}, from packed parts`).toEqual(expected);
    }
  });

  it('stays exact through replaced, added and removed leads', async () => {
    const columns = new LeadColumns();
    columns.upsert(LEADS.slice(0, 2000));
    const changed = LEADS.slice(0, 500).map((lead, i) => ({ ...lead, status: i % 2 ? 'Converted' : 'Interested', tags: ['Will revert after reading the email'] }));
    columns.upsert(changed);
    columns.upsert(LEADS.slice(2000));
    const removed = new Set(LEADS.slice(400, 900).map((lead) => lead.id));
    columns.remove(removed);
    columns.remove(['bench@synthetic/not-stored']);
    const current = [...changed, ...LEADS.slice(500)].filter((lead) => !removed.has(lead.id));
    expect(columns.size).toBe(current.length);
    const rules: RuleSet[] = [
      ...BENCH_SEGMENTS.map((segment) => segment.rules),
      { combinator: 'and', rules: [{ field: 'status', operator: 'equals', value: 'Converted' }] },
      { combinator: 'and', rules: [{ field: 'tags', operator: 'includes_any', value: ['Will revert after reading the email'] }] },
    ];
    for (const ruleSet of rules) expect(await columnsAnswer(columns, ruleSet)).toEqual(engineAnswer(current, ruleSet));
  });

  it('gives back the held content of a lead (all but syncedAt), undefined once removed', () => {
    const columns = new LeadColumns();
    columns.upsert(LEADS.slice(0, 50));
    for (const lead of LEADS.slice(0, 50)) {
      const held = columns.content(lead.id) as Lead;
      expect(sameLeadContent(held, lead)).toBe(true);
      expect(held.crmId).toBe(lead.crmId);
    }
    columns.remove([LEADS[0]!.id]);
    expect(columns.content(LEADS[0]!.id)).toBeUndefined();
    expect(columns.has(LEADS[1]!.id)).toBe(true);
    columns.clear();
    expect(columns.size).toBe(0);
  });
});

describe('LeadColumns with hostile custom keys', () => {
  it('keeps an own "__proto__" custom value as a value, not a prototype', () => {
    const custom = JSON.parse('{"__proto__": "x", "city": "Pune"}') as Lead['custom'];
    const lead = { ...LEADS[0]!, custom };
    const columns = new LeadColumns();
    columns.upsert([lead]);
    const held = columns.content(lead.id) as Lead;
    expect(Object.getPrototypeOf(held.custom)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(held.custom, '__proto__')?.value).toBe('x');
    expect(sameLeadContent(held, lead)).toBe(true);
  });
});
