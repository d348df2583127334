/**
 * Segment evaluation jobs (docs/semantics.md §5): incremental ingest, chunked resumable full refresh, segment
 * operations, schedule, preview and badge memberships. Pure logic over the repositories of
 * lib/db (no browser APIs); every function takes the database instance first.
 */
export * from './errors';
export * from './day';
export * from './predicates';
export * from './ingest';
export * from './refresh-job';
export * from './segment-editing';
export * from './segment-lifecycle';
export * from './schedule';
export * from './preview';
export * from './badges';
export * from './lead-removal';
export { LeadColumns, LeadRow } from './lead-columns';
export { PACKED_FORMAT, packedParts, packRows, unpackRows, type PackedRows } from './lead-columns-pack';
export { sameLeadContent, countNulledValues } from './lead-content';
export { commitMembershipDiff, type MembershipDiff, type ChangeTime } from './membership-changes';
export * from './custom-field-changes';
export * from './retype-preview';
