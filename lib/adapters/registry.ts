/**
 * Every CRM adapter the extension knows (docs/semantics.md §6). A second CRM is a second adapter file and
 * one entry in ADAPTERS.
 */
import { demoCrmAdapter } from './demo-crm';
import type { CrmAdapter } from './types';

/** All adapters, in matching order (the first that matches a URL wins). */
export const ADAPTERS: readonly CrmAdapter[] = [demoCrmAdapter];

/** The adapter that handles pages at `url`, or undefined (also for a string that is not a URL). */
export function findAdapter(url: string | URL): CrmAdapter | undefined {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return undefined;
  }
  return ADAPTERS.find((adapter) => adapter.matches(parsed));
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
