// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackgroundProvider } from '../../components/background-context';
import { DbProvider } from '../../components/db-context';
import { openDatabase, putConnection, setCrmUser, setCurrentUserOverride, type CrmSegmentsDB } from '../../lib/db';
import type { SendToBackground } from '../../lib/messaging/client';
import { createSegment, ingestLeads } from '../../lib/segments';
import { ConnectionsSection, autoSyncLabel } from './connections-section';
import { IdentitySection, SET_IDENTITY_LABEL } from './identity-section';

const ORIGIN = 'http://127.0.0.1:5174';
const CRM_KEY = 'demo@127.0.0.1:5174';
const lead = (crmId: string) => ({ id: `${CRM_KEY}/${crmId}`, crmKey: CRM_KEY, crmId, name: `Lead ${crmId}`, tags: [], campaigns: [], custom: {}, syncedAt: 1 });

afterEach(cleanup);

function mount(db: CrmSegmentsDB, send: SendToBackground, ui: preact.JSX.Element) {
  return render(
    <BackgroundProvider send={send}>
      <DbProvider db={db}>{ui}</DbProvider>
    </BackgroundProvider>,
  );
}

describe('ConnectionsSection', () => {
  it('lists connected CRMs with lead counts and last sync, and disconnects after asking about the leads', async () => {
    const db = openDatabase(`connections-${Math.random()}`);
    await ingestLeads(db, Array.from({ length: 1234 }, (_, i) => lead(String(i))), { now: 1, timeZone: 'UTC' });
    await putConnection(db, { origin: ORIGIN, adapterId: 'demo-crm', crmKey: CRM_KEY, label: 'Acme CRM (demo)', connectedAt: 1, grantedPermission: false, lastSyncAt: Date.now() - 5 * 60_000, lastSyncKind: 'scheduled' });
    const send = vi.fn(async (type: string) => (type === 'disconnectCrm' ? { ok: true, data: { deleted: 1234 } } : { ok: true, data: { minutes: 0 } })) as unknown as SendToBackground;
    mount(db, send, <ConnectionsSection />);
    const table = await screen.findByRole('table', { name: 'Connected CRMs' });
    const row = within(table).getByText(ORIGIN).closest('tr')!;
    expect(row.textContent).toContain('Acme CRM (demo)');
    expect(row.textContent).toContain('1,234');
    expect(row.textContent).toContain('5 minutes ago (automatic)');

    fireEvent.click(screen.getByRole('button', { name: `Disconnect ${ORIGIN}` }));
    const dialog = await screen.findByRole('dialog', { name: 'Disconnect Acme CRM (demo)?' });
    expect(dialog.textContent).toContain('1,234 leads');
    expect(send).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete leads' }));
    await waitFor(() => expect(send).toHaveBeenCalledWith('disconnectCrm', { origin: ORIGIN, deleteLeads: true }));
    await screen.findByText(`Disconnected ${ORIGIN} and deleted 1,234 leads.`);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('changes or turns off the automatic sync (15 minutes by default)', async () => {
    const db = openDatabase(`connections-${Math.random()}`);
    const send = vi.fn(async () => ({ ok: true, data: { minutes: 0 } })) as unknown as SendToBackground;
    mount(db, send, <ConnectionsSection />);
    await screen.findByText('No CRM connected yet.');
    const select = screen.getByLabelText('Sync connected CRMs automatically') as HTMLSelectElement;
    expect(select.value).toBe('15');
    expect([...select.options].map((o) => o.textContent)).toEqual(['Off', 'Every 5 minutes', 'Every 15 minutes', 'Every 30 minutes', 'Every hour']);
    fireEvent.change(select, { target: { value: '0' } });
    await waitFor(() => expect(send).toHaveBeenCalledWith('setAutoSync', { minutes: 0 }));
    await screen.findByText(/Automatic sync is off/);
    expect(autoSyncLabel(120)).toBe('Every 2 hours');
  });
});

describe('IdentitySection', () => {
  it('says who the extension thinks you are and where that came from, and overrides it', async () => {
    const db = openDatabase(`identity-${Math.random()}`);
    const send = vi.fn(async () => ({ ok: true, data: { user: null } })) as unknown as SendToBackground;
    mount(db, send, <IdentitySection />);
    await screen.findByText('Unknown user.');
    expect(screen.getByTestId('identity-source').textContent).toMatch(/Not known yet: connect your CRM/);

    await setCrmUser(db, { user: { userId: 'u-olivia', name: 'Olivia Bennett', role: 'owner', orgId: 'org-acme' }, origin: ORIGIN, checkedAt: Date.now() });
    await screen.findByText('Olivia Bennett');
    expect(screen.getByTestId('current-user').textContent).toContain('Owner');
    expect(screen.getByTestId('identity-source').textContent).toMatch(`From the CRM's own API at ${ORIGIN}`);

    fireEvent.click(screen.getByRole('button', { name: SET_IDENTITY_LABEL }));
    const form = screen.getByRole('form', { name: 'Manual identity' });
    fireEvent.input(within(form).getByLabelText('Name'), { target: { value: 'Marcus Lee' } });
    fireEvent.change(within(form).getByLabelText('Role'), { target: { value: 'admin' } });
    fireEvent.input(within(form).getByLabelText('User id'), { target: { value: 'u-marcus' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save identity' }));
    await waitFor(() =>
      expect(send).toHaveBeenCalledWith('setIdentityOverride', { user: { userId: 'u-marcus', name: 'Marcus Lee', role: 'admin', orgId: 'org-acme' } }),
    );

    await setCurrentUserOverride(db, { userId: 'u-marcus', name: 'Marcus Lee', role: 'admin', orgId: 'org-acme' });
    await screen.findByText('Marcus Lee');
    expect(screen.getByTestId('identity-source').textContent).toMatch(/Set manually on this page\. It overrides Olivia Bennett/);
    fireEvent.click(screen.getByRole('button', { name: "Use the CRM's identity" }));
    await waitFor(() => expect(send).toHaveBeenCalledWith('setIdentityOverride', { user: null }));
  });

  it('is what the "current user is unknown" error sends people to', async () => {
    const db = openDatabase(`identity-${Math.random()}`);
    const error = await createSegment(db, { name: 'X', description: '', color: '#3366ff', status: 'active', rules: { combinator: 'and', rules: [{ field: 'status', operator: 'equals', value: 'New' }] } }, { userId: ' ', name: '', orgId: '' }, { now: 1 }).catch(
      (e: Error) => e.message,
    );
    expect(error).toContain(`"${SET_IDENTITY_LABEL}"`);
    expect(error).toContain('"Who you are"');
    const send = vi.fn() as unknown as SendToBackground;
    mount(db, send, <IdentitySection />);
    expect(await screen.findByRole('heading', { name: 'Who you are' })).toBeTruthy();
    expect(await screen.findByRole('button', { name: SET_IDENTITY_LABEL })).toBeTruthy();
  });
});
