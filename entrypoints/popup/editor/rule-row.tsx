import { useEffect, useId, useRef } from 'preact/hooks';
import { OPERATORS, allFields, type Campaign, type CustomFieldDef, type FieldDef, type FieldGroup } from '../../../lib/schema';
import { ruleField, ruleOperator, withField, withOperator, type RuleNode } from './rule-tree';
import type { SegmentChoice } from './segment-select';
import { ValueInput } from './value-input';

/** Props of {@link RuleRow}. */
export interface RuleRowProps {
  rule: RuleNode;
  /** "1", "2.1": the rule's number, as in validation messages ("Rule 2.1"). */
  number: string;
  customFields: readonly CustomFieldDef[];
  campaigns: readonly Campaign[];
  /** Segments a segment membership rule can name. */
  otherSegments: readonly SegmentChoice[];
  onChange: (rule: RuleNode) => void;
  onRemove: () => void;
  /** The message to show under the row, if any. */
  error?: string;
  /** The user touched this row's value (validation is shown from then on). */
  onTouched: () => void;
  /** Focus the Field picker when mounted (a rule just added). */
  autoFocus?: boolean;
}

/** Picker group order (issue 4 §4). */
const GROUP_ORDER: readonly FieldGroup[] = ['Standard', 'Campaign', 'Segment', 'Date', 'Custom'];

/**
 * One rule: a native `<select>` "Field" grouped Standard / Campaign / Segment / Date / Custom (option values
 * are docs/semantics.md §3 field keys), a native `<select>` "Operator" with that type's operators only (values
 * are operator ids, text the human labels), the value input for the operator, and "Remove rule N".
 */
export function RuleRow({ rule, number, customFields, campaigns, otherSegments, onChange, onRemove, error, onTouched, autoFocus }: RuleRowProps) {
  const errorId = useId();
  const fieldSelect = useRef<HTMLSelectElement>(null);
  // Focus the Field picker whenever the builder asks for this rule (it was just added).
  useEffect(() => {
    if (autoFocus) fieldSelect.current?.focus();
  }, [autoFocus]);

  const fields = allFields([...customFields].sort((a, b) => a.label.localeCompare(b.label)));
  const field = ruleField(rule, customFields);
  const operator = ruleOperator(rule, customFields);
  const unknownField = rule.field !== '' && !field;

  return (
    <div role="group" aria-label={`Rule ${number}`} class={`rule-row${error ? ' has-error' : ''}`}>
      <div class="rule-line">
        <select
          ref={fieldSelect}
          class="select rule-field"
          aria-label="Field"
          value={rule.field}
          aria-invalid={(error && !field) || undefined}
          aria-describedby={error && !field ? errorId : undefined}
          onChange={(e) => {
            onChange(withField(rule, e.currentTarget.value, customFields));
          }}
        >
          {rule.field === '' && (
            <option value="" disabled>
              Choose a field…
            </option>
          )}
          {GROUP_ORDER.map((group) => {
            const inGroup: FieldDef[] = fields.filter((f) => f.group === group);
            if (group === 'Custom' && unknownField && rule.field.startsWith('custom.'))
              inGroup.push({ key: rule.field, label: `Deleted field (${rule.field.slice(7)})`, type: 'text', family: 'text', group });
            if (inGroup.length === 0) return null;
            return (
              <optgroup key={group} label={group}>
                {inGroup.map((f) => (
                  <option key={f.key} value={f.key}>
                    {f.label}
                  </option>
                ))}
              </optgroup>
            );
          })}
          {unknownField && !rule.field.startsWith('custom.') && <option value={rule.field}>Unknown field ({rule.field})</option>}
        </select>
        {field && (
          <select
            class="select rule-operator"
            aria-label="Operator"
            value={rule.operator}
            aria-invalid={(error && !operator) || undefined}
            onChange={(e) => onChange(withOperator(rule, e.currentTarget.value, customFields))}
          >
            {!operator && <option value={rule.operator}>{rule.operator || 'Choose…'}</option>}
            {OPERATORS[field.family].map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        )}
        <button type="button" class="icon-button rule-remove" aria-label={`Remove rule ${number}`} onClick={onRemove}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {field && operator && operator.value !== 'none' && (
        <div class="rule-value">
          <ValueInput
            field={field}
            operator={operator}
            value={rule.value}
            onChange={(value) => onChange({ ...rule, value })}
            onTouched={onTouched}
            campaigns={campaigns}
            otherSegments={otherSegments}
            customFields={customFields}
            invalid={Boolean(error)}
            describedBy={error ? errorId : undefined}
          />
        </div>
      )}
      {error && (
        <p id={errorId} class="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
