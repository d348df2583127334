import { useState } from 'preact/hooks';
import type { CustomFieldSource } from '../../../lib/db';
import type { CustomFieldDef, CustomFieldType } from '../../../lib/schema';
import type { SegmentRef } from '../../../lib/segments/custom-field-changes';
import { segmentCount, SOURCE_LABELS, TYPE_CHOICES, TYPE_LABELS } from './field-words';

/** Props of {@link CustomFieldRow}. */
export interface CustomFieldRowProps {
  field: CustomFieldDef;
  source: CustomFieldSource;
  usedBy: readonly SegmentRef[];
  /** True while any change runs (controls are disabled). */
  busy: boolean;
  onRename(label: string): Promise<boolean>;
  onRetype(type: CustomFieldType): void;
  onDelete(): void;
}

/** One custom field: key, label (renamable in place), type (changeable), source, segments using it, Delete. */
export function CustomFieldRow({ field, source, usedBy, busy, onRename, onRetype, onDelete }: CustomFieldRowProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const save = async () => {
    if (draft === null) return;
    if (draft.trim() === '' || draft.trim() === field.label) return setDraft(null);
    if (await onRename(draft)) setDraft(null);
  };
  return (
    <tr>
      <td>
        <code class="field-key" title={field.key}>
          {field.key}
        </code>
      </td>
      <td>
        {draft === null ? (
          <span class="field-label">
            <bdi class="field-label-text" title={field.label}>
              {field.label}
            </bdi>
            <button type="button" class="button button-ghost button-small" aria-label={`Rename ${field.label}`} disabled={busy} onClick={() => setDraft(field.label)}>
              Rename
            </button>
          </span>
        ) : (
          <form
            class="field-rename"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <input
              aria-label={`Label of ${field.key}`}
              value={draft}
              maxLength={100}
              autoFocus
              onInput={(e) => setDraft(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.preventDefault();
                  setDraft(null);
                }
              }}
            />
            <button type="submit" class="button button-primary button-small" disabled={busy || draft.trim() === ''}>
              Save
            </button>
            <button type="button" class="button button-ghost button-small" onClick={() => setDraft(null)}>
              Cancel
            </button>
          </form>
        )}
      </td>
      <td>
        <select
          aria-label={`Type of ${field.label}`}
          value={field.type}
          disabled={busy}
          onChange={(e) => {
            const type = e.currentTarget.value as CustomFieldType;
            e.currentTarget.value = field.type; // stays until the change is confirmed and done
            onRetype(type);
          }}
        >
          {TYPE_CHOICES.map((type) => (
            <option key={type} value={type}>
              {TYPE_LABELS[type]}
            </option>
          ))}
        </select>
      </td>
      <td>{SOURCE_LABELS[source]}</td>
      <td title={usedBy.map((s) => s.name).join(', ')}>{segmentCount(usedBy.length)}</td>
      <td>
        <button type="button" class="button button-secondary button-small" aria-label={`Delete ${field.label}`} disabled={busy} onClick={onDelete}>
          Delete
        </button>
      </td>
    </tr>
  );
}
