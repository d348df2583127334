import { describe, expect, it } from 'vitest';
import { createLeadMemory } from '../background/lead-memory';
import { leadWriteSeq, putLeads, SEGMENT_TABLES, writeTransaction } from '../db';
import type { Lead } from '../schema';
import { LeadColumns } from './lead-columns';
import { readChunkLeads, type RefreshLeadCopy } from './refresh-leads';
import { makeLead, openTestDatabase } from './test-support';

const LIMIT = 3;
const isWon = (lead: Lead) => lead.status === 'Won';
const read = (db: ReturnType<typeof openTestDatabase>, cursor: string | undefined, known?: () => RefreshLeadCopy | undefined) =>
  writeTransaction(db, SEGMENT_TABLES, () => readChunkLeads(db, cursor, LIMIT, known));

describe('refresh chunk leads from the in-memory copy (issue 10 item 2)', () => {
  it('evaluates a current copy in id order, with the same result as the stored leads', async () => {
    const db = openTestDatabase('refresh-leads');
    await putLeads(db, ['4', '1', '3', '2', '5'].map((id) => makeLead(id, { status: Number(id) % 2 ? 'Won' : 'New' })));
    const memory = createLeadMemory(db);
    await memory.get();
    const first = await read(db, undefined, memory.known);
    expect(first).toMatchObject({ source: 'copy', ids: ['demo/1', 'demo/2', 'demo/3'], last: false });
    expect(first.evaluate(isWon)).toEqual([true, false, true]);
    const rest = await read(db, 'demo/3', memory.known);
    expect(rest).toMatchObject({ source: 'copy', ids: ['demo/4', 'demo/5'], last: true });
    expect(rest.evaluate(isWon)).toEqual([false, true]);

    const stored = await read(db, undefined);
    expect(stored).toMatchObject({ source: 'stored', ids: ['demo/1', 'demo/2', 'demo/3'], last: false });
    expect(stored.evaluate(isWon)).toEqual([true, false, true]);
    memory.close();
  });

  it('reads the stored leads when the copy is one write behind or misses a lead', async () => {
    const db = openTestDatabase('refresh-leads');
    await putLeads(db, [makeLead('1', { status: 'New' }), makeLead('2', { status: 'New' })]);
    const seq = await leadWriteSeq(db);
    // A copy that says lead 1 is "Won": wrong, and one write behind.
    const wrong = new LeadColumns();
    wrong.upsert([makeLead('1', { status: 'Won' }), makeLead('2', { status: 'New' })]);
    const behind = await read(db, undefined, () => ({ seq: seq - 1, leads: wrong }));
    expect(behind.source).toBe('stored');
    expect(behind.evaluate(isWon)).toEqual([false, false]);

    const partial = new LeadColumns();
    partial.upsert([makeLead('1', { status: 'New' })]);
    const missing = await read(db, undefined, () => ({ seq, leads: partial }));
    expect(missing).toMatchObject({ source: 'stored', ids: ['demo/1', 'demo/2'] });
  });
});
