import { ADAPTERS, findAdapter } from '../../lib/adapters/registry';
import type { Lead } from '../../lib/schema';

/**
 * Origins a CRM account key may belong to. Keys name the CRM's host as `…@host[:port]`
 * (e.g. "demo@127.0.0.1:5174", SPEC §2); the scheme is not part of the key, so both are tried.
 */
function candidateOrigins(crmKey: string): string[] {
  const at = crmKey.lastIndexOf('@');
  const host = at >= 0 ? crmKey.slice(at + 1) : crmKey;
  if (!/^[a-z0-9.\-[\]:]+$/i.test(host)) return [];
  return [`http://${host}`, `https://${host}`];
}

/**
 * The lead's page in its CRM ("Open in CRM"), or undefined when no adapter owns the lead's
 * `crmKey`. An adapter owns it when its `crmKey(origin)` gives back exactly that key; the link is
 * its `leadUrl(origin, crmId)`, kept only if `findAdapter` maps it back to the same adapter, so
 * a link never points anywhere but that CRM.
 */
export function leadCrmUrl(lead: Pick<Lead, 'crmKey' | 'crmId'>): string | undefined {
  for (const origin of candidateOrigins(lead.crmKey)) {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      continue;
    }
    for (const adapter of ADAPTERS) {
      if (adapter.crmKey(url) !== lead.crmKey) continue;
      const link = adapter.leadUrl(url.origin, lead.crmId);
      if (findAdapter(link) === adapter) return link;
    }
  }
  return undefined;
}
