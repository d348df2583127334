import type { Lead } from '../schema';

/** Text fields with few distinct values: one string instance per value (interned). */
export const INTERNED = ['crmKey', 'source', 'groupName', 'status', 'priority', 'country', 'language'] as const;
/** Text fields with mostly distinct values: kept as they are. */
export const PLAIN = ['name', 'email', 'company', 'phone'] as const;
/** Epoch-ms fields: unboxed doubles, NaN where absent. */
export const TIMES = ['createdAt', 'lastContactAt', 'crmUpdatedAt'] as const;

export type Interned = (typeof INTERNED)[number];
export type Plain = (typeof PLAIN)[number];
export type Time = (typeof TIMES)[number];

/** One column of the lead copy: decoded on its own (see `LeadColumns.appendLazy`). */
export type ColumnName = 'ids' | Interned | Plain | Time | 'tags' | 'campaigns' | 'custom';
/** Every column of the lead copy. */
export const COLUMNS: readonly ColumnName[] = ['ids', ...INTERNED, ...PLAIN, ...TIMES, 'tags', 'campaigns', 'custom'];

/** The shared empty tags, campaigns and custom values of leads without any (one instance for all). */
export const EMPTY_TAGS: string[] = Object.freeze([]) as unknown as string[];
export const EMPTY_CAMPAIGNS: Lead['campaigns'] = Object.freeze([]) as unknown as Lead['campaigns'];
export const EMPTY_CUSTOM: Lead['custom'] = Object.freeze({}) as Lead['custom'];
