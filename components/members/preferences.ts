import { DEFAULT_COLUMN_IDS } from '../../lib/format/member-columns';
import { DEFAULT_SORT, type MemberSort } from '../../lib/format/member-query';

const COLUMNS_KEY = 'crm-segments.sidepanel.columns';
const SORT_KEY = 'crm-segments.sidepanel.sort';
const LAST_SEGMENT_KEY = 'crm-segments.sidepanel.lastSegment';

function read(key: string): unknown {
  try {
    const text = globalThis.localStorage?.getItem(key);
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

function write(key: string, value: unknown): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the preference just is not remembered.
  }
}

/** The member table columns the user chose last (column ids), or the defaults. */
export function loadColumnIds(): string[] {
  const value = read(COLUMNS_KEY);
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string') ? value : [...DEFAULT_COLUMN_IDS];
}

/** Remembers the chosen columns for the next time the panel opens. */
export function saveColumnIds(ids: readonly string[]): void {
  write(COLUMNS_KEY, ids);
}

/** The sort the user chose last, or name A→Z. */
export function loadSort(): MemberSort {
  const value = read(SORT_KEY) as Partial<MemberSort> | undefined;
  return value && typeof value.columnId === 'string' && (value.direction === 'asc' || value.direction === 'desc')
    ? { columnId: value.columnId, direction: value.direction }
    : DEFAULT_SORT;
}

/** Remembers the sort. */
export function saveSort(sort: MemberSort): void {
  write(SORT_KEY, sort);
}

/** The segment shown last (to reopen it when the panel opens without a target). */
export function loadLastSegmentId(): string | undefined {
  const value = read(LAST_SEGMENT_KEY);
  return typeof value === 'string' ? value : undefined;
}

/** Remembers the segment being shown. */
export function saveLastSegmentId(id: string): void {
  write(LAST_SEGMENT_KEY, id);
}
