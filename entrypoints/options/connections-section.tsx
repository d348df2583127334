import { useState } from 'preact/hooks';
import { useBackground } from '../../components/background-context';
import { useDb } from '../../components/db-context';
import { timeAgo } from '../../components/time-ago';
import { useLiveQuery } from '../../components/use-live-query';
import { useNow } from '../../components/use-now';
import { AUTO_SYNC_CHOICES, countLeadsOfCrm, getAutoSyncMinutes, listConnections, type CrmConnection } from '../../lib/db';
import { DisconnectDialog } from './disconnect-dialog';
import { OptionsMessage, useOptionsMessage } from './options-message';
import { OptionsTableHead } from './options-table-head';

/** "Off", "Every 5 minutes", "Every hour". */
export function autoSyncLabel(minutes: number): string {
  if (minutes === 0) return 'Off';
  if (minutes % 60 === 0) return minutes === 60 ? 'Every hour' : `Every ${minutes / 60} hours`;
  return `Every ${minutes} minutes`;
}

/**
 * "Connected CRMs" (issue 11 item 2, issue 10 item 7): the CRM origins the extension syncs, with
 * their stored lead counts, last sync and Disconnect, and how often they are synced in the
 * background. Connecting happens from the popup ("Sync all" on the CRM's page).
 */
export function ConnectionsSection() {
  const db = useDb();
  const send = useBackground();
  const now = useNow();
  const state = useLiveQuery(async () => {
    const [connections, minutes] = await Promise.all([listConnections(db), getAutoSyncMinutes(db)]);
    const counts = await Promise.all(connections.map((c) => countLeadsOfCrm(db, c.crmKey)));
    return { rows: connections.map((connection, i) => ({ connection, leads: counts[i] ?? 0 })), minutes };
  }, [db]);
  const [disconnecting, setDisconnecting] = useState<{ connection: CrmConnection; leads: number } | null>(null);
  const [message, setMessage] = useOptionsMessage();

  const changePeriod = async (minutes: number) => {
    setMessage(null);
    const answer = await send('setAutoSync', { minutes });
    setMessage(
      answer.ok
        ? { tone: 'ok', text: minutes === 0 ? 'Automatic sync is off: only "Sync all" updates your leads.' : `Connected CRMs are synced ${autoSyncLabel(minutes).toLowerCase()}.` }
        : { tone: 'error', text: `Could not change automatic sync: ${answer.error}` },
    );
  };

  const data = state.data;
  const choices: readonly number[] = data && !AUTO_SYNC_CHOICES.includes(data.minutes as never) ? [...AUTO_SYNC_CHOICES, data.minutes] : AUTO_SYNC_CHOICES;
  return (
    <section aria-labelledby="connections-heading">
      <h2 id="connections-heading">Connected CRMs</h2>
      <p class="hint">
        CRM Segments syncs leads and shows badges only on these CRM sites. To connect a CRM, open its leads page and click "Sync
        all" in the toolbar popup.
      </p>
      {state.error && <p class="options-error" role="alert">Could not read the connected CRMs: {state.error.message}</p>}
      {!data && !state.error && <p role="status">Loading…</p>}
      {data && data.rows.length === 0 && <p>No CRM connected yet.</p>}
      {data && data.rows.length > 0 && (
        <table class="options-table" aria-label="Connected CRMs">
          <OptionsTableHead columns={['CRM', 'Leads', 'Last sync']} />
          <tbody>
            {data.rows.map(({ connection, leads }) => (
              <tr key={connection.origin}>
                <td>
                  {connection.label}
                  <br />
                  <bdi class="muted">{connection.origin}</bdi>
                </td>
                <td>{leads.toLocaleString('en-US')}</td>
                <td>
                  {connection.lastSyncAt === undefined ? 'Never' : `${timeAgo(connection.lastSyncAt, now)} (${connection.lastSyncKind === 'scheduled' ? 'automatic' : 'Sync all'})`}
                  {connection.lastScheduledError && (
                    <span class="options-error" role="note">
                      <br />
                      Last automatic sync failed: {connection.lastScheduledError}
                    </span>
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    class="button button-secondary button-small"
                    aria-label={`Disconnect ${connection.origin}`}
                    onClick={() => setDisconnecting({ connection, leads })}
                  >
                    Disconnect
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && (
        <label class="field auto-sync">
          <span>Sync connected CRMs automatically</span>
          <select value={String(data.minutes)} onChange={(e) => void changePeriod(Number(e.currentTarget.value))}>
            {choices.map((minutes) => (
              <option key={minutes} value={String(minutes)}>
                {autoSyncLabel(minutes)}
              </option>
            ))}
          </select>
        </label>
      )}
      {data && <p class="field-hint">Fetches only the leads changed in the CRM since the last sync, so segments stay current without opening the CRM.</p>}
      <OptionsMessage message={message} />
      {disconnecting && (
        <DisconnectDialog
          connection={disconnecting.connection}
          leadCount={disconnecting.leads}
          onClose={(result) => {
            setDisconnecting(null);
            if (result) setMessage({ tone: 'ok', text: result });
          }}
        />
      )}
    </section>
  );
}
