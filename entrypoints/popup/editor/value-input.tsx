import { RELATIVE_UNITS, type Campaign, type CustomFieldDef, type FieldDef, type OperatorDef } from '../../../lib/schema';
import { CampaignSelect, ResponseValue } from './campaign-values';
import { SegmentSelect, type SegmentChoice } from './segment-select';
import { ListValue, TextValue } from './text-values';
import { NumberBox } from './number-box';

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

const UNIT_LABELS: Record<string, string> = { days: 'days', weeks: 'weeks', months: 'months' };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
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
        <NumberBox
          class="input"
          step="any"
          inputMode="decimal"
          aria-label="Value"
          placeholder="Number"
          value={value}
          onNumber={onChange}
          {...common}
        />
      );
    case 'numberRange': {
      const pair = Array.isArray(value) ? value : [undefined, undefined];
      return (
        <div class="value-range">
          <NumberBox
            class="input"
            step="any"
            aria-label="From"
            placeholder="From"
            value={pair[0]}
            onNumber={(n) => onChange([n, pair[1]])}
            {...common}
          />
          <span class="value-joiner" aria-hidden="true">
            and
          </span>
          <NumberBox
            class="input"
            step="any"
            aria-label="To"
            placeholder="To"
            value={pair[1]}
            onNumber={(n) => onChange([pair[0], n])}
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
          <NumberBox
            class="input input-amount"
            min={1}
            step={1}
            inputMode="numeric"
            aria-label="Amount"
            value={current.amount}
            onNumber={(amount) => onChange({ ...current, amount })}
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
