import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { makeLead, openTestDatabase } from '../segments/test-support';
import { countLeads, getLead, putLeads } from './leads';
import { putRows } from './raw-put';
import { writeTransaction } from './transaction';

const leads = (n: number) => Array.from({ length: n }, (_, i) => makeLead(String(i + 1)));

describe('putRows', () => {
  it('stores a bulk of leads and tells live queries of the leads table', async () => {
    const db = openTestDatabase();
    const counts: number[] = [];
    const subscription = liveQuery(() => countLeads(db)).subscribe((count) => counts.push(count));
    await expect.poll(() => counts).toEqual([0]);
    await putLeads(db, leads(60));
    await expect.poll(() => counts).toEqual([0, 60]);
    subscription.unsubscribe();
    expect(await getLead(db, 'demo/60')).toEqual(makeLead('60'));
  });

  it('stores nothing of the transaction when one row cannot be stored', async () => {
    const db = openTestDatabase();
    const rows = [...leads(59), { name: 'no id' }];
    await expect(writeTransaction(db, ['leads'], () => putRows(db, 'leads', rows))).rejects.toThrow();
    expect(await countLeads(db)).toBe(0);
  });
});
