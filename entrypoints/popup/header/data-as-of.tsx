import { useDb } from '../../../components/db-context';
import { useLiveQuery } from '../../../components/use-live-query';
import { useNow } from '../../../components/use-now';
import { listConnections } from '../../../lib/db';

/**
 * "14:05" for a time today, "3 Dec, 14:05" for another day of this year, with the year otherwise
 * (en-GB style, in the browser's time zone: it is a wall-clock time for the user).
 */
export function formatDataTime(at: number, now: number): string {
  const then = new Date(at);
  const today = new Date(now);
  const time = then.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  if (then.toDateString() === today.toDateString()) return time;
  const sameYear = then.getFullYear() === today.getFullYear();
  const date = then.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) });
  return `${date}, ${time}`;
}

/**
 * "Data as of {time}" (issue 10 item 7): when the stored leads were last brought up to date from
 * the connected CRMs — by "Sync all" or the scheduled sync; with several CRMs, the oldest of their
 * last syncs. Renders nothing until a connected CRM has synced (placed after the header's "Synced …").
 */
export function DataAsOf() {
  const db = useDb();
  const now = useNow();
  const connections = useLiveQuery(() => listConnections(db), [db]);
  const times = (connections.data ?? []).map((c) => c.lastSyncAt);
  if (times.length === 0 || times.some((t) => t === undefined)) return null;
  const oldest = Math.min(...(times as number[]));
  return (
    <>
      <span aria-hidden="true"> · </span>
      <span class="data-as-of" title={new Date(oldest).toLocaleString('en-GB')}>
        Data as of {formatDataTime(oldest, now)}
      </span>
    </>
  );
}
