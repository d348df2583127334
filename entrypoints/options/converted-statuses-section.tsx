import { useEffect, useState } from 'preact/hooks';
import './converted-statuses.css';
import { useBackground } from '../../components/background-context';
import { ChipInput, type ValueSuggestion } from '../../components/chip-input';
import { useDb } from '../../components/db-context';
import { useLiveQuery } from '../../components/use-live-query';
import { statusCounts } from '../../lib/analysis/conversion';
import { DEFAULT_CONVERTED_STATUSES, leadStatusesById, readConvertedStatusesSetting } from '../../lib/db';
import { OptionsMessage, useOptionsMessage } from './options-message';

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Options page: which lead statuses count as converted for the conversion rate of the side
 * panel's Analysis and Compare tabs (docs/semantics.md §8; default Converted, Won, Customer). Suggests the
 * statuses of the stored leads; saved through the background (`setConvertedStatuses`).
 */
export function ConvertedStatusesSection() {
  const db = useDb();
  const send = useBackground();
  const stored = useLiveQuery(() => readConvertedStatusesSetting(db), [db]);
  const [draft, setDraft] = useState<string[] | null>(null);
  const [suggestions, setSuggestions] = useState<ValueSuggestion[] | undefined>();
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useOptionsMessage();

  // Start editing from what is stored (again after each save).
  useEffect(() => {
    // Functional update: an edit made before this effect ran is never overwritten by the stored list.
    const statuses = stored.data?.statuses;
    if (statuses && draft === null) setDraft((current) => current ?? statuses);
  }, [stored.data, draft]);

  const loadSuggestions = () => {
    if (suggestions) return;
    void leadStatusesById(db)
      .then((statuses) => setSuggestions(statusCounts(statuses.values())))
      .catch(() => setSuggestions([]));
  };

  const save = async (statuses: string[] | null) => {
    setSaving(true);
    setMessage(null);
    const answer = await send('setConvertedStatuses', { statuses });
    setSaving(false);
    if (!answer.ok) {
      setMessage({ tone: 'error', text: `Could not save the converted statuses: ${answer.error}` });
      return;
    }
    setDraft(answer.data.statuses);
    setMessage({ tone: 'ok', text: `Saved. Conversion rates now count ${answer.data.statuses.join(', ')}.` });
  };

  const current = stored.data;
  const values = draft ?? current?.statuses ?? [];
  const changed = current !== undefined && !sameList(values, current.statuses);
  const empty = values.length === 0;

  return (
    <section aria-labelledby="conversion-heading">
      <h2 id="conversion-heading">Conversion</h2>
      <p class="hint" id="conversion-hint">
        A segment&apos;s conversion rate (side panel, Analysis and Compare) is the share of its members whose status is one of
        these. Statuses match ignoring case.
      </p>
      {!current ? (
        <p role="status">Loading…</p>
      ) : (
        <form
          class="converted-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (changed && !empty) void save(values);
          }}
        >
          <ChipInput
            label="Converted statuses"
            values={values}
            onChange={(next) => {
              setDraft(next);
              setMessage(null);
            }}
            suggestions={suggestions}
            onFocus={loadSuggestions}
            invalid={empty}
            describedBy={empty ? 'conversion-empty' : 'conversion-hint'}
            placeholder="Add a status"
          />
          {empty && (
            <p class="options-error" id="conversion-empty">
              Name at least one status.
            </p>
          )}
          <div class="options-actions">
            <button type="submit" class="button button-primary" disabled={!changed || empty || saving}>
              {saving ? 'Saving…' : 'Save'}
            </button>
            {changed && (
              <button type="button" class="button" disabled={saving} onClick={() => setDraft(current.statuses)}>
                Discard changes
              </button>
            )}
            {(!current.isDefault || changed) && (
              <button type="button" class="button" disabled={saving} onClick={() => void save(null)}>
                Reset to {DEFAULT_CONVERTED_STATUSES.join(', ')}
              </button>
            )}
          </div>
        </form>
      )}
      <OptionsMessage message={message} />
    </section>
  );
}
