import { describe, expect, it } from 'vitest';
import { clearAllTables, deleteLeadRows, getLeads, SEGMENT_TABLES, writeTransaction } from '../db';
import { ingestLeads } from '../segments';
import { NOW, TIME_ZONE, makeLead, openTestDatabase } from '../segments/test-support';
import { createLeadMemory } from './lead-memory';

const at = { now: NOW, timeZone: TIME_ZONE };
const statuses = (ids: readonly string[], columns: { content(id: string): { status?: string } | undefined }) =>
  ids.map((id) => columns.content(id)?.status);

describe('createLeadMemory', () => {
  it('loads every stored lead in chunks, then follows committed writes without reading again', async () => {
    const db = openTestDatabase('memory');
    await ingestLeads(db, Array.from({ length: 7 }, (_, i) => makeLead(String(i), { status: 'New' })), at);
    const memory = createLeadMemory(db, 3);
    expect(memory.ready()).toBeUndefined();
    const columns = await memory.get();
    expect(columns.size).toBe(7);
    expect(memory.ready()).toBe(columns);

    await ingestLeads(db, [makeLead('1', { status: 'Won' }), makeLead('9', { status: 'Lost' })], at);
    await deleteLeadRows(db, ['demo/2', 'demo/missing']);
    expect(await memory.get()).toBe(columns);
    expect(columns.size).toBe(7);
    expect(statuses(['demo/0', 'demo/1', 'demo/2', 'demo/9'], columns)).toEqual(['New', 'Won', undefined, 'Lost']);
    memory.close();
  });

  it('ignores a write that rolls back', async () => {
    const db = openTestDatabase('memory');
    await ingestLeads(db, [makeLead('1', { status: 'New' })], at);
    const memory = createLeadMemory(db);
    const columns = await memory.get();
    await expect(
      writeTransaction(db, SEGMENT_TABLES, async () => {
        await ingestLeads(db, [makeLead('1', { status: 'Won' }), makeLead('2')], at);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect((await getLeads(db, ['demo/1']))[0]?.status).toBe('New');
    expect(columns.size).toBe(1);
    expect(columns.content('demo/1')?.status).toBe('New');
    memory.close();
  });

  it('follows writes made while it loads, and reloads after every row was replaced', async () => {
    const db = openTestDatabase('memory');
    await ingestLeads(db, Array.from({ length: 6 }, (_, i) => makeLead(String(i), { status: 'New' })), at);
    const memory = createLeadMemory(db, 2);
    const loading = memory.get();
    await ingestLeads(db, [makeLead('5', { status: 'Won' }), makeLead('0', { status: 'Lost' })], at);
    await deleteLeadRows(db, ['demo/3']);
    const columns = await loading;
    expect(columns.size).toBe(5);
    expect(statuses(['demo/0', 'demo/3', 'demo/5'], columns)).toEqual(['Lost', undefined, 'Won']);

    await clearAllTables(db);
    expect(memory.ready()).toBeUndefined();
    await ingestLeads(db, [makeLead('7')], at);
    expect((await memory.get()).size).toBe(1);
    memory.close();
  });
});
