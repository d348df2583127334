import { useId, useState } from 'preact/hooks';
import {
  CAMPAIGN_RESPONSES,
  RELATIVE_UNITS,
  type Campaign,
  type CampaignResponse,
  type CustomFieldDef,
  type FieldDef,
  type OperatorDef,
} from '../../../lib/schema';
import { ChipInput } from '../../../components/chip-input';
import { SegmentSelect, type SegmentChoice } from './segment-select';
import { useValueSuggestions } from './value-suggestions';

/** Props of {@link ValueInput}. */
export interface ValueInputProps {
  field: FieldDef;
  operator: OperatorDef;
  value: unknown;
  onChange: (value: unknown) => void;
  /** The user left the input (shows its validation message from now on). */
  onTouched: () => void;
  campaigns: readonly Campaign[];
  /** Segments a segment membership rule can name. */
  otherSegments: readonly SegmentChoice[];
  customFields: readonly CustomFieldDef[];
  invalid: boolean;
  /** id of the row's error message. */
  describedBy?: string;
}

/** Labels of campaign response kinds (docs/semantics.md §2) for the response checkboxes. */
export const RESPONSE_LABELS: Record<CampaignResponse, string> = {
  opened: 'Opened',
  clicked: 'Clicked',
  replied: 'Replied',
  interested: 'Interested',
  not_interested: 'Not interested',
  bounced: 'Bounced',
  unsubscribed: 'Unsubscribed',
};

const UNIT_LABELS: Record<string, string> = { days: 'days', weeks: 'weeks', months: 'months' };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const numberOrUndefined = (input: HTMLInputElement) => (Number.isFinite(input.valueAsNumber) ? input.valueAsNumber : undefined);
const numberText = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : '');
const stringValue = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * The value input that fits a rule's operator (issue 4 §4–5): text "Value" (with suggestions),
 * number, date picker, "From"/"To" ranges, "Amount" + "Unit" for relative dates, a chip input
 * "Values" for list operators, a campaign picker, campaign + response kinds, or a segment picker.
 * Operators without
 * a value render nothing.
 */
export function ValueInput(props: ValueInputProps) {
  const { operator, value, onChange, onTouched, invalid, describedBy } = props;
  const common = {
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
    onBlur: onTouched,
  };
  switch (operator.value) {
    case 'none':
      return null;
    case 'string':
    case 'nonEmptyString':
      return <TextValue {...props} />;
    case 'stringList':
      return <ListValue {...props} />;
    case 'number':
      return (
        <input
          type="number"
          class="input"
          step="any"
          inputMode="decimal"
          aria-label="Value"
          placeholder="Number"
          value={numberText(value)}
          onInput={(e) => onChange(numberOrUndefined(e.currentTarget))}
          {...common}
        />
      );
    case 'numberRange': {
      const pair = Array.isArray(value) ? value : [undefined, undefined];
      return (
        <div class="value-range">
          <input
            type="number"
            class="input"
            step="any"
            aria-label="From"
            placeholder="From"
            value={numberText(pair[0])}
            onInput={(e) => onChange([numberOrUndefined(e.currentTarget), pair[1]])}
            {...common}
          />
          <span class="value-joiner" aria-hidden="true">
            and
          </span>
          <input
            type="number"
            class="input"
            step="any"
            aria-label="To"
            placeholder="To"
            value={numberText(pair[1])}
            onInput={(e) => onChange([pair[0], numberOrUndefined(e.currentTarget)])}
            {...common}
          />
        </div>
      );
    }
    case 'day':
      return (
        <input
          type="date"
          class="input"
          aria-label="Value"
          value={stringValue(value)}
          onInput={(e) => onChange(e.currentTarget.value)}
          {...common}
        />
      );
    case 'dayRange': {
      const pair = Array.isArray(value) ? value : ['', ''];
      return (
        <div class="value-range">
          <input
            type="date"
            class="input"
            aria-label="From"
            value={stringValue(pair[0])}
            onInput={(e) => onChange([e.currentTarget.value, pair[1] ?? ''])}
            {...common}
          />
          <span class="value-joiner" aria-hidden="true">
            and
          </span>
          <input
            type="date"
            class="input"
            aria-label="To"
            value={stringValue(pair[1])}
            onInput={(e) => onChange([pair[0] ?? '', e.currentTarget.value])}
            {...common}
          />
        </div>
      );
    }
    case 'relative': {
      const current = isRecord(value) ? value : {};
      return (
        <div class="value-relative">
          <input
            type="number"
            class="input input-amount"
            min={1}
            step={1}
            inputMode="numeric"
            aria-label="Amount"
            value={numberText(current.amount)}
            onInput={(e) => onChange({ ...current, amount: numberOrUndefined(e.currentTarget) })}
            {...common}
          />
          <select
            class="select"
            aria-label="Unit"
            value={stringValue(current.unit)}
            onChange={(e) => onChange({ ...current, unit: e.currentTarget.value })}
            {...common}
          >
            {RELATIVE_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {UNIT_LABELS[unit]}
              </option>
            ))}
          </select>
          {operator.id === 'more_than_ago' && <span class="value-joiner">ago</span>}
        </div>
      );
    }
    case 'campaignRef':
      return (
        <CampaignSelect
          label="Value"
          value={stringValue(value)}
          campaigns={props.campaigns}
          onChange={onChange}
          {...common}
        />
      );
    case 'campaignResponse':
      return <ResponseValue {...props} />;
    case 'segmentRef':
      return <SegmentSelect value={stringValue(value)} segments={props.otherSegments} onChange={onChange} {...common} />;
  }
}

function TextValue({ field, value, onChange, onTouched, invalid, describedBy, customFields }: ValueInputProps) {
  const listId = useId();
  const [focused, setFocused] = useState(false);
  const options = customFields.find((f) => `custom.${f.key}` === field.key)?.options;
  const suggestions = useValueSuggestions(field.key, focused, options);
  return (
    <>
      <input
        type="text"
        class="input"
        aria-label="Value"
        placeholder="Value"
        list={listId}
        autoComplete="off"
        value={stringValue(value)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onInput={(e) => onChange(e.currentTarget.value)}
        onFocus={() => setFocused(true)}
        onBlur={onTouched}
      />
      <datalist id={listId}>
        {(suggestions ?? []).slice(0, 50).map((s) => (
          <option key={s.value} value={s.value} />
        ))}
      </datalist>
    </>
  );
}

function ListValue({ field, value, onChange, onTouched, invalid, describedBy, customFields }: ValueInputProps) {
  const [focused, setFocused] = useState(false);
  const options = customFields.find((f) => `custom.${f.key}` === field.key)?.options;
  const suggestions = useValueSuggestions(field.key, focused, options);
  const values = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  return (
    <ChipInput
      label="Values"
      values={values}
      onChange={onChange}
      suggestions={suggestions}
      onFocus={() => setFocused(true)}
      onBlur={onTouched}
      invalid={invalid}
      describedBy={describedBy}
    />
  );
}

interface CampaignSelectProps {
  label: string;
  value: string;
  campaigns: readonly Campaign[];
  onChange: (campaignId: string) => void;
  onBlur: () => void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

const STATUS_NOTE: Record<Campaign['status'], string> = { active: '', draft: ' (draft)', paused: ' (paused)', completed: ' (completed)' };

function CampaignSelect({ label, value, campaigns, onChange, ...rest }: CampaignSelectProps) {
  const sorted = [...campaigns].sort((a, b) => a.name.localeCompare(b.name));
  const known = value === 'any' || value === '' || campaigns.some((c) => c.id === value);
  return (
    <select class="select" aria-label={label} value={value} onChange={(e) => onChange(e.currentTarget.value)} {...rest}>
      <option value="any">Any campaign</option>
      {sorted.map((c) => (
        <option key={c.id} value={c.id}>
          {(c.name || c.id) + STATUS_NOTE[c.status]}
        </option>
      ))}
      {!known && <option value={value}>Unknown campaign ({value})</option>}
    </select>
  );
}

function ResponseValue({ value, onChange, onTouched, campaigns, invalid, describedBy }: ValueInputProps) {
  const legendId = useId();
  const current = isRecord(value) ? value : {};
  const responses = Array.isArray(current.responses) ? (current.responses as unknown[]) : [];
  const toggle = (kind: CampaignResponse, on: boolean) => {
    const next = on ? [...responses.filter((r) => r !== kind), kind] : responses.filter((r) => r !== kind);
    // Keep the documented order so the saved rule reads naturally.
    onChange({ ...current, responses: CAMPAIGN_RESPONSES.filter((r) => next.includes(r)) });
  };
  return (
    <div class="value-response">
      <CampaignSelect
        label="Campaign"
        value={stringValue(current.campaignId)}
        campaigns={campaigns}
        onChange={(campaignId) => onChange({ ...current, campaignId })}
        onBlur={onTouched}
      />
      <fieldset class="response-kinds" aria-describedby={describedBy} aria-invalid={invalid || undefined}>
        <legend id={legendId} class="response-legend">
          Responses
        </legend>
        {CAMPAIGN_RESPONSES.map((kind) => (
          <label key={kind} class="toggle-chip">
            <input
              type="checkbox"
              checked={responses.includes(kind)}
              onChange={(e) => toggle(kind, e.currentTarget.checked)}
              onBlur={onTouched}
            />
            <span>{RESPONSE_LABELS[kind]}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
