// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { BackgroundProvider } from '../../../components/background-context';
import { DbProvider } from '../../../components/db-context';
import { createCustomFieldHandlers } from '../../../lib/background/custom-field-handlers';
import { getLead, getSegment, listCustomFields, openDatabase, putCustomFields, putLeads, setCustomFieldSources, type CrmSegmentsDB } from '../../../lib/db';
import type { SendToBackground } from '../../../lib/messaging/client';
import { sendThrough } from '../test-send';
import { createSegment } from '../../../lib/segments';
import { CustomFieldsSection } from './custom-fields-section';

afterEach(cleanup);

const OWNER = { userId: 'u1', name: 'Ana', orgId: 'acme' };
const lead = (crmId: string, visits: string) => ({ id: `csv:t/${crmId}`, crmKey: 'csv:t', crmId, name: `Lead ${crmId}`, tags: [], campaigns: [], custom: { visits }, syncedAt: 1 });

/** A database with an imported text field `visits` (2 of 4 values not numbers), a CRM field `plan`, and a segment on `visits`. */
async function seeded(): Promise<{ db: CrmSegmentsDB; segmentId: string }> {
  const db = openDatabase(`custom-fields-${Math.random()}`);
  await putCustomFields(db, [
    { key: 'visits', label: 'Visits', type: 'text' },
    { key: 'plan', label: 'Plan', type: 'select' },
  ]);
  await setCustomFieldSources(db, ['visits'], 'import');
  await putLeads(db, [lead('1', '12'), lead('2', 'lots'), lead('3', '7'), lead('4', 'n/a')]);
  const rules = { combinator: 'and' as const, rules: [{ field: 'custom.visits', operator: 'equals', value: '12' }] };
  const segment = await createSegment(db, { name: 'Frequent', description: '', color: '#3366ff', rules, status: 'active' }, OWNER, { now: 1 });
  return { db, segmentId: segment.id };
}

/** The real background handlers over `db`, as `send`. */
function backgroundOver(db: CrmSegmentsDB): SendToBackground {
  return sendThrough(createCustomFieldHandlers({ db, clock: () => 2, timeZone: async () => 'UTC', segmentsChanged: () => {} }));
}

function mount(db: CrmSegmentsDB) {
  render(
    <BackgroundProvider send={backgroundOver(db)}>
      <DbProvider db={db}>
        <CustomFieldsSection />
      </DbProvider>
    </BackgroundProvider>,
  );
}

describe('CustomFieldsSection', () => {
  it('lists each field with key, label, type, source and the segments using it', async () => {
    const { db } = await seeded();
    mount(db);
    const table = await screen.findByRole('table', { name: 'Custom fields' });
    const rows = within(table).getAllByRole('row').slice(1).map((row) => [...row.querySelectorAll('td')].slice(0, 5).map((td) => td.textContent));
    expect(rows).toEqual([
      ['plan', 'PlanRename', 'textnumberdateyes/noselect (one of a list)multi-select (several of a list)', 'CRM', 'None'],
      ['visits', 'VisitsRename', 'textnumberdateyes/noselect (one of a list)multi-select (several of a list)', 'Import', '1 segment'],
    ]);
    expect((screen.getByRole('combobox', { name: 'Type of Visits' }) as HTMLSelectElement).value).toBe('text');
    // Labels are isolated from the text around them (a right-to-left label cannot reorder the row).
    expect(within(table).getByText('Visits').tagName).toBe('BDI');
  });

  it('renames a label in place (Enter saves)', async () => {
    const { db } = await seeded();
    mount(db);
    fireEvent.click(await screen.findByRole('button', { name: 'Rename Visits' }));
    const input = screen.getByRole('textbox', { name: 'Label of visits' });
    fireEvent.input(input, { target: { value: 'Site visits' } });
    fireEvent.submit(input.closest('form')!);
    await screen.findByText('"Visits" is now called "Site visits".');
    expect((await listCustomFields(db)).find((f) => f.key === 'visits')?.label).toBe('Site visits');
    expect(await screen.findByRole('button', { name: 'Rename Site visits' })).toBeTruthy();
  });

  it('changes the type after confirming, and reports the values now empty with their leads', async () => {
    const { db, segmentId } = await seeded();
    mount(db);
    fireEvent.change(await screen.findByRole('combobox', { name: 'Type of Visits' }), { target: { value: 'number' } });
    const dialog = await screen.findByRole('dialog', { name: 'Change "Visits" to number?' });
    expect(dialog.textContent).toContain('Used by "Frequent"');
    // Counted before confirming: "lots" and "n/a" cannot be read as numbers.
    await within(dialog).findByText('2 of 4 stored values cannot be read as number: 2 values will become empty (e.g. "lots", "n/a").');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Change type and empty 2 values' }));
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert.textContent).toBe('"Visits" is now number: 4 of 4 leads rewritten. 2 values could not be read as number and are now empty. Needs an edit: "Frequent".');
    const emptied = screen.getByRole('table', { name: 'Leads whose value is now empty' });
    expect(within(emptied).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['Lead 2 csv:t/2lots', 'Lead 4 csv:t/4n/a']);
    expect((await getLead(db, 'csv:t/1'))?.custom.visits).toBe(12);
    expect((await getLead(db, 'csv:t/2'))?.custom.visits).toBeNull();
    expect((await getSegment(db, segmentId))?.error).toMatch(/.+/);
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'Type of Visits' }) as HTMLSelectElement).value).toBe('number'));
  });

  it('deletes a field after a confirmation naming its segments; they get an error', async () => {
    const { db, segmentId } = await seeded();
    mount(db);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Visits' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete the custom field "Visits"?' });
    expect(within(dialog).getByRole('list', { name: 'Segments that will show an error' }).textContent).toBe('Frequent');
    expect(dialog.textContent).toContain('"Visits" (key visits) is removed from the list of fields and from the rule editor.');
    expect(dialog.textContent).toContain('This segment uses it and will show an error and stop updating until its rules are edited; its current members stay as they are');
    expect(dialog.textContent).toContain('Stored values are not deleted: the leads keep them, hidden.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete field' }));
    await screen.findByText('Deleted "Visits". "Frequent" now needs an edit.');
    expect((await listCustomFields(db)).map((f) => f.key)).toEqual(['plan']);
    expect((await getSegment(db, segmentId))?.error).toMatch(/visits/);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says before confirming when every stored value can be read as the new type', async () => {
    const { db } = await seeded();
    mount(db);
    fireEvent.change(await screen.findByRole('combobox', { name: 'Type of Visits' }), { target: { value: 'multiselect' } });
    const dialog = await screen.findByRole('dialog', { name: 'Change "Visits" to multi-select (several of a list)?' });
    await within(dialog).findByText('All 4 stored values can be read as multi-select (several of a list); none will become empty.');
    expect(within(dialog).getByRole('button', { name: 'Change type' })).toBeTruthy();
  });

  it('says so when there are no custom fields', async () => {
    mount(openDatabase(`custom-fields-${Math.random()}`));
    expect(await screen.findByText(/^No custom fields yet\./)).toBeTruthy();
  });
});
