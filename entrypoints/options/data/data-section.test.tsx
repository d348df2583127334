// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackgroundProvider } from '../../../components/background-context';
import { DbProvider } from '../../../components/db-context';
import { createCustomFieldHandlers } from '../../../lib/background/custom-field-handlers';
import { createDataHandlers } from '../../../lib/background/data-handlers';
import { openDatabase, putCustomFields, putLeads, type CrmSegmentsDB } from '../../../lib/db';
import type { Backup } from '../../../lib/db/backup';
import type { SendToBackground } from '../../../lib/messaging/client';
import { sendThrough } from '../test-send';
import { CustomFieldsSection } from '../custom-fields/custom-fields-section';
import { DataEpochProvider } from '../options-message';
import { DataSection } from './data-section';
import { RestoreDialog } from './restore-dialog';

afterEach(cleanup);

/** The real custom field and data handlers over `db`, as `send`. */
function backgroundOver(db: CrmSegmentsDB): SendToBackground {
  return sendThrough({
    ...createCustomFieldHandlers({ db, clock: () => 2, timeZone: async () => 'UTC', segmentsChanged: () => {} }),
    ...createDataHandlers({ db, afterReplace: async () => {} }),
  });
}

describe('DataSection', () => {
  it('clears other sections’ result lines once all data is deleted', async () => {
    const db = openDatabase(`data-section-${Math.random()}`);
    await putCustomFields(db, [{ key: 'visits', label: 'Visits', type: 'text' }]);
    await putLeads(db, [{ id: 'csv:t/1', crmKey: 'csv:t', crmId: '1', name: 'Lead 1', tags: [], campaigns: [], custom: { visits: '3' }, syncedAt: 1 }]);
    render(
      <BackgroundProvider send={backgroundOver(db)}>
        <DbProvider db={db}>
          <DataEpochProvider>
            <CustomFieldsSection />
            <DataSection />
          </DataEpochProvider>
        </DbProvider>
      </BackgroundProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Visits' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete field' }));
    await screen.findByText(/^Deleted "Visits"/);

    fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete all data?' });
    fireEvent.input(within(dialog).getByLabelText('Type DELETE to confirm'), { target: { value: 'DELETE' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete all data' }));
    await screen.findByText('All data was deleted.');
    expect(screen.queryByText(/^Deleted "Visits"/)).toBeNull();
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toEqual(['All data was deleted.']);
  });
});

describe('RestoreDialog', () => {
  it('previews the backup in the user’s words: memberships counted, never the table name memberBlocks', async () => {
    const summary = {
      dbVersion: 3,
      exportedAt: Date.UTC(2026, 10, 30, 12),
      counts: { leads: 9240, segments: 1, memberBlocks: 3, segmentHistory: 12, campaigns: 0, customFields: 2, jobs: 0, meta: 5 },
      memberships: 4120,
    };
    const send = vi.fn(async (type: string) =>
      type === 'restoreBackup' ? { ok: true, data: summary } : { ok: true, data: { staged: 0 } },
    ) as unknown as SendToBackground;
    const onDone = vi.fn();
    const backup: Backup = { format: 'crm-segments-backup', version: 1, dbVersion: 3, exportedAt: summary.exportedAt, tables: { leads: [] } };
    render(
      <BackgroundProvider send={send}>
        <RestoreDialog fileName="backup.json" backup={backup} summary={summary} onDone={onDone} onClose={() => undefined} />
      </BackgroundProvider>,
    );
    const table = screen.getByRole('table', { name: 'Backup contents' });
    expect(within(table).getAllByRole('row').map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ['Leads', '9,240'],
      ['Segments', '1'],
      ['Memberships', '4,120'],
      ['History rows', '12'],
      ['Campaigns', '0'],
      ['Custom fields', '2'],
      ['Refresh jobs', '0'],
      ['Settings and state', '5'],
    ]);
    expect(screen.getByRole('dialog').textContent).not.toMatch(/memberBlocks|block/i);
    fireEvent.click(screen.getByRole('button', { name: 'Replace all data' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(onDone.mock.calls[0]?.[0].text).toMatch(/: 9,240 leads, 1 segment, 4,120 memberships, 12 history rows, 2 custom fields\.$/);
  });
});
