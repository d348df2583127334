import { useDb } from '../../../components/db-context';
import { useLiveQuery } from '../../../components/use-live-query';
import { timeAgo } from '../../../components/time-ago';
import { listConnections } from '../../../lib/db';
import { formatDataTime } from './data-as-of';

/** Props of {@link LastSync}. */
export interface LastSyncProps {
  /** When the last "Sync all" finished, epoch ms (the stored sync status). */
  fullSyncAt: number | undefined;
  /** True when that sync left a report to open. */
  hasReport: boolean;
  /** The stored lead count, `undefined` while it is read. */
  leadCount: number | undefined;
  now: number;
  onOpenReport: () => void;
}

/**
 * "Last sync 3 minutes ago" in the popup header: the newest sync of any kind, so that a
 * scheduled sync (issue 10 item 7) moves it as it moves "Data as of". The last "Sync all" opens its
 * report; a newer scheduled sync reads "Last sync … (automatic)" and has no report to open.
 * With no sync at all: "Not synced from a CRM yet" when leads are stored (an import, a backup),
 * else "Never synced" (issue 10 item 6: never that while leads are stored).
 */
export function LastSync({ fullSyncAt, hasReport, leadCount, now, onOpenReport }: LastSyncProps) {
  const db = useDb();
  const connections = useLiveQuery(() => listConnections(db), [db]);
  let scheduledAt: number | undefined;
  for (const connection of connections.data ?? []) {
    if (connection.lastSyncKind !== 'scheduled' || connection.lastSyncAt === undefined) continue;
    scheduledAt = Math.max(scheduledAt ?? 0, connection.lastSyncAt);
  }
  if (scheduledAt !== undefined && (fullSyncAt === undefined || scheduledAt > fullSyncAt)) {
    return <span title={`Changed leads fetched automatically at ${formatDataTime(scheduledAt, now)}`}>{`Last sync ${timeAgo(scheduledAt, now)} (automatic)`}</span>;
  }
  if (fullSyncAt === undefined) {
    if (leadCount === undefined) return null;
    return <>{leadCount > 0 ? 'Not synced from a CRM yet' : 'Never synced'}</>;
  }
  const text = `Last sync ${timeAgo(fullSyncAt, now)}`;
  if (!hasReport) return <>{text}</>;
  return (
    <button type="button" class="link-button" title="Open the last sync report" onClick={onOpenReport}>
      {text}
    </button>
  );
}
