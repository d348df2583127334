/**
 * The store (docs/semantics.md §2, §5): the Dexie database and the repository functions, the only code that
 * touches its tables. Every helper takes the database instance first; every write is validated
 * with the Zod schemas of lib/schema first.
 */
export * from './database';
export * from './validation';
export * from './transaction';
export * from './leads';
export * from './lead-count';
export { currentLeadSnapshot, leadSnapshotPart, writeLeadSnapshot, type LeadSnapshotInfo } from './lead-snapshot';
export { leadWriteSeq, watchLeadWrites, type LeadWrite, type LeadWriteListener } from './lead-writes';
export * from './segments';
export { keepConfigRows, readConfigRows, type ConfigRows } from './config-rows';
export * from './memberships';
export { BlockReads, FEW_IDS } from './member-block-reads';
export * from './history';
export * from './jobs';
export * from './campaigns';
export * from './campaign-sends';
export * from './custom-fields';
export * from './meta';
export * from './settings';
export * from './analysis-settings';
export * from './lead-statuses';
export * from './import-mappings';
export * from './custom-field-sources';
export * from './backup';
export * from './identity';
export * from './connections';
export * from './field-values';
export * from './member-rows';
export * from './segment-overview';
