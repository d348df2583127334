// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackgroundProvider } from '../../../components/background-context';
import { DbProvider } from '../../../components/db-context';
import { SYNC_STATUS_KEY } from '../../../lib/sync/status';
import { fakeBackground, testDb } from '../test-kit';
import { SyncHeader } from './sync-header';

const T0 = Date.UTC(2026, 11, 2, 9, 0, 0);

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the popup header’s "Last sync … ago"', () => {
  it('ticks with the shared clock: "just now" for the first minute, then "1 minute ago", "1 hour ago"', async () => {
    // Only the clock and the header's interval are fake: the database keeps its real timers.
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: T0 });
    const db = testDb();
    await db.meta.put({ key: SYNC_STATUS_KEY, value: { leadCount: 0, running: false, lastSyncAt: T0 - 20_000 } });
    render(
      <BackgroundProvider send={fakeBackground().send}>
        <DbProvider db={db}>
          <SyncHeader getActiveTabUrl={async () => undefined} />
        </DbProvider>
      </BackgroundProvider>,
    );
    const line = () => document.querySelector('.header-meta')?.textContent ?? '';
    expect(await screen.findByText(/Last sync just now/)).toBeTruthy();

    vi.advanceTimersByTime(30_000); // 50 s after the sync: no "50 seconds ago" frozen for half a minute
    await Promise.resolve();
    expect(line()).toContain('Last sync just now');
    vi.advanceTimersByTime(30_000); // 80 s
    expect(await screen.findByText(/Last sync 1 minute ago/)).toBeTruthy();
    vi.advanceTimersByTime(60 * 60_000); // 1 h 1 min 20 s
    expect(await screen.findByText(/Last sync 1 hour ago/)).toBeTruthy();
    db.close();
  });
});
