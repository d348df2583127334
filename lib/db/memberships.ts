import Dexie from 'dexie';
import { MembershipSchema, z, type Membership } from '../schema';
import type { CrmSegmentsDB } from './database';
import { rejected, settled, validated, writeValidated } from './validation';

/** Primary key of a membership row: `[segmentId, leadId]`. */
export type MembershipKey = [segmentId: string, leadId: string];

/** Every membership row of the given leads (`leadId` index), any segment. */
export function membershipsOfLeads(db: CrmSegmentsDB, leadIds: readonly string[]): Promise<Membership[]> {
  if (leadIds.length === 0) return settled([]);
  return db.memberships.where('leadId').anyOf([...leadIds]).toArray();
}

/**
 * Lead ids of a segment's members in the lead-id range (`afterLeadId`, `throughLeadId`]:
 * exclusive lower bound (open when undefined), inclusive upper bound (open when undefined).
 * Uses the `[segmentId+leadId]` primary key; returned in lead-id order.
 */
export async function memberIdsInRange(
  db: CrmSegmentsDB,
  segmentId: string,
  afterLeadId: string | undefined,
  throughLeadId: string | undefined,
): Promise<string[]> {
  const keys = (await db.memberships
    .where('[segmentId+leadId]')
    .between(
      [segmentId, afterLeadId ?? Dexie.minKey],
      [segmentId, throughLeadId ?? Dexie.maxKey],
      afterLeadId === undefined,
      true,
    )
    .primaryKeys()) as unknown as MembershipKey[];
  return keys.map((key) => key[1]);
}

/** Lead ids of every member of a segment, in lead-id order. */
export function memberIds(db: CrmSegmentsDB, segmentId: string): Promise<string[]> {
  return memberIdsInRange(db, segmentId, undefined, undefined);
}

/** Number of membership rows of a segment. */
export function countMemberships(db: CrmSegmentsDB, segmentId: string): Promise<number> {
  return db.memberships
    .where('[segmentId+leadId]')
    .between([segmentId, Dexie.minKey], [segmentId, Dexie.maxKey], true, true)
    .count();
}

/** Adds (or replaces) membership rows after validating each; throws `StoreValidationError`. */
export function addMemberships(db: CrmSegmentsDB, rows: readonly Membership[]): Promise<void> {
  return writeValidated(MembershipSchema, rows, 'membership', (valid) => db.memberships.bulkPut(valid).then(() => undefined), undefined);
}

/** Many memberships of one segment, validated as one batch (same rules as `MembershipSchema`). */
const MembershipBatchSchema = z.object({
  segmentId: MembershipSchema.shape.segmentId,
  addedAt: MembershipSchema.shape.addedAt,
  leadIds: z.array(MembershipSchema.shape.leadId),
});

/**
 * Adds one segment's memberships for `leadIds`, all with `addedAt` (epoch ms). Validated as a
 * batch — the same field rules as `MembershipSchema`, several times cheaper than one parse per row
 * (full refreshes write up to a row per stored lead). Rejects with `StoreValidationError`.
 */
export function addMembershipsOf(db: CrmSegmentsDB, segmentId: string, leadIds: readonly string[], addedAt: number): Promise<void> {
  if (leadIds.length === 0) return settled(undefined);
  let batch: z.output<typeof MembershipBatchSchema>;
  try {
    batch = validated(MembershipBatchSchema, { segmentId, addedAt, leadIds }, 'membership');
  } catch (error) {
    return rejected(error);
  }
  return db.memberships
    .bulkPut(batch.leadIds.map((leadId) => ({ segmentId: batch.segmentId, leadId, addedAt: batch.addedAt })))
    .then(() => undefined);
}

/** Deletes membership rows by key. */
export function removeMemberships(db: CrmSegmentsDB, keys: readonly MembershipKey[]): Promise<void> {
  if (keys.length === 0) return settled(undefined);
  return db.memberships.bulkDelete(keys.map((key) => [key[0], key[1]] as [string, string]));
}

/** Deletes every membership row of a segment; returns how many. */
export function deleteMembershipsOfSegment(db: CrmSegmentsDB, segmentId: string): Promise<number> {
  return db.memberships
    .where('[segmentId+leadId]')
    .between([segmentId, Dexie.minKey], [segmentId, Dexie.maxKey], true, true)
    .delete();
}
