import { useBackground } from '../../components/background-context';
import { useDb } from '../../components/db-context';
import { useLiveQuery } from '../../components/use-live-query';
import { ConvertedStatusesSection } from './converted-statuses-section';
import { SegmentFilesSection } from './segment-files-section';
import { countSegments, getEvaluationTimeZone, getTimeZoneSetting, leadCountsByCrm, runtimeTimeZone } from '../../lib/db';
import { ImportSection } from './import/import-section';
import { DataSection } from './data/data-section';
import { ConnectionsSection } from './connections-section';
import { CustomFieldsSection } from './custom-fields/custom-fields-section';
import { IdentitySection } from './identity-section';
import { DataEpochProvider, OptionsMessage, useOptionsMessage } from './options-message';
import { formatCount, formatNumber } from '../../lib/format/number';

/**
 * Every IANA time zone the browser knows, for the time zone picker, plus `UTC` and `current`
 * (Chromium's list leaves out UTC and aliases, and a select without its value shows blank).
 */
export function knownTimeZones(current: string): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? [runtimeTimeZone()];
  return [...new Set(['UTC', ...zones, current])].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
}

/**
 * Options page (docs/semantics.md §1): evaluation time zone, the signed-in CRM user, and what is stored per
 * CRM. Reads the database live; changes go to the background as messages (docs/semantics.md §5).
 */
export function OptionsApp() {
  return (
    <DataEpochProvider>
      <OptionsPage />
    </DataEpochProvider>
  );
}

/** The sections of the options page (inside the page's data epoch: old result lines go when all data is replaced). */
function OptionsPage() {
  const db = useDb();
  const send = useBackground();
  const [message, setMessage] = useOptionsMessage();
  const state = useLiveQuery(async () => {
    const [timeZone, zoneSetting, perCrm, segments] = await Promise.all([
      getEvaluationTimeZone(db),
      getTimeZoneSetting(db),
      leadCountsByCrm(db),
      countSegments(db),
    ]);
    return { timeZone, followsBrowser: zoneSetting === null, perCrm, segments };
  }, [db]);

  const changeZone = async (value: string) => {
    setMessage(null);
    const answer = await send('setTimeZone', { timeZone: value === '' ? null : value });
    setMessage(
      answer.ok
        ? { tone: 'ok', text: `Dates are now compared by calendar day in ${answer.data.timeZone}. Active segments are being refreshed.` }
        : { tone: 'error', text: `Could not change the time zone: ${answer.error}` },
    );
  };

  const data = state.data;
  return (
    <main class="options">
      <header class="options-header">
        <img src="/icon/48.png" width="32" height="32" alt="" />
        <h1>CRM Segments settings</h1>
      </header>
      {state.error && <p class="options-error" role="alert">Could not read the extension's data: {state.error.message}</p>}
      {!data && !state.error && <p role="status">Loading…</p>}
      {data && (
        <>
          <section aria-labelledby="tz-heading">
            <h2 id="tz-heading">Time zone</h2>
            <p class="hint">Date rules ("on", "before", "in the last 30 days") use calendar days in this time zone.</p>
            <label class="field">
              <span>Evaluation time zone</span>
              <select value={data.followsBrowser ? '' : data.timeZone} onChange={(e) => void changeZone(e.currentTarget.value)}>
                <option value="">Browser default ({runtimeTimeZone()})</option>
                {knownTimeZones(data.timeZone).map((zone) => (
                  <option key={zone} value={zone}>
                    {zone}
                  </option>
                ))}
              </select>
            </label>
            <OptionsMessage message={message} />
          </section>
          <IdentitySection />
          <ConnectionsSection />
          <ConvertedStatusesSection />
          <section aria-labelledby="data-heading">
            <h2 id="data-heading">Stored in this browser</h2>
            <p class="hint">Lead data never leaves your browser; it is stored in the extension's IndexedDB.</p>
            {data.perCrm.length === 0 ? (
              <p>No leads yet. Open your CRM and click "Sync all" in the toolbar popup.</p>
            ) : (
              <table class="options-table">
                <thead>
                  <tr>
                    <th scope="col">CRM account</th>
                    <th scope="col">Leads</th>
                  </tr>
                </thead>
                <tbody>
                  {data.perCrm.map((row) => (
                    <tr key={row.crmKey}>
                      <td>{row.crmKey}</td>
                      <td>{formatNumber(row.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p>
              {formatCount(data.segments, 'segment', 'segments')}.
            </p>
          </section>
          <ImportSection />
          <CustomFieldsSection />
          <DataSection />
          <SegmentFilesSection />
        </>
      )}
    </main>
  );
}
