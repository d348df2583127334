/** Zod schemas and inferred types: the single source of truth for the data model (docs/semantics.md §2–3). */
export { z, lazySchema } from './zod';
export * from './common';
export * from './lead';
export * from './lead-check';
export * from './custom-field';
export * from './fields';
export * from './rules';
export * from './segment';
export * from './user';
export * from './sync-status';
export * from './messages';
