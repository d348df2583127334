import { describe, expect, it } from 'vitest';
import { demoCrmAdapter } from '../adapters/demo-crm';
import type { LeadPage } from '../adapters/types';
import { convertPages } from './convert';

async function* twoPages(): AsyncGenerator<LeadPage> {
  yield { records: [null, 'x'], done: 2, total: 4 };
  yield { records: [42, null], done: 4, total: 4 };
}

describe('convertPages', () => {
  it('converts page by page, numbering records without an id over the whole sync, each page stamped when it arrives', async () => {
    let now = 1000;
    const pages = [];
    for await (const converted of convertPages(demoCrmAdapter, twoPages(), { crmKey: 'demo', customFields: [] }, () => now++)) pages.push(converted);
    expect(pages.map((p) => p.syncedAt)).toEqual([1000, 1001]);
    expect(pages.map((p) => p.page.done)).toEqual([2, 4]);
    expect(pages.map((p) => p.batch.skipped.map((s) => s.ref))).toEqual([
      ['#1', '#2'],
      ['#3', '#4'],
    ]);
  });
});
