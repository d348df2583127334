import { currentLeadSnapshot, leadSnapshotPart, writeLeadSnapshot, type CrmSegmentsDB } from '../db';
import { LeadColumns, PACKED_FORMAT, packedParts, unpackRows } from '../segments';

/**
 * Fills the empty `columns` from the stored snapshot of the lead copy (lib/db/lead-snapshot.ts),
 * part by part, calling `onStep(loaded, total)` after each. Returns the lead write sequence the
 * copy now reflects, or undefined — with `columns` left empty — when there is no current
 * snapshot, it was replaced while being read or a part is damaged (the caller then reads the
 * leads themselves), or `cancelled()` turned true (`columns` then left alone).
 */
export async function loadFromSnapshot(
  db: CrmSegmentsDB,
  columns: LeadColumns,
  cancelled: () => boolean,
  onStep: (loaded: number, total: number) => void,
): Promise<number | undefined> {
  const info = await currentLeadSnapshot(db, PACKED_FORMAT);
  if (!info || cancelled()) return undefined;
  onStep(0, info.count);
  // Part k+1 is being read while part k is checked and appended.
  const read = (index: number) => {
    const part = leadSnapshotPart(db, info, index);
    part.catch(() => undefined); // awaited below, unless the load stops first
    return part;
  };
  try {
    let next = read(1);
    for (let index = 1; index <= info.parts; index++) {
      const part = await next;
      if (index < info.parts) next = read(index + 1);
      if (part === undefined || cancelled()) throw new Error('snapshot replaced');
      unpackRows(columns, part);
      onStep(columns.size, info.count);
    }
    if (columns.size !== info.count) throw new Error('snapshot incomplete');
    return info.seq;
  } catch {
    // Cancelled: the copy (cleared by the reset) may already be another load's.
    if (!cancelled()) columns.clear();
    return undefined;
  }
}

/**
 * Saves `columns`, the copy as of lead write sequence `seq`, as the stored snapshot, packed one
 * part at a time; false (nothing written) when `stillCurrent()` turns false meanwhile, or a value
 * cannot be packed.
 */
export async function saveSnapshot(db: CrmSegmentsDB, columns: LeadColumns, seq: number, stillCurrent: () => boolean): Promise<boolean> {
  try {
    return await writeLeadSnapshot(db, { format: PACKED_FORMAT, seq, count: columns.size }, packedParts(columns), stillCurrent);
  } catch {
    // A snapshot only saves time: without one, the next start reads the leads as before.
    return false;
  }
}
