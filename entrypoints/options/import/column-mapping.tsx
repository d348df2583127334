import { useId } from 'preact/hooks';
import { DATE_FORMAT_LABELS } from '../../../lib/import/dates';
import { DATE_FORMAT_IDS, STANDARD_TARGETS, STANDARD_TARGET_LABELS, type ColumnPlan, type DateFormatId, type NumberStyle } from '../../../lib/import/plan';
import { TYPE_LABELS } from '../custom-fields/field-words';
import { CUSTOM_FIELD_TYPES, stripBidiControls, type CustomFieldDef, type CustomFieldType } from '../../../lib/schema';

/** Props of {@link ColumnMapping}. */
export interface ColumnMappingProps {
  column: ColumnPlan;
  /** A few values of the column, shown beside it. */
  samples: readonly string[];
  customFields: readonly CustomFieldDef[];
  isKey: boolean;
  onTarget(target: string): void;
  onChange(patch: Partial<ColumnPlan>): void;
  onType(type: CustomFieldType): void;
}

/**
 * One column of the mapping step: its header, sample values, and a `<select>` whose accessible
 * name is the header text exactly (contract) with the docs/semantics.md §3 field keys, `custom.<key>`, `new`
 * and `skip` as option values; then the reading options the chosen target needs.
 */
export function ColumnMapping({ column, samples, customFields, isKey, onTarget, onChange, onType }: ColumnMappingProps) {
  const headerId = useId();
  const type = column.newField?.type ?? customFields.find((f) => `custom.${f.key}` === column.target)?.type;
  const needsDate = column.dateFormat !== undefined;
  const needsSeparator = column.separator !== undefined;
  const needsNumber = column.numberStyle !== undefined;
  return (
    <tr>
      <th scope="row" id={headerId}>
        <bdi class="import-header" title={column.header}>
          {column.header}
        </bdi>
        {isKey && <span class="import-key-badge"> unique key</span>}
      </th>
      <td class="import-samples">
        {samples.slice(0, 3).map((s, i) => (
          <bdi key={i}>{s}</bdi>
        ))}
      </td>
      <td>
        <select aria-label={column.header} value={column.target} onChange={(e) => onTarget(e.currentTarget.value)}>
          <optgroup label="Lead fields">
            {STANDARD_TARGETS.map((key) => (
              <option key={key} value={key}>
                {STANDARD_TARGET_LABELS[key]}
              </option>
            ))}
          </optgroup>
          {customFields.length > 0 && (
            <optgroup label="Custom fields">
              {customFields.map((f) => (
                <option key={f.key} value={`custom.${f.key}`}>
                  {stripBidiControls(f.label)}
                </option>
              ))}
            </optgroup>
          )}
          <option value="new">New custom field…</option>
          <option value="skip">Don't import</option>
        </select>
      </td>
      <td>
        {/* The flex box is inside the cell: a flex <td> stops being a table cell and its borders slip. */}
        <div class="import-options">
          {column.target === 'new' && column.newField && (
            <>
              <input
                aria-label="New field name"
                aria-describedby={headerId}
                value={column.newField.label}
                onInput={(e) => onChange({ newField: { ...column.newField!, label: e.currentTarget.value } })}
              />
              <select aria-label="Field type" aria-describedby={headerId} value={column.newField.type} onChange={(e) => onType(e.currentTarget.value as CustomFieldType)}>
                {CUSTOM_FIELD_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {TYPE_LABELS[t]}
                  </option>
                ))}
              </select>
            </>
          )}
          {needsDate && (
            <select aria-label="Date format" aria-describedby={headerId} value={column.dateFormat} onChange={(e) => onChange({ dateFormat: e.currentTarget.value as DateFormatId })}>
              {DATE_FORMAT_IDS.map((id) => (
                <option key={id} value={id}>
                  {DATE_FORMAT_LABELS[id]}
                </option>
              ))}
            </select>
          )}
          {needsNumber && (
            <select aria-label="Number format" aria-describedby={headerId} value={column.numberStyle} onChange={(e) => onChange({ numberStyle: e.currentTarget.value as NumberStyle })}>
              <option value="dot">1,234.5</option>
              <option value="comma">1.234,5 or 1 234,5</option>
            </select>
          )}
          {needsSeparator && (
            <label class="import-inline">
              <span>Separator</span>
              <input aria-describedby={headerId} size={2} maxLength={3} value={column.separator} onInput={(e) => e.currentTarget.value !== '' && onChange({ separator: e.currentTarget.value })} />
            </label>
          )}
          {!needsDate && !needsNumber && !needsSeparator && column.target !== 'new' && type === undefined && <span class="hint">—</span>}
        </div>
      </td>
    </tr>
  );
}
