import type { Segment } from '../../../lib/schema';

/** What the segment picker needs of a segment. */
export type SegmentChoice = Pick<Segment, 'id' | 'name' | 'status'>;

/** Props of {@link SegmentSelect}. */
export interface SegmentSelectProps {
  value: string;
  segments: readonly SegmentChoice[];
  onChange: (segmentId: string) => void;
  onBlur: () => void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/**
 * The value of a "Segment membership" rule: a native `<select>` "Segment" of the user's other
 * segments by name (inactive ones marked: their frozen members count), with a prompt while none
 * is chosen and a marked entry for a segment that no longer exists. Saving a choice that would
 * make segments refer to each other in a circle is refused by the background with a clear error.
 */
export function SegmentSelect({ value, segments, onChange, ...rest }: SegmentSelectProps) {
  const sorted = [...segments].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }));
  const known = value === '' || segments.some((s) => s.id === value);
  return (
    <select class="select" aria-label="Segment" value={value} onChange={(e) => onChange(e.currentTarget.value)} {...rest}>
      <option value="" disabled>
        {segments.length === 0 ? 'No other segments yet' : 'Choose a segment…'}
      </option>
      {sorted.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name + (s.status === 'inactive' ? ' (inactive: frozen members)' : '')}
        </option>
      ))}
      {!known && <option value={value}>Deleted segment</option>}
    </select>
  );
}
