import type { Campaign, CurrentUser, CustomFieldDef, Lead } from '../schema';

/** The signed-in CRM user (docs/semantics.md §7): the one shape of lib/schema/user.ts. */
export type { CurrentUser };

/** A lead row (list page) or header (detail page) found in the CRM's DOM. */
export interface LeadAnchor {
  /** The CRM's own record id. */
  crmId: string;
  /** Element the badge host is appended to (e.g. the name cell, or the detail heading's container). */
  anchor: Element;
  /** The whole row/header: its text changing means the lead changed on the page (live updates). */
  row: Element;
}

/**
 * Result of converting one CRM record (docs/semantics.md §2: unconvertible values become null and are counted).
 * `nulledFields` names the Lead fields affected (`createdAt`, `custom.total_visits`, `campaigns`);
 * `ref` of a failure is the record's id, or "" when it has none (the caller names it by position).
 */
export type LeadConversion =
  | {
      ok: true;
      lead: Lead;
      nulledValues: number;
      nulledFields: string[];
      /**
       * Fields the record did not carry or carried unreadably (absent, null, wrong JSON type), named
       * as `nulledFields`: the sync keeps the stored lead's values for them (issue 9: a partial
       * record never blanks stored fields). Absent or empty = the record carried every field.
       */
      missingFields?: string[];
    }
  | { ok: false; ref: string; reason: string };

/** One page of raw CRM records from a paginated API. */
export interface LeadPage {
  records: unknown[];
  /** Records fetched so far, including this page. */
  done: number;
  /** Total records the CRM reports, when it does. */
  total?: number;
}

/** Most lead ids one "Send audience to CRM" carries. */
export const MAX_AUDIENCE_IDS = 100_000;

/** One page of the leads changed since a time (scheduled sync, issue 10 item 7). */
export interface ChangedLeadPage extends LeadPage {
  /**
   * The CRM's own clock (epoch ms) when it answered the FIRST page: the next run asks for changes
   * since this, so an edit made while the pages were being fetched is fetched next time.
   */
  asOf?: number;
}

/** `fetch` as the adapter receives it (the background passes the real one; tests pass a fake). */
export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * The page part of one CRM (docs/semantics.md §6): its URLs, identity and page markup — what the
 * content script needs. It carries no API client and no Zod (issue 12 item 2: the content script
 * stays small); `lib/adapters/page-registry.ts` lists these. Page data it returns is checked with
 * the hand-written guards of `./page-guards`.
 */
export interface CrmPageAdapter {
  /** Stable id, e.g. "demo-crm". */
  id: string;
  /** Human name, e.g. "Acme CRM (demo)". */
  label: string;
  /** True when this adapter handles pages at `url` (URL only: see `isCrmPage` for the page check). */
  matches(url: URL): boolean;
  /**
   * True when the loaded document really is this CRM (e.g. a marker element it carries). A URL
   * rule cannot tell a CRM on localhost from another app there; the content script calls this
   * on a matched page before syncing or mounting anything.
   */
  isCrmPage(root: ParentNode): boolean;
  /** The CRM account key for leads from `url`'s CRM, e.g. "demo@127.0.0.1:5174" (docs/semantics.md §2 `crmKey`). */
  crmKey(url: URL): string;
  /**
   * The CRM origin (e.g. "http://127.0.0.1:5174") for a `crmKey` this adapter produced, or
   * undefined when the key is not this adapter's. Lets "open in CRM" links and API calls work
   * from a stored lead when no CRM page is open.
   */
  originOf(crmKey: string): string | undefined;
  /** The CRM page of one lead (for "open in CRM" links). */
  leadUrl(origin: string, crmId: string): string;

  // ---- page side (content script, runs against the CRM's DOM) ----
  /**
   * The element lead rows and the lead detail header render into, kept across the CRM's
   * client-side navigation (the badge controller watches only it), or null when the page has none
   * yet (the controller then watches the document until it appears).
   */
  leadListContainer(root: ParentNode): Element | null;
  /** Lead rows on a list page, in page order (empty when the page has none). */
  findLeadRows(root: ParentNode): LeadAnchor[];
  /** The lead header on a detail page, or null. */
  findDetailHeader(root: ParentNode): LeadAnchor | null;
  /**
   * An opaque text that changes when the signed-in user MAY have changed (e.g. the user menu's
   * attributes), or null when the page shows none. Only a hint, never an identity: the page can
   * rewrite it, so the content script merely tells the background, which re-reads the user from
   * the CRM's API (`fetchCurrentUser`, docs/semantics.md §7).
   */
  userSignal(root: ParentNode): string | null;
}

/**
 * One CRM as the background sees it (docs/semantics.md §6): its page part plus the API part (fetch,
 * convert, validate). A second CRM is a page file, an API file and one line in each registry
 * (`page-registry.ts`, `registry.ts`); nothing outside an adapter's files knows a CRM's URLs,
 * markup or record format. Only the background imports this side.
 *
 * Errors: API methods throw `CrmApiError` (`./errors`) with a plain-language message when the CRM
 * is unreachable or answers with something that is not its format.
 */
export interface CrmAdapter extends CrmPageAdapter {
  // ---- API side (background, with the user's session) ----
  /** Pages through every lead; yields each page as it arrives. */
  fetchAllLeads(origin: string, fetchFn: FetchFn, signal?: AbortSignal): AsyncIterable<LeadPage>;
  /**
   * Optional (scheduled sync, issue 10 item 7): pages through the leads created or changed at or
   * after `since` (the CRM's clock, epoch ms; undefined = every lead). Never tells about deletions.
   */
  fetchChangedLeads?(origin: string, since: number | undefined, fetchFn: FetchFn, signal?: AbortSignal): AsyncIterable<ChangedLeadPage>;
  /** One lead's raw record, or null when the CRM says it does not exist (404). */
  fetchLead(origin: string, crmId: string, fetchFn: FetchFn): Promise<unknown | null>;
  /** The CRM's campaigns (segmentIds empty: they are set in the extension). */
  fetchCampaigns(origin: string, fetchFn: FetchFn): Promise<Campaign[]>;
  /**
   * Optional capability (issue 8): replaces the campaign's audience stored in the CRM with
   * `crmIds` (the CRM's own lead ids, at most {@link MAX_AUDIENCE_IDS}). Resolves with how many
   * the CRM stored; throws `CrmApiError` (nothing stored) when it refuses or cannot be reached.
   */
  sendCampaignAudience?(origin: string, campaignId: string, crmIds: readonly string[], fetchFn: FetchFn): Promise<{ stored: number }>;
  /** Custom field definitions the CRM declares. */
  fetchCustomFields(origin: string, fetchFn: FetchFn): Promise<CustomFieldDef[]>;
  /** The signed-in user according to the API. */
  fetchCurrentUser(origin: string, fetchFn: FetchFn): Promise<CurrentUser>;
  /** Converts one raw record to a Lead; the ingest validates it with the Lead schema (once, issue 12 item 3). */
  toLead(record: unknown, context: { crmKey: string; syncedAt: number; customFields: readonly CustomFieldDef[] }): LeadConversion;
}
