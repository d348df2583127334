/**
 * The page part of every CRM adapter (docs/semantics.md §6), for the content script: URLs,
 * identity and markup only — no API client, no Zod (issue 12 item 2). The background uses
 * `registry.ts`, whose adapters extend these; `registry.test.ts` keeps the two lists in step.
 */
import { demoCrmPage } from './demo-crm-page';
import type { CrmPageAdapter } from './types';

/** All page adapters, in matching order (the first that matches a URL wins). */
export const PAGE_ADAPTERS: readonly CrmPageAdapter[] = [demoCrmPage];

/** `url` as a URL, or undefined for a string that is not one. */
export function parseUrl(url: string | URL): URL | undefined {
  if (typeof url !== 'string') return url;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** The first of `adapters` that handles pages at `url`, or undefined (also for a string that is not a URL). */
export function firstMatching<A extends CrmPageAdapter>(adapters: readonly A[], url: string | URL): A | undefined {
  const parsed = parseUrl(url);
  return parsed && adapters.find((adapter) => adapter.matches(parsed));
}

/** The page adapter that handles pages at `url`, or undefined (also for a string that is not a URL). */
export function findPageAdapter(url: string | URL): CrmPageAdapter | undefined {
  return firstMatching(PAGE_ADAPTERS, url);
}
