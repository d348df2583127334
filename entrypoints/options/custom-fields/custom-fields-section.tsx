import { useState } from 'preact/hooks';
import { useBackground } from '../../../components/background-context';
import { useDb } from '../../../components/db-context';
import { useLiveQuery } from '../../../components/use-live-query';
import { getCustomFieldRetypeProgress, getCustomFieldSources, listCustomFields, listSegments } from '../../../lib/db';
import type { CustomFieldDef, CustomFieldType } from '../../../lib/schema';
import { customFieldUsage, type RetypeReport, type SegmentRef } from '../../../lib/segments/custom-field-changes';
import { OptionsMessage, useOptionsMessage } from '../options-message';
import { DeleteFieldDialog, RetypeDialog } from './custom-field-dialogs';
import { CustomFieldRow } from './custom-field-row';
import { EmptiedLeads, retypeSummary } from './retype-report';
import { OptionsTableHead } from '../options-table-head';
import { formatCount, formatNumber } from '../../../lib/format/number';

type Pending = { kind: 'retype'; field: CustomFieldDef; type: CustomFieldType } | { kind: 'delete'; field: CustomFieldDef };
const NO_SEGMENTS: readonly SegmentRef[] = [];

/**
 * Custom fields (issue 11 item 3): every definition with its key, label, type, source (CRM, import,
 * manual) and the segments that use it; rename a label, change a type (the background re-reads
 * every stored value in chunks; progress here, then a report of the values that became empty),
 * delete a field after a confirmation naming its segments (they get an error, docs/semantics.md §3 rule 9).
 */
export function CustomFieldsSection() {
  const db = useDb();
  const send = useBackground();
  const [pending, setPending] = useState<Pending | null>(null);
  const [running, setRunning] = useState<string | null>(null);
  const [message, setMessage] = useOptionsMessage();
  const [report, setReport] = useState<RetypeReport | null>(null);
  const state = useLiveQuery(async () => {
    const [fields, sources, segments, progress] = await Promise.all([listCustomFields(db), getCustomFieldSources(db), listSegments(db), getCustomFieldRetypeProgress(db)]);
    return { fields, sources, usage: customFieldUsage(segments), progress };
  }, [db]);
  const data = state.data;
  const usedBy = (key: string) => data?.usage.get(key) ?? NO_SEGMENTS;

  const rename = async (field: CustomFieldDef, label: string): Promise<boolean> => {
    setMessage(null);
    const answer = await send('renameCustomField', { key: field.key, label });
    setMessage(answer.ok ? { tone: 'ok', text: `"${field.label}" is now called "${answer.data.label}".` } : { tone: 'error', text: `Could not rename "${field.label}": ${answer.error}` });
    return answer.ok;
  };

  const retype = async (field: CustomFieldDef, type: CustomFieldType) => {
    setPending(null);
    setMessage(null);
    setReport(null);
    setRunning(field.key);
    const answer = await send('changeCustomFieldType', { key: field.key, type });
    setRunning(null);
    if (answer.ok) {
      setReport(answer.data);
      setMessage({ tone: answer.data.emptied > 0 || answer.data.invalidSegments.length > 0 ? 'error' : 'ok', text: retypeSummary(answer.data, field.label) });
    } else setMessage({ tone: 'error', text: `Could not change the type of "${field.label}": ${answer.error}` });
  };

  const remove = async (field: CustomFieldDef) => {
    setMessage(null);
    setReport(null);
    const answer = await send('deleteCustomField', { key: field.key });
    setPending(null);
    if (!answer.ok) return setMessage({ tone: 'error', text: `Could not delete "${field.label}": ${answer.error}` });
    const names = answer.data.invalidSegments.map((s) => `"${s.name}"`);
    setMessage({ tone: 'ok', text: `Deleted "${field.label}".${names.length > 0 ? ` ${names.join(', ')} now ${names.length === 1 ? 'needs' : 'need'} an edit.` : ''}` });
  };

  const progress = data?.progress;
  return (
    <section aria-labelledby="custom-fields-heading">
      <h2 id="custom-fields-heading">Custom fields</h2>
      <p class="hint">Fields beyond the standard ones, from your CRM or a CSV import. Segment rules use them as "custom.key".</p>
      {state.error && <p class="options-error" role="alert">Could not read the custom fields: {state.error.message}</p>}
      {data && data.fields.length === 0 && <p>No custom fields yet. They appear when a CRM sync or a CSV import brings fields beyond the standard ones.</p>}
      {data && data.fields.length > 0 && (
        <table class="options-table custom-fields-table" aria-label="Custom fields">
          <OptionsTableHead columns={['Key', 'Label', 'Type', 'Source', 'Used by']} />
          <tbody>
            {data.fields.map((field) => (
              <CustomFieldRow
                key={field.key}
                field={field}
                source={data.sources[field.key] ?? 'crm'}
                usedBy={usedBy(field.key)}
                busy={running !== null}
                onRename={(label) => rename(field, label)}
                onRetype={(type) => type !== field.type && setPending({ kind: 'retype', field, type })}
                onDelete={() => setPending({ kind: 'delete', field })}
              />
            ))}
          </tbody>
        </table>
      )}
      {running !== null && (
        <div class="field-progress" role="status">
          <progress max={progress?.total || 1} value={progress?.done ?? 0} aria-label="Type change progress" />
          <span>
            Reading the values of "{running}" again… {progress ? `${formatNumber(progress.done)} of ${formatCount(progress.total, 'lead', 'leads')}` : ''}
          </span>
        </div>
      )}
      <OptionsMessage message={message} />
      {report && message && <EmptiedLeads report={report} />}
      {pending?.kind === 'retype' && (
        <RetypeDialog field={pending.field} type={pending.type} usedBy={usedBy(pending.field.key)} onConfirm={() => void retype(pending.field, pending.type)} onClose={() => setPending(null)} />
      )}
      {pending?.kind === 'delete' && (
        <DeleteFieldDialog field={pending.field} usedBy={usedBy(pending.field.key)} onConfirm={() => remove(pending.field)} onClose={() => setPending(null)} />
      )}
    </section>
  );
}
