/**
 * Segment membership operators (docs/semantics.md, "Segment membership"): the lead value is the
 * lead's id, looked up in the other segment's members, which `ctx.segmentMembers` gives once per
 * compile. `is_not_member_of` is negative: true for every lead when the other segment is empty.
 */
import type { OperatorTable, SegmentMemberSet, ValueTest } from '../types';

const NO_MEMBERS: SegmentMemberSet = { has: () => false };

function membersOf(value: unknown, lookup: ((id: string) => SegmentMemberSet | undefined) | undefined): SegmentMemberSet {
  return (typeof value === 'string' ? lookup?.(value) : undefined) ?? NO_MEMBERS;
}

/** Segment membership operators by id. */
export const segmentMembershipOperators: OperatorTable = {
  is_member_of: (value, ctx): ValueTest => {
    const members = membersOf(value, ctx.segmentMembers);
    return (leadId) => typeof leadId === 'string' && members.has(leadId);
  },
  is_not_member_of: (value, ctx): ValueTest => {
    const members = membersOf(value, ctx.segmentMembers);
    return (leadId) => !(typeof leadId === 'string' && members.has(leadId));
  },
};
