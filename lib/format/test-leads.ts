import type { Lead } from '../schema';

/**
 * Builds a valid Lead for tests: `crmKey` "demo@test", the given `crmId`, empty tags/campaigns/
 * custom values unless overridden. Test support only (not used by the extension).
 */
export function testLead(crmId: string, fields: Partial<Omit<Lead, 'id' | 'crmKey' | 'crmId'>> = {}): Lead {
  return {
    id: `demo@test/${crmId}`,
    crmKey: 'demo@test',
    crmId,
    name: '',
    tags: [],
    campaigns: [],
    custom: {},
    syncedAt: Date.UTC(2024, 0, 1),
    ...fields,
  };
}
