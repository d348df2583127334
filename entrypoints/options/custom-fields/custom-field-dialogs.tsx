import { useEffect, useState } from 'preact/hooks';
import { useBackground } from '../../../components/background-context';
import { formatCount, formatNumber, pluralWord } from '../../../lib/format/number';
import { Dialog } from '../../../components/dialog';
import type { CustomFieldDef, CustomFieldType } from '../../../lib/schema';
import type { SegmentRef } from '../../../lib/segments/custom-field-changes';
import type { RetypePreview } from '../../../lib/segments/retype-preview';
import { TYPE_LABELS } from './field-words';

/** Props of {@link RetypeDialog}. */
export interface RetypeDialogProps {
  field: CustomFieldDef;
  type: CustomFieldType;
  usedBy: readonly SegmentRef[];
  onConfirm(): void;
  onClose(): void;
}

type Counted = { state: 'counting' } | { state: 'done'; preview: RetypePreview } | { state: 'failed'; error: string };

/** The counted effect of a type change on the stored values, in words ("412 of 9,240 values will become empty"). */
export function retypeEffect(preview: RetypePreview, typeLabel: string): string {
  if (preview.values === 0) return 'No lead has a value in this field yet, so no value becomes empty.';
  if (preview.emptied === 0) return `All ${formatCount(preview.values, 'stored value', 'stored values')} can be read as ${typeLabel}; none will become empty.`;
  const examples = preview.examples.map((e) => `"${e}"`).join(', ');
  return (
    `${formatNumber(preview.emptied)} of ${formatCount(preview.values, 'stored value', 'stored values')} cannot be read as ${typeLabel}: ` +
    `${formatCount(preview.emptied, 'value', 'values')} will become empty${examples ? ` (e.g. ${examples})` : ''}.`
  );
}

/**
 * Confirms a type change: first counts (in the background) how many stored values would become
 * empty and says so; "Change type" waits for that count.
 */
export function RetypeDialog({ field, type, usedBy, onConfirm, onClose }: RetypeDialogProps) {
  const send = useBackground();
  const [counted, setCounted] = useState<Counted>({ state: 'counting' });
  useEffect(() => {
    let current = true;
    void send('previewCustomFieldType', { key: field.key, type }).then((answer) => {
      if (current) setCounted(answer.ok ? { state: 'done', preview: answer.data } : { state: 'failed', error: answer.error });
    });
    return () => {
      current = false;
    };
  }, [send, field.key, type]);
  const losing = counted.state === 'done' && counted.preview.emptied > 0;
  return (
    <Dialog
      title={`Change "${field.label}" to ${TYPE_LABELS[type]}?`}
      tone={losing ? 'danger' : undefined}
      onClose={onClose}
      actions={
        <>
          <button type="button" class="button button-ghost" onClick={onClose} data-autofocus>
            Cancel
          </button>
          <button type="button" class={`button ${losing ? 'button-danger' : 'button-primary'}`} onClick={onConfirm} disabled={counted.state === 'counting'}>
            {losing ? `Change type and empty ${formatCount(counted.preview.emptied, 'value', 'values')}` : 'Change type'}
          </button>
        </>
      }
    >
      <p>
        Every stored value of this field is read again as {TYPE_LABELS[type]} (from {TYPE_LABELS[field.type]}).
      </p>
      <p class={losing ? 'options-error' : undefined} role="status">
        {counted.state === 'counting'
          ? 'Counting the values that cannot be read that way…'
          : counted.state === 'failed'
            ? `Could not count the values that would become empty: ${counted.error}`
            : retypeEffect(counted.preview, TYPE_LABELS[type])}
      </p>
      {losing && <p class="hint">You get the list of those leads afterwards. Export a backup first if you may need the old values.</p>}
      {usedBy.length > 0 && (
        <p>
          Used by {usedBy.map((s) => `"${s.name}"`).join(', ')}: {pluralWord(usedBy.length, 'it is', 'they are')} refreshed, and a rule that does not
          fit the new type marks its segment as needing an edit.
        </p>
      )}
    </Dialog>
  );
}

/** Props of {@link DeleteFieldDialog}. */
export interface DeleteFieldDialogProps {
  field: CustomFieldDef;
  usedBy: readonly SegmentRef[];
  onConfirm(): Promise<void>;
  onClose(): void;
}

/**
 * Confirms deleting a custom field: names the field, the segments that will get an error
 * (docs/semantics.md §3 rule 9) and what happens to the stored values (kept, hidden).
 */
export function DeleteFieldDialog({ field, usedBy, onConfirm, onClose }: DeleteFieldDialogProps) {
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      title={`Delete the custom field "${field.label}"?`}
      tone="danger"
      busy={busy}
      onClose={onClose}
      actions={
        <>
          <button type="button" class="button button-ghost" onClick={onClose} disabled={busy} data-autofocus>
            Cancel
          </button>
          <button
            type="button"
            class="button button-danger"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void onConfirm();
            }}
          >
            {busy ? 'Deleting…' : 'Delete field'}
          </button>
        </>
      }
    >
      <p>
        "<bdi>{field.label}</bdi>" (key <code>{field.key}</code>) is removed from the list of fields and from the rule editor.
      </p>
      {usedBy.length === 0 ? (
        <p>No segment uses it.</p>
      ) : (
        <>
          <p>
            {usedBy.length === 1 ? 'This segment uses it and will' : `These ${formatNumber(usedBy.length)} segments use it and will`} show an
            error and stop updating until {pluralWord(usedBy.length, 'its rules are', 'their rules are')} edited; {pluralWord(usedBy.length, 'its', 'their')}{' '}
            current members stay as they are:
          </p>
          <ul class="field-segments" aria-label="Segments that will show an error">
            {usedBy.map((s) => (
              <li key={s.id}>
                <bdi>{s.name}</bdi>
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="hint">
        Stored values are not deleted: the leads keep them, hidden. A field created again with the key "{field.key}" (for example by importing
        the same file) shows them again.
      </p>
    </Dialog>
  );
}
