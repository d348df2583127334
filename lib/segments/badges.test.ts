import { describe, expect, it } from 'vitest';
import { membershipsForLeads } from './badges';
import type { RuleSet } from '../schema';
import { ingestLeads } from './ingest';
import { createSegment } from './segment-editing';
import { deactivateSegment } from './segment-lifecycle';
import { NOW, OWNER, TIME_ZONE, makeLead, openTestDatabase, statusIs, runPendingJobs } from './test-support';

const everyone: RuleSet = { combinator: 'and', rules: [{ field: 'name', operator: 'is_not_empty' }] };

/** Three segments (one inactive) over two leads. */
async function badgesFixture() {
  const db = openTestDatabase();
  await ingestLeads(db, [makeLead('1', { status: 'Hot' }), makeLead('2', { status: 'Cold' })], { now: NOW, timeZone: TIME_ZONE });
  const zulu = await createSegment(db, { name: 'Zulu', color: '#333333', rules: statusIs('Hot') }, OWNER, { now: NOW });
  const alpha = await createSegment(db, { name: 'alpha', color: '#111111', rules: statusIs('Hot') }, OWNER, { now: NOW });
  const beta = await createSegment(db, { name: 'Beta', color: '#222222', rules: everyone }, OWNER, { now: NOW });
  await runPendingJobs(db, { timeZone: TIME_ZONE, clock: () => NOW });
  await deactivateSegment(db, zulu.id, { now: NOW });
  return { db, alpha, beta, zulu };
}

describe('membershipsForLeads', () => {
  it('returns every requested lead with its segments sorted by name, inactive ones included', async () => {
    const { db, alpha, beta, zulu } = await badgesFixture();
    const result = await membershipsForLeads(db, ['demo/1', 'demo/2', 'demo/unknown', 'demo/1']);
    expect(result).toEqual({
      'demo/1': [
        { id: alpha.id, name: 'alpha', color: '#111111' },
        { id: beta.id, name: 'Beta', color: '#222222' },
        { id: zulu.id, name: 'Zulu', color: '#333333' },
      ],
      'demo/2': [{ id: beta.id, name: 'Beta', color: '#222222' }],
      'demo/unknown': [],
    });
  });
});
