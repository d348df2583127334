import { useState } from 'preact/hooks';
import { Dialog } from '../../../components/dialog';
import type { CustomFieldDef, CustomFieldType } from '../../../lib/schema';
import type { SegmentRef } from '../../../lib/segments/custom-field-changes';
import { TYPE_LABELS } from './field-words';

/** Props of {@link RetypeDialog}. */
export interface RetypeDialogProps {
  field: CustomFieldDef;
  type: CustomFieldType;
  usedBy: readonly SegmentRef[];
  onConfirm(): void;
  onClose(): void;
}

/** Confirms a type change: what happens to the stored values and the segments that use the field. */
export function RetypeDialog({ field, type, usedBy, onConfirm, onClose }: RetypeDialogProps) {
  return (
    <Dialog
      title={`Change "${field.label}" to ${TYPE_LABELS[type]}?`}
      onClose={onClose}
      actions={
        <>
          <button type="button" class="button button-ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="button" class="button button-primary" onClick={onConfirm} data-autofocus>
            Change type
          </button>
        </>
      }
    >
      <p>
        Every stored value of this field is read again as {TYPE_LABELS[type]} (from {TYPE_LABELS[field.type]}). Values that cannot be read
        that way become empty; you get the list of those leads afterwards.
      </p>
      {usedBy.length > 0 && (
        <p>
          Used by {usedBy.map((s) => `"${s.name}"`).join(', ')}: {usedBy.length === 1 ? 'it is' : 'they are'} refreshed, and a rule that does
          not fit the new type marks its segment as needing an edit.
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

/** Confirms deleting a custom field, naming the segments that will stop working. */
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
      {usedBy.length === 0 ? (
        <p>No segment uses this field.</p>
      ) : (
        <>
          <p>
            {usedBy.length === 1 ? 'This segment uses' : `These ${usedBy.length} segments use`} the field and will show an error until
            their rules are edited (their members stay as they are):
          </p>
          <ul class="field-segments">
            {usedBy.map((s) => (
              <li key={s.id}>{s.name}</li>
            ))}
          </ul>
        </>
      )}
      <p class="hint">The leads keep their stored values; a field created again with the key "{field.key}" shows them again.</p>
    </Dialog>
  );
}
