// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CrmSegmentsDB } from '../../../lib/db/database';
import type { SyncReport, SyncStatus } from '../../../lib/messaging/protocol';
import { fakeBackground, renderPopup, testDb } from '../test-kit';
import { SYNC_STATUS_KEY } from './sync-header';
import { LIVENESS_INTERVAL_MS } from './use-sync-liveness';

let db: CrmSegmentsDB;
beforeEach(() => {
  db = testDb();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  db.close();
});

const report = (over: Partial<SyncReport> = {}): SyncReport => ({
  crmKey: 'demo',
  received: 1100,
  stored: 3,
  unchanged: 1090,
  skipped: [
    { ref: '#1', reason: 'the record is not an object' },
    { ref: '\u202Egpj.exe', reason: 'the record carries only an id, no lead fields' },
  ],
  nulledValues: 0,
  deleted: 0,
  startedAt: Date.now() - 5000,
  finishedAt: Date.now() - 1000,
  complete: false,
  incompleteReason: '2 records were skipped.',
  kept: 7,
  truncatedValues: 1,
  ...over,
});

const putStatus = (status: SyncStatus) => db.meta.put({ key: SYNC_STATUS_KEY, value: status });

describe('sync report, removal confirmation, Cancel and liveness in the popup (issue 9)', () => {
  it('the header’s last sync line opens the report: counts, why incomplete, every skipped record and why', async () => {
    const user = userEvent.setup();
    await putStatus({ leadCount: 1100, running: false, lastSyncAt: Date.now() - 1000, lastReport: report() });
    renderPopup(db, fakeBackground().send);
    await user.click(await screen.findByRole('button', { name: 'Last sync just now' }));
    const dialog = await screen.findByRole('dialog', { name: 'Last sync report' });
    expect(within(dialog).getByText(/Incomplete sync/).textContent).toBe('Incomplete sync: 2 records were skipped. No lead was removed.');
    const skipped = within(dialog).getByRole('list', { name: 'Skipped records' });
    expect([...skipped.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '#1: the record is not an object',
      '\u202Egpj.exe: the record carries only an id, no lead fields',
    ]);
    // CRM-provided references are isolated: a right-to-left override cannot reverse the reason.
    expect(skipped.querySelectorAll('bdi')).toHaveLength(4);
    expect(within(dialog).getByText('Values too long, stored truncated').nextElementSibling?.textContent).toBe('1');
    expect(within(dialog).getByText('Not returned by the CRM, kept').nextElementSibling?.textContent).toBe('7');
  });

  it('asks before removing more than 10%, naming the number, and sends the answer', async () => {
    const user = userEvent.setup();
    const background = fakeBackground({ resolveSyncRemoval: () => ({ ok: true, data: { deleted: 1200, kept: 0 } }) });
    await putStatus({
      leadCount: 9240,
      running: false,
      lastSyncAt: Date.now(),
      lastReport: report({ pendingRemoval: 1200, complete: true, skipped: [] }),
      pendingRemoval: { crmKey: 'demo', count: 1200, of: 9240 },
    });
    renderPopup(db, background.send);
    const dialog = await screen.findByRole('dialog', { name: 'Remove 1,200 leads?' });
    expect(dialog.textContent).toContain('no longer received 1,200 of the 9,240 leads');
    await user.click(within(dialog).getByRole('button', { name: 'Remove 1,200 leads' }));
    expect(background.of('resolveSyncRemoval')).toEqual([{ remove: true }]);
    expect((await screen.findByRole('status')).textContent).toBe('Removed 1,200 leads.');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('“Keep them” keeps the leads', async () => {
    const user = userEvent.setup();
    const background = fakeBackground({ resolveSyncRemoval: () => ({ ok: true, data: { deleted: 0, kept: 2 } }) });
    await putStatus({ leadCount: 5, running: false, lastSyncAt: Date.now(), pendingRemoval: { crmKey: 'demo', count: 2, of: 5 } });
    renderPopup(db, background.send);
    await user.click(await screen.findByRole('button', { name: 'Keep them' }));
    expect(background.of('resolveSyncRemoval')).toEqual([{ remove: false }]);
  });

  it('a running sync has a Cancel button that sends cancelSync', async () => {
    const user = userEvent.setup();
    const background = fakeBackground({ cancelSync: () => ({ ok: true, data: { cancelled: true } }) });
    await putStatus({ leadCount: 0, running: true, progress: { done: 500, total: 9240 } });
    renderPopup(db, background.send);
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(background.of('cancelSync')).toEqual([{}]);
  });

  it('never keeps showing “Syncing…” for a sync the background no longer runs', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'requestAnimationFrame', 'cancelAnimationFrame'] });
    await putStatus({ leadCount: 0, running: true, progress: { done: 500 } });
    // The restarted background clears the stale state when asked (lib/background/sync-runner.ts).
    let asked = 0;
    const background = fakeBackground({
      getSyncStatus: async () => {
        // The first question comes when the popup opens; the stale state is noticed on a later one.
        if (++asked === 1) return { ok: true, data: { leadCount: 0, running: true, progress: { done: 500 } } };
        const cleared: SyncStatus = { leadCount: 0, running: false, lastError: 'The last sync was interrupted' };
        await putStatus(cleared);
        return { ok: true, data: cleared };
      },
    });
    renderPopup(db, background.send);
    await waitFor(() => expect(document.querySelector('.header-meta')?.textContent).toContain('Syncing…'));
    // The liveness interval starts once Preact has run the effect (after a frame and a task):
    // step the fake clock until the popup asks again.
    for (let step = 0; step < 20 && asked < 2; step++) {
      await act(async () => {
        vi.advanceTimersByTime(LIVENESS_INTERVAL_MS);
      });
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(asked).toBe(2);
    await waitFor(() => expect(document.querySelector('.header-meta')?.textContent).toBe('0 leads · Never synced'));
    expect(screen.getByRole('alert').textContent).toBe('Last sync failed: The last sync was interrupted');
  });
});
