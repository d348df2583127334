import { useId, useMemo } from 'preact/hooks';
import { safeColor } from '../../lib/format/color';
import type { Segment } from '../../lib/schema';

/** Props of {@link SegmentPicker}. */
export interface SegmentPickerProps {
  segments: readonly Segment[];
  /** The chosen segment id; undefined or unknown shows "Choose a segment…". */
  value: string | undefined;
  onChange: (segmentId: string) => void;
  disabled?: boolean;
}

/**
 * The segment picker (issue 5 §1): a native `<select>` labelled "Segment" whose options are named
 * by segment name (sorted A→Z), with the chosen segment's colour beside it.
 */
export function SegmentPicker({ segments, value, onChange, disabled }: SegmentPickerProps) {
  const id = useId();
  const sorted = useMemo(
    () => [...segments].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true })),
    [segments],
  );
  const selected = sorted.find((s) => s.id === value);
  return (
    <div class="picker">
      <label for={id} class="picker-label">
        Segment
      </label>
      <div class="picker-control">
        <span class="color-dot" style={{ backgroundColor: safeColor(selected?.color) }} aria-hidden="true" />
        <select
          id={id}
          class="picker-select"
          value={selected ? selected.id : ''}
          disabled={disabled}
          onChange={(event) => {
            const next = (event.currentTarget as HTMLSelectElement).value;
            if (next) onChange(next);
          }}
        >
          {!selected && (
            <option value="" disabled>
              {segments.length ? 'Choose a segment…' : 'No segments yet'}
            </option>
          )}
          {sorted.map((segment) => (
            <option key={segment.id} value={segment.id}>
              {segment.name}
            </option>
          ))}
        </select>
        <svg class="picker-chevron" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
      </div>
    </div>
  );
}
