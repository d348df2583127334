import { describe, expect, it, vi } from 'vitest';
import { createLeadMemory } from '../background/lead-memory';
import { getLead, leadWriteSeq, putLeads, SEGMENT_TABLES, storedLeadCount, writeTransaction } from '../db';
import { ingestLeads, type KnownLeads } from './ingest';
import { NOW, TIME_ZONE, makeLead, openTestDatabase } from './test-support';

const at = { now: NOW, timeZone: TIME_ZONE };

describe('ingest compared with the in-memory lead copy (issue 10 item 4)', () => {
  it('detects a lead changed only in one custom value, and leaves unchanged ones unwritten', async () => {
    const db = openTestDatabase('compare');
    const memory = createLeadMemory(db);
    await memory.get();
    const custom = { city: 'Pune', score: 3, vip: true, langs: ['en', 'hi'], note: null };
    await ingestLeads(db, [makeLead('1', { custom }), makeLead('2', { custom })], { ...at, known: memory.known });
    expect(memory.known()?.seq).toBe(await leadWriteSeq(db));

    const later = { ...at, now: NOW + 1, known: memory.known };
    const changes = [
      makeLead('1', { custom: { ...custom, langs: ['en', 'mr'] }, syncedAt: NOW + 1 }),
      makeLead('2', { custom: { ...custom }, syncedAt: NOW + 1 }),
      makeLead('3', { custom }),
    ];
    const { report } = await ingestLeads(db, changes, later);
    expect(report).toMatchObject({ received: 3, stored: 2, unchanged: 1, created: 1 });
    expect((await getLead(db, 'demo/1'))?.custom.langs).toEqual(['en', 'mr']);
    expect((await getLead(db, 'demo/2'))?.syncedAt).toBe(NOW); // unchanged: not rewritten

    // One more custom key, then one key fewer: both are changes.
    expect((await ingestLeads(db, [makeLead('2', { custom: { ...custom, extra: 'x' } })], later)).report.stored).toBe(1);
    expect((await ingestLeads(db, [makeLead('2', { custom: { city: 'Pune' } })], later)).report.stored).toBe(1);
    expect((await getLead(db, 'demo/2'))?.custom).toEqual({ city: 'Pune' });
    memory.close();
  });

  it('does not trust a copy whose write sequence is not the stored one: the stored lead is read and compared', async () => {
    const db = openTestDatabase('compare');
    await ingestLeads(db, [makeLead('1', { status: 'New' })], at);
    const seq = await leadWriteSeq(db);
    // A copy that claims lead 1 is already "Won" — wrong, and one write behind.
    const stale: KnownLeads = { seq: seq - 1, leads: { has: () => true, content: () => makeLead('1', { status: 'Won' }) } };
    const { report } = await ingestLeads(db, [makeLead('1', { status: 'Won' })], { ...at, known: () => stale });
    expect(report).toMatchObject({ stored: 1, unchanged: 0, created: 0 });
    expect((await getLead(db, 'demo/1'))?.status).toBe('Won');
  });

  it('trusts the copy only from the sequence it reflects: writes inside a transaction not yet committed are not in it', async () => {
    const db = openTestDatabase('compare');
    const memory = createLeadMemory(db);
    await memory.get();
    await writeTransaction(db, SEGMENT_TABLES, async () => {
      await ingestLeads(db, [makeLead('1', { status: 'New' })], { ...at, known: memory.known });
      // Not committed yet: the copy lacks lead 1, and its sequence is behind, so this reads the store.
      const { report } = await ingestLeads(db, [makeLead('1', { status: 'New' })], { ...at, known: memory.known });
      expect(report).toMatchObject({ stored: 0, unchanged: 1 });
    });
    expect(memory.known()?.leads.content('demo/1')?.status).toBe('New');
    memory.close();
  });

  it('keeps the kept lead count exact when the copy says which leads are new', async () => {
    const db = openTestDatabase('compare');
    await putLeads(db, [makeLead('1')]);
    const memory = createLeadMemory(db);
    await memory.get();
    const { report } = await ingestLeads(db, [makeLead('1', { status: 'X' }), makeLead('2')], { ...at, known: memory.known });
    expect(report).toMatchObject({ stored: 2, created: 1 });
    expect(memory.ready()?.size).toBe(2);
    expect(await storedLeadCount(db)).toBe(2);
    expect((await ingestLeads(db, [makeLead('3')], { ...at, known: memory.known })).report.created).toBe(1);
    expect(await storedLeadCount(db)).toBe(3);
    memory.close();
  });
});

describe('a lead copy that is not loaded', () => {
  it('starts loading when ingest asks for it (outside the ingest transaction) and serves the next ingests', async () => {
    const db = openTestDatabase('compare');
    await ingestLeads(db, [makeLead('1'), makeLead('2'), makeLead('3')], at);
    const memory = createLeadMemory(db, 1); // one lead a chunk: the load outlives the ingest transaction
    expect(memory.known()).toBeUndefined();
    const first = await ingestLeads(db, [makeLead('1', { status: 'A' })], { ...at, known: memory.known });
    expect(first.report).toMatchObject({ stored: 1, created: 0 });
    // The load that ingest started completes by itself (nothing else asks for the copy).
    await vi.waitFor(() => expect(memory.ready()).toBeDefined());
    const columns = await memory.get();
    expect(memory.known()).toEqual({ seq: await leadWriteSeq(db), leads: columns });
    expect(columns.content('demo/1')?.status).toBe('A');
    expect(columns.size).toBe(3);
    memory.close();
  });
});
