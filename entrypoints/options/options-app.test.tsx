// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackgroundProvider } from '../../components/background-context';
import { DbProvider } from '../../components/db-context';
import { openDatabase, setCrmUser, setEvaluationTimeZone, type CrmSegmentsDB } from '../../lib/db';
import type { SendToBackground } from '../../lib/messaging/client';
import { ingestLeads } from '../../lib/segments';
import { knownTimeZones, OptionsApp } from './options-app';

const lead = (crmKey: string, crmId: string) => ({
  id: `${crmKey}/${crmId}`,
  crmKey,
  crmId,
  name: `Lead ${crmId}`,
  tags: [],
  campaigns: [],
  custom: {},
  syncedAt: 1,
});

/** Renders the options page over `db`, answering messages with `send`. */
function renderApp(db: CrmSegmentsDB, send: SendToBackground) {
  return render(
    <BackgroundProvider send={send}>
      <DbProvider db={db}>
        <OptionsApp />
      </DbProvider>
    </BackgroundProvider>,
  );
}

describe('OptionsApp', () => {
  afterEach(cleanup);

  it('shows the stored leads per CRM and the signed-in user, and changes the time zone', async () => {
    const db = openDatabase(`options-${Math.random()}`);
    await ingestLeads(db, [lead('demo@127.0.0.1:5174', '1'), lead('demo@127.0.0.1:5174', '2'), lead('other@x', '9')], { now: 1, timeZone: 'UTC' });
    await setCrmUser(db, { user: { userId: 'u1', name: 'Olivia Bennett', role: 'owner', orgId: 'acme' }, origin: 'http://127.0.0.1:5174', checkedAt: 1 });
    const send = vi.fn(async () => ({ ok: true, data: { timeZone: 'Europe/Paris' } })) as unknown as SendToBackground;
    renderApp(db, send);
    await screen.findByText('demo@127.0.0.1:5174');
    expect(screen.getByText('demo@127.0.0.1:5174').closest('tr')?.textContent).toContain('2');
    expect(screen.getByText('other@x').closest('tr')?.textContent).toContain('1');
    expect(await screen.findByText('Olivia Bennett', {}, { timeout: 5000 })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Evaluation time zone'), { target: { value: 'Europe/Paris' } });
    await waitFor(() => expect(send).toHaveBeenCalledWith('setTimeZone', { timeZone: 'Europe/Paris' }));
    await screen.findByText(/calendar day in Europe\/Paris/);
  });

  it('shows UTC (not a blank select) when the stored zone is UTC, which Intl does not list', async () => {
    const db = openDatabase(`options-${Math.random()}`);
    await setEvaluationTimeZone(db, 'UTC');
    const send = vi.fn(async () => ({ ok: false, error: 'not signed in' })) as unknown as SendToBackground;
    renderApp(db, send);
    const select = (await screen.findByLabelText('Evaluation time zone')) as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe('UTC'));
    expect(select.selectedOptions[0]?.textContent).toBe('UTC');
  });

  it('lists UTC first and keeps a stored zone missing from the browser list', () => {
    const zones = knownTimeZones('Asia/Calcutta');
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Asia/Calcutta');
    expect(zones.filter((z) => z === 'UTC')).toHaveLength(1);
  });
});
