import { SEGMENT_SORTS } from './sort-segments';

/** The options of the list's "Sort" select, in menu order (the list and the popup's first frame). */
export function SortOptions() {
  return (
    <>
      {SEGMENT_SORTS.map((s) => (
        <option key={s.id} value={s.id}>
          {s.label}
        </option>
      ))}
    </>
  );
}
