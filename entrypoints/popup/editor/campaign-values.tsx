import { useId } from 'preact/hooks';
import { CAMPAIGN_RESPONSES, type Campaign, type CampaignResponse } from '../../../lib/schema';
import { campaignResponseLabel } from '../../../lib/format/campaign-labels';
import type { ValueInputProps } from './value-input';

/** Props of {@link CampaignSelect}. */
export interface CampaignSelectProps {
  label: string;
  value: string;
  campaigns: readonly Campaign[];
  onChange: (campaignId: string) => void;
  onBlur: () => void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

const STATUS_NOTE: Record<Campaign['status'], string> = { active: '', draft: ' (draft)', paused: ' (paused)', completed: ' (completed)' };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const stringValue = (v: unknown) => (typeof v === 'string' ? v : '');

/** A campaign picker: "Any campaign", the campaigns by name (with their status), or the unknown id kept. */
export function CampaignSelect({ label, value, campaigns, onChange, ...rest }: CampaignSelectProps) {
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

/** A campaign response rule's value: the "Campaign" and the "Responses" checkboxes, in the documented order. */
export function ResponseValue({ value, onChange, onTouched, campaigns, invalid, describedBy }: ValueInputProps) {
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
            <span>{campaignResponseLabel(kind)}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
