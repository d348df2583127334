/**
 * Test fixtures for the engine's tests (not used by production code): a minimal valid lead and a
 * set of custom field definitions covering every custom type.
 */
import type { CustomFieldDef } from '../schema/custom-field';
import type { Lead } from '../schema/lead';
import type { EvalContext } from './types';
import { makeTestLead } from '../testing/lead-factory';

/** One custom field of every type (docs/semantics.md §2); `select` behaves as text. */
export const TEST_CUSTOM_FIELDS: CustomFieldDef[] = [
  { key: 'city', label: 'City', type: 'text' },
  { key: 'lead_quality', label: 'Lead quality', type: 'select', options: ['High', 'Low'] },
  { key: 'total_visits', label: 'Total visits', type: 'number' },
  { key: 'next_call', label: 'Next call', type: 'date' },
  { key: 'do_not_email', label: 'Do not email', type: 'boolean' },
  { key: 'interests', label: 'Interests', type: 'multiselect' },
];

/** 2026-03-31T10:00:00Z, a Tuesday (15:30 in Asia/Kolkata, 06:00 in New York). */
export const TEST_NOW = Date.UTC(2026, 2, 31, 10, 0, 0);

/** An evaluation context in `timeZone` at `now` with {@link TEST_CUSTOM_FIELDS}. */
export function testContext(timeZone = 'UTC', now = TEST_NOW): EvalContext {
  return { now, timeZone, customFields: TEST_CUSTOM_FIELDS };
}

/** A valid lead with no optional values, overridden by `patch`. */
export function makeLead(patch: Partial<Lead> = {}): Lead {
  return makeTestLead(1, { name: 'Asha Rao', ...patch }, TEST_NOW);
}
