import type { Lead } from '../schema';

/**
 * The one lead factory of the tests (issue 12 item 6): a valid demo-CRM lead `demo/<crmId>` named
 * "Lead <crmId>" with no tags, campaigns or custom values, synced at `syncedAt` (epoch ms), and
 * `overrides` applied last. Test-only; production code never builds leads from nothing.
 */
export function makeTestLead(crmId: string | number, overrides: Partial<Lead> = {}, syncedAt = 0): Lead {
  const id = String(crmId);
  return {
    id: `demo/${id}`,
    crmKey: 'demo',
    crmId: id,
    name: `Lead ${id}`,
    tags: [],
    campaigns: [],
    custom: {},
    syncedAt,
    ...overrides,
  };
}
