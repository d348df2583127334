import { useEffect } from 'preact/hooks';
import type { SendToBackground } from '../../../lib/messaging/client';
import type { SyncStatus } from '../../../lib/messaging/protocol';

/** How often (ms) the popup asks the background about a sync it shows as running. */
export const LIVENESS_INTERVAL_MS = 3000;

/**
 * While the popup shows a sync as running, asks the background for the status every few seconds
 * (issue 9 item 3): the question wakes a stopped background, which clears a sync nobody runs any
 * more, so "Syncing…" never stays on screen for a sync that is gone.
 */
export function useSyncLiveness(showsRunning: boolean, send: SendToBackground, onStatus: (status: SyncStatus) => void): void {
  useEffect(() => {
    if (!showsRunning) return;
    const timer = setInterval(() => {
      void send('getSyncStatus', {}).then((answer) => {
        if (answer.ok) onStatus(answer.data);
      });
    }, LIVENESS_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [showsRunning, send, onStatus]);
}
