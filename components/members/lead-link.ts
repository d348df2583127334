import { findAdapter, findAdapterForCrmKey } from '../../lib/adapters/registry';
import type { Lead } from '../../lib/schema';

/**
 * The lead's page in its CRM ("Open in CRM"), or undefined when no adapter owns the lead's
 * `crmKey`. The adapter that produced the key gives the CRM origin and `leadUrl(origin, crmId)`;
 * the link is kept only if `findAdapter` maps it back to the same adapter, so a link never points
 * anywhere but that CRM.
 */
export function leadCrmUrl(lead: Pick<Lead, 'crmKey' | 'crmId'>): string | undefined {
  const owner = findAdapterForCrmKey(lead.crmKey);
  if (!owner) return undefined;
  const link = owner.adapter.leadUrl(owner.origin, lead.crmId);
  return findAdapter(link) === owner.adapter ? link : undefined;
}
