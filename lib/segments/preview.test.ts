import { afterEach, describe, expect, it, vi } from 'vitest';
import { listJobs, listSegments } from '../db';
import { RuleError } from '../schema';
import { ingestLeads } from './ingest';
import { previewRules } from './preview';
import { NOW, TIME_ZONE, makeLead, openTestDatabase, statusIs } from './test-support';

describe('previewRules', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('counts matches over all stored leads and samples the first ones, saving nothing', async () => {
    const db = openTestDatabase();
    const leads = Array.from({ length: 12 }, (_, i) =>
      makeLead(String(i).padStart(2, '0'), { status: i % 2 ? 'Hot' : 'Cold', email: `l${i}@example.com`, country: 'India' }),
    );
    await ingestLeads(db, leads, { now: NOW, timeZone: TIME_ZONE });
    // The monotonic clock reads 1000 ms when the preview starts and 1250 ms afterwards.
    vi.spyOn(performance, 'now').mockReturnValueOnce(1000).mockReturnValue(1250);
    const preview = await previewRules(db, statusIs('hot'), { now: NOW, timeZone: TIME_ZONE, sampleSize: 2 });
    expect(preview.count).toBe(6);
    expect(preview.total).toBe(12);
    expect(preview.sample).toEqual([
      { id: 'demo/01', crmId: '01', name: 'Lead 01', email: 'l1@example.com', status: 'Hot', country: 'India' },
      { id: 'demo/03', crmId: '03', name: 'Lead 03', email: 'l3@example.com', status: 'Hot', country: 'India' },
    ]);
    expect(preview.elapsedMs).toBe(250);
    expect(await listSegments(db)).toEqual([]);
    expect(await listJobs(db)).toEqual([]);
  });

  it('defaults to 5 samples and handles an empty store', async () => {
    const db = openTestDatabase();
    expect(await previewRules(db, statusIs('x'), { now: NOW, timeZone: TIME_ZONE })).toMatchObject({ count: 0, total: 0, sample: [] });
    await ingestLeads(db, Array.from({ length: 8 }, (_, i) => makeLead(String(i), { status: 'x' })), { now: NOW, timeZone: TIME_ZONE });
    expect((await previewRules(db, statusIs('x'), { now: NOW, timeZone: TIME_ZONE })).sample).toHaveLength(5);
  });

  it('throws a RuleError for rules on an undefined custom field', async () => {
    const db = openTestDatabase();
    const rules = { combinator: 'and' as const, rules: [{ field: 'custom.nope', operator: 'is_empty' }] };
    await expect(previewRules(db, rules, { now: NOW, timeZone: TIME_ZONE })).rejects.toBeInstanceOf(RuleError);
  });
});
