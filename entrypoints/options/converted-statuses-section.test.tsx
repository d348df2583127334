// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { BackgroundProvider } from '../../components/background-context';
import { DbProvider } from '../../components/db-context';
import { createBackgroundService } from '../../lib/background/service';
import { getConvertedStatuses, openDatabase, type CrmSegmentsDB } from '../../lib/db';
import type { SendToBackground } from '../../lib/messaging/client';
import { routeMessage } from '../../lib/messaging/router';
import { ingestLeads } from '../../lib/segments';
import { ConvertedStatusesSection } from './converted-statuses-section';

const EXTENSION = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/' };

/** Sends through the real router and background handlers, as the options page does. */
function realBackground(db: CrmSegmentsDB): SendToBackground {
  const service = createBackgroundService({
    db,
    fetchFn: () => Promise.reject(new Error('no network in this test')),
    clock: () => Date.UTC(2024, 5, 1),
    tabs: { membershipsChanged: async () => undefined, segmentsChanged: async () => undefined },
    openSidePanel: async () => false,
    reportError: () => undefined,
  });
  return ((type: string, data: unknown) =>
    routeMessage(service.handlers, EXTENSION, type, data, { id: 'ext', url: 'chrome-extension://ext/options.html' })) as SendToBackground;
}

const lead = (crmId: string, status: string) => ({ id: `demo/${crmId}`, crmKey: 'demo', crmId, name: `Lead ${crmId}`, status, tags: [], campaigns: [], custom: {}, syncedAt: 1 });

let db: CrmSegmentsDB;
afterEach(async () => {
  cleanup();
  db.close();
  await db.delete();
});

async function renderSection() {
  db = openDatabase(`converted-${Math.random()}`);
  await ingestLeads(db, [lead('1', 'Closed Won'), lead('2', 'Closed Won'), lead('3', 'New')], { now: 1, timeZone: 'UTC' });
  render(
    <BackgroundProvider send={realBackground(db)}>
      <DbProvider db={db}>
        <ConvertedStatusesSection />
      </DbProvider>
    </BackgroundProvider>,
  );
  return screen.findByRole('combobox', { name: 'Converted statuses' });
}

const chips = () => screen.getAllByRole('button', { name: /^Remove / }).map((b) => b.getAttribute('aria-label'));

describe('converted statuses on the options page', () => {
  it('starts from the default, suggests the stored statuses and saves through the background', async () => {
    const user = userEvent.setup();
    const input = await renderSection();
    expect(chips()).toEqual(['Remove Converted', 'Remove Won', 'Remove Customer']);
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Remove Won' }));
    await user.click(input);
    await user.type(input, 'clo');
    await user.click(await screen.findByRole('option', { name: /Closed Won/ }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Saved. Conversion rates now count Converted, Customer, Closed Won.');
    expect(await getConvertedStatuses(db)).toEqual(['Converted', 'Customer', 'Closed Won']);

    await user.click(screen.getByRole('button', { name: 'Reset to Converted, Won, Customer' }));
    await waitFor(async () => expect(await getConvertedStatuses(db)).toEqual(['Converted', 'Won', 'Customer']));
    await waitFor(() => expect(chips()).toEqual(['Remove Converted', 'Remove Won', 'Remove Customer']));
  });

  it('refuses an empty list', async () => {
    const user = userEvent.setup();
    await renderSection();
    for (const name of ['Converted', 'Won', 'Customer']) await user.click(screen.getByRole('button', { name: `Remove ${name}` }));
    // Preact re-renders after the clicks asynchronously: wait for the message rather than assume it.
    expect(await screen.findByText('Name at least one status.')).toBeTruthy();
    await waitFor(() => expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true));
    expect(await getConvertedStatuses(db)).toEqual(['Converted', 'Won', 'Customer']);
  });
});
