// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DbProvider } from '../../../components/db-context';
import { openDatabase, putConnection, updateConnection } from '../../../lib/db';
import { DataAsOf, formatDataTime } from './data-as-of';

afterEach(cleanup);

const connection = (origin: string, lastSyncAt?: number) => ({
  origin,
  adapterId: 'demo-crm',
  crmKey: `demo@${origin}`,
  label: 'Acme CRM (demo)',
  connectedAt: 1,
  grantedPermission: false,
  ...(lastSyncAt !== undefined ? { lastSyncAt } : {}),
});

describe('Data as of', () => {
  it('formats today as a time, other days with the date', () => {
    const now = new Date(2026, 11, 1, 16, 30).getTime();
    expect(formatDataTime(new Date(2026, 11, 1, 9, 5).getTime(), now)).toBe('09:05');
    expect(formatDataTime(new Date(2026, 10, 28, 23, 59).getTime(), now)).toBe('28 Nov, 23:59');
    expect(formatDataTime(new Date(2025, 0, 2, 8, 0).getTime(), now)).toBe('2 Jan 2025, 08:00');
  });

  it('shows the oldest last sync of the connected CRMs, and nothing before one has synced', async () => {
    const db = openDatabase(`as-of-${Math.random()}`);
    const early = new Date();
    early.setHours(0, 1, 0, 0);
    await putConnection(db, connection('http://127.0.0.1:5174'));
    render(
      <DbProvider db={db}>
        <p data-testid="meta">
          12 leads
          <DataAsOf />
        </p>
      </DbProvider>,
    );
    await updateConnection(db, 'http://127.0.0.1:5174', { lastSyncAt: Date.now() });
    await putConnection(db, connection('http://127.0.0.1:6000', early.getTime()));
    await screen.findByText('Data as of 00:01');
    expect(screen.getByTestId('meta').textContent).toBe('12 leads · Data as of 00:01');
  });
});
