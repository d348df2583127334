// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { BackgroundProvider } from '../../components/background-context';
import { DbProvider } from '../../components/db-context';
import { openDatabase, setCrmUser } from '../../lib/db';
import type { SendToBackground } from '../../lib/messaging/client';
import { ingestLeads } from '../../lib/segments';
import { OptionsApp } from './options-app';

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

describe('OptionsApp', () => {
  it('shows the stored leads per CRM and the signed-in user, and changes the time zone', async () => {
    const db = openDatabase(`options-${Math.random()}`);
    await ingestLeads(db, [lead('demo@127.0.0.1:5174', '1'), lead('demo@127.0.0.1:5174', '2'), lead('other@x', '9')], { now: 1, timeZone: 'UTC' });
    await setCrmUser(db, { user: { userId: 'u1', name: 'Olivia Bennett', role: 'owner', orgId: 'acme' }, origin: 'http://127.0.0.1:5174', checkedAt: 1 });
    const send = vi.fn(async () => ({ ok: true, data: { timeZone: 'Europe/Paris' } })) as unknown as SendToBackground;
    render(
      <BackgroundProvider send={send}>
        <DbProvider db={db}>
          <OptionsApp />
        </DbProvider>
      </BackgroundProvider>,
    );
    await screen.findByText('demo@127.0.0.1:5174');
    expect(screen.getByText('demo@127.0.0.1:5174').closest('tr')?.textContent).toContain('2');
    expect(screen.getByText('other@x').closest('tr')?.textContent).toContain('1');
    expect(await screen.findByText('Olivia Bennett', {}, { timeout: 5000 })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Evaluation time zone'), { target: { value: 'Europe/Paris' } });
    await waitFor(() => expect(send).toHaveBeenCalledWith('setTimeZone', { timeZone: 'Europe/Paris' }));
    await screen.findByText(/calendar day in Europe\/Paris/);
  });
});
