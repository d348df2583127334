/**
 * Every CRM adapter the extension knows, with its API part (docs/semantics.md §6): background and
 * extension pages only. The content script uses `page-registry.ts` (page parts, no API client).
 * A second CRM is a page file, an API file and one entry in each list.
 */
import { demoCrmAdapter } from './demo-crm';
import { firstMatching } from './page-registry';
import type { CrmAdapter } from './types';

/** All adapters, in matching order (the first that matches a URL wins); same order as PAGE_ADAPTERS. */
export const ADAPTERS: readonly CrmAdapter[] = [demoCrmAdapter];

/** The adapter that handles pages at `url`, or undefined (also for a string that is not a URL). */
export function findAdapter(url: string | URL): CrmAdapter | undefined {
  return firstMatching(ADAPTERS, url);
}

/** The adapter with id `id` (e.g. "demo-crm"), or undefined. */
export function adapterById(id: string): CrmAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.id === id);
}

/** The adapter that produced `crmKey` and the CRM origin it stands for, or undefined. */
export function findAdapterForCrmKey(crmKey: string): { adapter: CrmAdapter; origin: string } | undefined {
  for (const adapter of ADAPTERS) {
    const origin = adapter.originOf(crmKey);
    if (origin !== undefined) return { adapter, origin };
  }
  return undefined;
}
