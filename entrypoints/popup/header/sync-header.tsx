import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { SyncReport, SyncStatus } from '../../../lib/messaging/protocol';
import { useBackground } from '../../../components/background-context';
import { useDb } from '../../../components/db-context';
import { useLiveQuery } from '../../../components/use-live-query';
import { useNow } from '../../../components/use-now';
import { isSyncableUrl } from './active-tab';
import { RemovalConfirmDialog } from './removal-confirm';
import { SyncReportDialog } from './sync-report';
import { useSyncLiveness } from './use-sync-liveness';
import { formatCount, formatNumber } from '../../../lib/format/number';
import { DataAsOf } from './data-as-of';
import { LastSync } from './last-sync';
import { storedLeadCount } from '../../../lib/db';
import { readStoredSyncStatus } from '../../../lib/sync/status';

/** Props of {@link SyncHeader}. */
export interface SyncHeaderProps {
  /** The URL of the tab to sync from (the active tab). */
  getActiveTabUrl: () => Promise<string | undefined>;
  /** Room for the organization view switch (docs/semantics.md §7), rendered beside the title. */
  viewSwitch?: ComponentChildren;
}

/** Meta row where the background keeps the SyncStatus (also answered by getSyncStatus). */
export { SYNC_STATUS_KEY } from '../../../lib/sync/status';

/** Shown when the active tab is not a page a sync can start from. */
export const NOT_A_CRM_PAGE = "Open your CRM's leads page, then sync";

type HeaderMessage = { tone: 'info' | 'error'; text: string };

/** "Synced 9240 leads: 120 new or changed, 3 removed, 2 skipped." */
export function describeSyncReport(report: SyncReport): string {
  const parts = [`${formatNumber(report.stored)} new or changed`];
  if (report.deleted > 0) parts.push(`${formatNumber(report.deleted)} removed`);
  if (report.skipped.length > 0) parts.push(`${formatNumber(report.skipped.length)} skipped`);
  if (report.nulledValues > 0) parts.push(`${formatCount(report.nulledValues, 'unreadable value', 'unreadable values')} left empty`);
  if (report.truncatedValues) parts.push(`${formatCount(report.truncatedValues, 'value', 'values')} too long, truncated`);
  const summary = `Synced ${formatCount(report.received, 'lead', 'leads')}: ${parts.join(', ')}.`;
  if (report.pendingRemoval) return `${summary} ${formatCount(report.pendingRemoval, 'lead the CRM no longer lists waits', 'leads the CRM no longer lists wait')} for your confirmation.`;
  if (report.incompleteReason) return `${summary} Incomplete: ${report.incompleteReason} No lead was removed.`;
  return summary;
}

/**
 * The popup header (issue 4 §1): the stored lead count and last sync time (live), and "Sync all",
 * which pages through the CRM API of the active tab's CRM (syncAll) and shows its progress from
 * the stored sync status.
 */
export function SyncHeader({ getActiveTabUrl, viewSwitch }: SyncHeaderProps) {
  const db = useDb();
  const send = useBackground();
  const now = useNow();
  // The kept lead count (one meta row, moved in the same transaction as every lead write): live
  // as a sync stores its pages, never a count of every lead.
  const leadCount = useLiveQuery(() => storedLeadCount(db), [db]);
  const storedStatus = useLiveQuery(() => readStoredSyncStatus(db), [db]);
  const [askedStatus, setAskedStatus] = useState<SyncStatus | null>(null);
  const [starting, setStarting] = useState(false);
  const [message, setMessage] = useState<HeaderMessage | null>(null);
  const [showReport, setShowReport] = useState(false);
  const [removalAnswered, setRemovalAnswered] = useState(false);

  useEffect(() => {
    let current = true;
    send('getSyncStatus', {}).then((answer) => {
      if (current && answer.ok) setAskedStatus(answer.data);
    });
    return () => {
      current = false;
    };
  }, [send]);

  const status = storedStatus.data ?? askedStatus;
  const running = starting || Boolean(status?.running);
  const progress = status?.running ? status.progress : undefined;
  const lastSyncAt = status?.lastSyncAt;
  const lastReport = status?.lastReport;
  // A background that stopped mid-sync leaves "running" stored: ask it while we show a sync.
  useSyncLiveness(Boolean(status?.running) && !starting, send, setAskedStatus);

  const syncAll = async () => {
    setMessage(null);
    const url = await getActiveTabUrl();
    if (!isSyncableUrl(url)) {
      setMessage({ tone: 'error', text: NOT_A_CRM_PAGE });
      return;
    }
    setStarting(true);
    setRemovalAnswered(false);
    const answer = await send('syncAll', { pageUrl: url });
    setStarting(false);
    if (answer.ok) {
      setAskedStatus((previous) => ({ ...(previous ?? { leadCount: 0 }), running: false, lastSyncAt: answer.data.finishedAt, lastReport: answer.data }));
      setMessage({ tone: 'info', text: describeSyncReport(answer.data) });
    } else {
      setMessage({ tone: 'error', text: answer.error });
    }
  };

  const count = leadCount.data ?? status?.leadCount;
  return (
    <header class="popup-header">
      <div class="header-row">
        <div class="brand">
          <span class="brand-mark" aria-hidden="true" />
          <div>
            <h1 class="brand-name">CRM Segments</h1>
            <p class="header-meta">
              {/* Until the count is read the line says only that (as the popup's first frame does), never a dangling "·". */}
              {count === undefined ? (
                'Counting leads…'
              ) : (
                <>
                  {formatCount(count, 'lead', 'leads')}
                  <span aria-hidden="true"> · </span>
                  {running ? (
                    'Syncing…'
                  ) : (
                    <LastSync fullSyncAt={lastSyncAt} hasReport={Boolean(lastReport)} leadCount={count} now={now} onOpenReport={() => setShowReport(true)} />
                  )}
                  <DataAsOf />
                </>
              )}
            </p>
          </div>
        </div>
        {viewSwitch && <div class="view-switch">{viewSwitch}</div>}
        <button type="button" class="button button-secondary button-small" onClick={syncAll} disabled={running} aria-busy={running || undefined}>
          <span class={`sync-icon${running ? ' is-spinning' : ''}`} aria-hidden="true">
            ↻
          </span>
          Sync all
        </button>
      </div>
      {running && (
        <div class="sync-progress">
          <progress
            class="progress"
            aria-label="Sync progress"
            max={progress?.total || undefined}
            value={progress?.total ? progress.done : undefined}
          />
          <span class="muted">
            {progress ? (progress.total ? `${formatNumber(progress.done)} of ${formatCount(progress.total, 'lead', 'leads')}` : `${formatCount(progress.done, 'lead', 'leads')} so far`) : 'Starting…'}
          </span>
          <button type="button" class="button button-ghost button-small" onClick={() => void send('cancelSync', {})}>
            Cancel
          </button>
        </div>
      )}
      {!running && status?.lastError && !message && (
        <p class="header-message is-error" role="alert">
          Last sync failed: {status.lastError}
        </p>
      )}
      {message && (
        <div class={`header-message${message.tone === 'error' ? ' is-error' : ''}`}>
          <p role={message.tone === 'error' ? 'alert' : 'status'}>{message.text}</p>
          {message.tone === 'info' && lastReport && (
            <button type="button" class="link-button" onClick={() => setShowReport(true)}>
              View report
            </button>
          )}
          <button type="button" class="icon-button icon-button-small" aria-label="Dismiss message" onClick={() => setMessage(null)}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
      {showReport && lastReport && <SyncReportDialog report={lastReport} onClose={() => setShowReport(false)} />}
      {!running && !removalAnswered && status?.pendingRemoval && (
        <RemovalConfirmDialog
          pending={status.pendingRemoval}
          onDone={(text) => {
            setRemovalAnswered(true);
            if (text) setMessage({ tone: 'info', text });
          }}
        />
      )}
    </header>
  );
}
