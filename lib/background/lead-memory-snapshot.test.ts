import { describe, expect, it } from 'vitest';
import { generateLeads } from '../../bench/synthetic-leads';
import { clearAllTables, currentLeadSnapshot, exportBackup, leadWriteSeq, listLeads, writeLeadSnapshot, type CrmSegmentsDB } from '../db';
import type { Lead } from '../schema';
import { ingestLeads, LeadColumns, PACKED_FORMAT } from '../segments';
import { NOW, TIME_ZONE, makeLead, openTestDatabase } from '../segments/test-support';
import { createLeadMemory, type LeadMemory } from './lead-memory';
import { previewWhenLoaded } from './preview-loading';

const at = { now: NOW, timeZone: TIME_ZONE };
/** No timed save in these tests: they call `save()`. */
const NEVER = 2 ** 31 - 1;

/** Leads with every kind of value a lead holds: the benchmark's synthetic ones and some odd ones. */
function variedLeads(): Lead[] {
  const odd: Lead[] = [
    makeLead('odd-1', {
      email: '',
      company: '  ',
      status: 'New',
      tags: ['é', '😀', 'ebook'],
      createdAt: 0,
      lastContactAt: -1,
      campaigns: [
        { campaignId: 'email', state: 'participating', response: 'opened', respondedAt: 5 },
        { campaignId: 'sms', state: 'excluded' },
      ],
      custom: JSON.parse('{"zero": -0, "list": ["a", "b", "a"], "empty": [], "none": null, "yes": true, "no": false, "text": ""}') as Lead['custom'],
    }),
    makeLead('odd-2', { name: '', phone: '+91 98', custom: { big: 2 ** 53 - 1, tiny: 5e-324 } }),
  ];
  return [...generateLeads({ count: 2500 }), ...odd];
}

/** A memory over `db` loaded and saved as the stored snapshot. */
async function savedMemory(db: CrmSegmentsDB): Promise<LeadMemory> {
  const memory = createLeadMemory(db, 1000, NEVER);
  await memory.get();
  expect(await memory.save()).toBe(true);
  expect(await memory.save()).toBe(false); // already saved
  return memory;
}

describe('the lead copy snapshot', () => {
  it('loads back exactly the copy built from the stored leads, without reading a lead', async () => {
    const db = openTestDatabase('snapshot');
    await ingestLeads(db, variedLeads(), at);
    const built = new LeadColumns();
    built.upsert(await listLeads(db));
    const saved = await savedMemory(db);
    const source = await saved.get();

    // The rows removed around the repository (the sequence does not move): only the snapshot has them.
    await db.leads.clear();
    const memory = createLeadMemory(db, 1000, NEVER);
    const loaded = await memory.get();
    expect(loaded.size).toBe(built.size);
    for (const id of built.ids) expect(loaded.content(id), id).toEqual(built.content(id));
    // Column by column, in the same row order as the copy that was saved.
    for (const key of ['ids', 'interned', 'plain', 'times', 'tags', 'campaigns', 'custom'] as const) expect(loaded[key], key).toEqual(source[key]);
    const odd = loaded.content('demo/odd-1') as Lead;
    expect(Object.is(odd.custom.zero, -0)).toBe(true);
    expect(memory.known()?.seq).toBe(await leadWriteSeq(db));
    memory.close();
    saved.close();
  });

  it('is ignored once the leads changed after it, and then rebuilt from the leads', async () => {
    const db = openTestDatabase('snapshot');
    await ingestLeads(db, [makeLead('1', { status: 'New' }), makeLead('2', { status: 'New' })], at);
    (await savedMemory(db)).close();
    await ingestLeads(db, [makeLead('1', { status: 'Won' }), makeLead('3')], at);

    const memory = createLeadMemory(db, 1000, NEVER);
    const loaded = await memory.get();
    expect(loaded.size).toBe(3);
    expect(loaded.content('demo/1')?.status).toBe('Won');
    expect(await memory.save()).toBe(true);
    memory.close();
  });

  it('ignores a snapshot of the first layout (one string per lead), and saves it again in the current one', async () => {
    const db = openTestDatabase('snapshot');
    await ingestLeads(db, [makeLead('1', { status: 'New' }), makeLead('2', { name: 'Bo' })], at);
    const seq = await leadWriteSeq(db);
    // As the first layout stored it: current by its sequence, but of format 1.
    const first = { count: 1, ids: ['demo/1'], plain: [['Stale'], [undefined], [undefined], [undefined]], dict: [], codes: new Uint32Array(7), times: new Float64Array(3), words: new Uint32Array([0, 0, 0]), numbers: new Float64Array(0) };
    expect(await writeLeadSnapshot(db, { format: 1, seq, count: 1 }, [first], () => true)).toBe(true);
    expect(await currentLeadSnapshot(db, PACKED_FORMAT)).toBeUndefined();

    const memory = createLeadMemory(db, 1000, NEVER);
    const loaded = await memory.get();
    expect(loaded.size).toBe(2);
    expect(loaded.content('demo/2')?.name).toBe('Bo');
    expect(await memory.save()).toBe(true);
    expect((await currentLeadSnapshot(db, PACKED_FORMAT))?.count).toBe(2);
    memory.close();
  });

  it('applies the writes committed while it loads, after its own rows', async () => {
    const db = openTestDatabase('snapshot');
    await ingestLeads(db, Array.from({ length: 50 }, (_, i) => makeLead(String(i), { status: 'New' })), at);
    (await savedMemory(db)).close();

    const memory = createLeadMemory(db, 1000, NEVER);
    const loading = memory.get();
    await ingestLeads(db, [makeLead('7', { status: 'Won' }), makeLead('77')], at);
    await loading;
    const loaded = await memory.get(); // the write applied (on the next task, or now)
    expect(loaded.size).toBe(51);
    expect(loaded.content('demo/7')?.status).toBe('Won');
    expect(memory.known()?.seq).toBe(await leadWriteSeq(db));
    memory.close();
  });

  it('goes with "Delete all data", and is never part of a backup', async () => {
    const db = openTestDatabase('snapshot');
    await ingestLeads(db, [makeLead('1')], at);
    const memory = await savedMemory(db);
    expect((await exportBackup(db, NOW)).tables.leadSnapshot).toEqual([]);
    await clearAllTables(db);
    await ingestLeads(db, [makeLead('2')], at);
    expect((await memory.get()).ids).toEqual(['demo/2']);
    memory.close();
  });
});

describe('loading the lead copy', () => {
  it('answers a preview with how far the load has got until the copy is complete', async () => {
    const db = openTestDatabase('loading');
    await ingestLeads(db, Array.from({ length: 7 }, (_, i) => makeLead(String(i))), at);
    const memory = createLeadMemory(db, 2, NEVER);
    const preview = async (leads: LeadColumns) => ({ count: leads.size, total: leads.size, sample: [], elapsedMs: 0 });
    const answers = [];
    for (let answer = await previewWhenLoaded(memory, preview); ; answer = await previewWhenLoaded(memory, preview)) {
      answers.push(answer);
      if (!answer.loading) break;
    }
    const loading = answers.slice(0, -1).map((answer) => answer.loading);
    expect(loading.length).toBeGreaterThanOrEqual(2);
    expect(loading[0]).toEqual({ loaded: 0, total: 7 });
    expect(answers.slice(0, -1).every((answer) => answer.count === 0 && answer.sample.length === 0)).toBe(true);
    const loaded = loading.map((progress) => progress?.loaded ?? -1);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    expect(loading.every((progress) => progress?.total === 7 && progress.loaded < 7)).toBe(true);
    expect(answers.at(-1)).toEqual({ count: 7, total: 7, sample: [], elapsedMs: 0 });
    memory.close();
  });
});
