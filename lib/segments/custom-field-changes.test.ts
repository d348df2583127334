import { describe, expect, it } from 'vitest';
import { getCustomField, getCustomFieldSources, getLead, getSegment, listCustomFields, putCustomFields, putLeads, setCustomFieldSources } from '../db';
import { createSegment } from './segment-editing';
import { customFieldUsage, deleteCustomFieldAndRevalidate, renameCustomField, retypeCustomField } from './custom-field-changes';
import { draft, makeLead, NOW, openTestDatabase, OWNER, TIME_ZONE } from './test-support';

/** A database with text field `visits` on 5 leads (2 unreadable as numbers) and field `plan`; one segment uses each. */
async function seeded() {
  const db = openTestDatabase('custom-field-changes');
  await putCustomFields(db, [
    { key: 'visits', label: 'Visits', type: 'text' },
    { key: 'plan', label: 'Plan', type: 'select' },
  ]);
  await setCustomFieldSources(db, ['visits'], 'import');
  const values = ['12', '1,500', 'many', '', 'n/a'];
  await putLeads(db, [...values.map((v, i) => makeLead(String(i + 1), { custom: { visits: v, plan: 'pro' } })), makeLead('9', { custom: {} })]);
  const busy = await createSegment(db, draft('Busy', { combinator: 'and', rules: [{ field: 'custom.visits', operator: 'equals', value: '12' }] }), OWNER, { now: NOW });
  const pro = await createSegment(db, draft('Pro', { combinator: 'and', rules: [{ field: 'custom.plan', operator: 'equals', value: 'pro' }] }), OWNER, { now: NOW });
  return { db, busy, pro };
}

describe('custom field changes', () => {
  it('counts the segments that use each field', async () => {
    const { busy, pro } = await seeded();
    const usage = customFieldUsage([busy, pro]);
    expect(usage.get('visits')).toEqual([{ id: busy.id, name: 'Busy' }]);
    expect(usage.get('plan')).toEqual([{ id: pro.id, name: 'Pro' }]);
    expect(usage.has('other')).toBe(false);
  });

  it('renames the label only', async () => {
    const { db } = await seeded();
    expect(await renameCustomField(db, 'visits', '  Site visits ')).toEqual({ key: 'visits', label: 'Site visits', type: 'text' });
    await expect(renameCustomField(db, 'nope', 'X')).rejects.toThrow('There is no custom field "nope".');
  });

  it('refuses a label another field already has (fields must stay distinguishable), but keeps its own', async () => {
    const { db } = await seeded();
    const plan = (await getCustomField(db, 'plan'))!;
    await expect(renameCustomField(db, 'visits', ` ${plan.label.toUpperCase()} `)).rejects.toThrow(`Another custom field (plan) is already labelled "${plan.label}".`);
    expect((await getCustomField(db, 'visits'))?.label).not.toBe(plan.label);
    expect(await renameCustomField(db, 'plan', plan.label)).toEqual(plan);
  });

  it('changes text to number: re-reads every value and reports the ones now empty, by lead', async () => {
    const { db, busy } = await seeded();
    const report = await retypeCustomField(db, 'visits', 'number', { now: NOW, timeZone: TIME_ZONE, chunkSize: 2 });
    expect((await getCustomField(db, 'visits'))?.type).toBe('number');
    const stored = await Promise.all(['1', '2', '3', '4', '5', '9'].map(async (id) => (await getLead(db, `demo/${id}`))?.custom.visits));
    expect(stored).toEqual([12, 1500, null, null, null, undefined]);
    expect(report).toMatchObject({ from: 'text', to: 'number', checked: 6, converted: 5, emptied: 2 });
    expect(report.emptiedLeads).toEqual([
      { leadId: 'demo/3', leadName: 'Lead 3', before: 'many' },
      { leadId: 'demo/5', leadName: 'Lead 5', before: 'n/a' },
    ]);
    // "equals" with a text value does not compile on a number field: the segment shows the error
    expect(report.invalidSegments).toEqual([{ id: busy.id, name: 'Busy' }]);
    expect((await getSegment(db, busy.id))?.error).toMatch(/.+/);
  });

  it('deletes a field: the segments using it get an error, the other fields and the lead values stay', async () => {
    const { db, busy, pro } = await seeded();
    expect(await deleteCustomFieldAndRevalidate(db, 'visits', { now: NOW, timeZone: TIME_ZONE })).toEqual([{ id: busy.id, name: 'Busy' }]);
    expect((await listCustomFields(db)).map((f) => f.key)).toEqual(['plan']);
    expect(await getCustomFieldSources(db)).toEqual({});
    expect((await getSegment(db, busy.id))?.error).toMatch(/visits/);
    expect((await getSegment(db, pro.id))?.error).toBeUndefined();
    expect((await getLead(db, 'demo/1'))?.custom.visits).toBe('12');
  });
});
