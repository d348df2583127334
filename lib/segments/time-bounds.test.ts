import { describe, expect, it } from 'vitest';
import { getSegment, memberIds } from '../db';
import type { Rule, RuleSet } from '../schema';
import { ingestLeads } from './ingest';
import { createSegment } from './segment-editing';
import { DAY_MS, NOW, OWNER, TIME_ZONE, draft, makeLead, openTestDatabase, runPendingJobs } from './test-support';
import { timeFreeBounds } from './time-bounds';

const hot: Rule = { field: 'status', operator: 'equals', value: 'Hot' };
const web: Rule = { field: 'source', operator: 'equals', value: 'Web' };
const recent: Rule = { field: 'lastContactAt', operator: 'in_last', value: { amount: 7, unit: 'days' } };
const old: Rule = { field: 'createdAt', operator: 'more_than_ago', value: { amount: 1, unit: 'years' } };

describe('timeFreeBounds', () => {
  it('takes relative date rules as true for the upper bound and false for the lower one, reducing groups', () => {
    expect(timeFreeBounds({ combinator: 'and', rules: [hot, recent] })).toEqual({ upper: { combinator: 'and', rules: [hot] }, lower: false });
    expect(timeFreeBounds({ combinator: 'or', rules: [hot, recent] })).toEqual({ upper: true, lower: { combinator: 'or', rules: [hot] } });
    expect(timeFreeBounds({ combinator: 'and', rules: [recent, old] })).toEqual({ upper: true, lower: false });
    const nested: RuleSet = { combinator: 'and', rules: [web, { combinator: 'or', rules: [hot, recent] }] };
    expect(timeFreeBounds(nested)).toEqual({ upper: { combinator: 'and', rules: [web] }, lower: { combinator: 'and', rules: [web, { combinator: 'or', rules: [hot] }] } });
  });

  it('leaves rules without relative dates as they are', () => {
    const rules: RuleSet = { combinator: 'or', rules: [hot, { field: 'createdAt', operator: 'after', value: '2024-01-01' }] };
    expect(timeFreeBounds(rules)).toEqual({ upper: rules, lower: rules });
  });
});

describe('ingestLeads with a time-dependent segment evaluated earlier', () => {
  it('removes a member whose stored membership the time no longer explains, and adds by the rules now', async () => {
    const db = openTestDatabase();
    const at = { now: NOW, timeZone: TIME_ZONE };
    await ingestLeads(db, [makeLead('1', { status: 'Hot', lastContactAt: NOW - DAY_MS }), makeLead('2', { status: 'Cold', lastContactAt: NOW - DAY_MS })], at);
    const segment = await createSegment(db, draft('Hot and recent', { combinator: 'and', rules: [hot, recent] }), OWNER, { now: NOW });
    await runPendingJobs(db, { timeZone: TIME_ZONE, clock: () => NOW });
    expect(await memberIds(db, segment.id)).toEqual(['demo/1']);

    // 30 days later, no refresh since: lead 1 is still stored as a member (contacted 31 days ago now).
    const later = { now: NOW + 30 * DAY_MS, timeZone: TIME_ZONE };
    await ingestLeads(db, [makeLead('1', { status: 'Cold', lastContactAt: NOW - DAY_MS })], later);
    expect(await memberIds(db, segment.id)).toEqual([]);
    // Lead 2 was never a member whatever the time (Cold): becomes one by the rules now.
    await ingestLeads(db, [makeLead('2', { status: 'Hot', lastContactAt: later.now - DAY_MS })], later);
    expect(await memberIds(db, segment.id)).toEqual(['demo/2']);
    expect((await getSegment(db, segment.id))?.memberCount).toBe(1);
  });
});
