/**
 * Acme CRM (demo) — API part (background only, docs/semantics.md §6): API paths, response shapes
 * (Zod) and the record format, on top of the page part (`demo-crm-page.ts`: URLs and markup,
 * the only part the content script bundles — issue 12 item 2).
 *
 * Records (`GET /api/leads`): every value a string; ISO 8601 dates; ";"-joined multi-values;
 * "" = empty; custom fields as `cf_<key>`; campaigns as `campaignId:state:response[:respondedAt]`
 * entries joined with ";". See demo/README.md.
 */
import { CustomFieldDefSchema, formatZodError, lazySchema, z, type Campaign, type CustomFieldDef } from '../schema';
import { demoRecordToLead } from './demo-record';
import { CrmApiError } from './errors';
import { demoCrmPage } from './demo-crm-page';
import { campaignChannel, sendDemoCampaignAudience } from './demo-crm-campaigns';
import type { ChangedLeadPage, CrmAdapter, FetchFn, LeadPage } from './types';

export { demoRecordToLead } from './demo-record';

/** Records per API page during "Sync all". */
export const SYNC_PAGE_SIZE = 500;

const LABEL = 'Acme CRM';
const ROLES = ['owner', 'admin', 'member'] as const;

// ---------------------------------------------------------------- API response shapes (Zod)

const LeadListResponse = lazySchema(() => z.object({
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  total: z.number().int().min(0),
  results: z.array(z.unknown()),
}));

/** `GET /api/leads?updated_since=…`: the list plus the CRM's clock (`server_time`, ISO 8601). */
const ChangedListResponse = lazySchema(() => LeadListResponse.extend({ server_time: z.iso.datetime({ offset: true }).optional() }));

const CampaignsResponse = lazySchema(() => z.object({
  results: z.array(z.object({ id: z.string().min(1), name: z.string(), status: z.string(), channel: z.string().optional() })),
}));

/** Each field definition is checked on its own: a malformed one skips that field, not the sync. */
const FieldsResponse = lazySchema(() => z.object({ results: z.array(z.unknown()) }));
const FieldDefinition = lazySchema(() => z.object({ key: z.string(), label: z.string(), type: z.string(), options: z.array(z.string()).optional() }));

const UserResponse = lazySchema(() => z.object({
  id: z.string().min(1),
  name: z.string(),
  role: z.enum(ROLES),
  org_id: z.string().min(1),
}));

const NotFoundBody = lazySchema(() => z.object({ code: z.literal('not_found') }));

/** Acme's field types → docs/semantics.md §2 custom field types. Unknown types are not offered as fields. */
const FIELD_TYPES: Readonly<Record<string, CustomFieldDef['type']>> = {
  string: 'text',
  number: 'number',
  datetime: 'date',
  bool: 'boolean',
  enumeration: 'select',
  multi_enumeration: 'multiselect',
};

const CAMPAIGN_STATUSES: Readonly<Record<string, Campaign['status']>> = {
  draft: 'draft',
  active: 'active',
  paused: 'paused',
  completed: 'completed',
};

// ---------------------------------------------------------------- HTTP

const unreachable = (origin: string, cause: unknown): CrmApiError =>
  new CrmApiError(`${LABEL} is not reachable at ${origin} — is it running?`, { cause });

/**
 * GETs `path` on `origin` and validates the JSON body with `schema`. With `allowNotFound`, a 404
 * whose body is Acme's own "not_found" error resolves to null.
 * Throws CrmApiError (unreachable, HTTP error, not JSON, wrong shape); rethrows an abort.
 */
async function getJson<T>(
  origin: string,
  path: string,
  fetchFn: FetchFn,
  schema: z.ZodType<T>,
  options: { signal?: AbortSignal; allowNotFound?: boolean } = {},
): Promise<T | null> {
  let response: Response;
  try {
    response = await fetchFn(`${origin}${path}`, {
      method: 'GET',
      headers: { accept: 'application/json' },
      credentials: 'include',
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason ?? error;
    throw unreachable(origin, error);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason ?? error;
    throw unreachable(origin, error);
  }
  let body: unknown;
  let isJson = true;
  try {
    body = JSON.parse(text);
  } catch {
    isJson = false;
  }
  if (response.status === 404 && options.allowNotFound && isJson && NotFoundBody.safeParse(body).success) return null;
  if (!response.ok) {
    const detail = isJson && typeof (body as { error?: unknown })?.error === 'string' ? `: ${(body as { error: string }).error}` : '';
    throw new CrmApiError(`${LABEL} answered ${path} with HTTP ${response.status}${detail.slice(0, 200)}`);
  }
  if (!isJson) {
    const type = response.headers.get('content-type') ?? 'no content type';
    throw new CrmApiError(`${LABEL} sent a response that is not JSON for ${path} (${type})`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new CrmApiError(`${LABEL} sent an unexpected response for ${path}: ${formatZodError(parsed.error)}`);
  }
  return parsed.data;
}

async function getRequired<T>(origin: string, path: string, fetchFn: FetchFn, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
  return (await getJson(origin, path, fetchFn, schema, { signal })) as T;
}

// ---------------------------------------------------------------- the adapter

/** The Acme CRM (demo) adapter: page part plus API part (background only). */
export const demoCrmAdapter: CrmAdapter = {
  ...demoCrmPage,

  async *fetchAllLeads(origin, fetchFn, signal): AsyncIterable<LeadPage> {
    let done = 0;
    for (let page = 1; ; page++) {
      signal?.throwIfAborted();
      const path = `/api/leads?page=${page}&pageSize=${SYNC_PAGE_SIZE}&sort=id&dir=asc`;
      const body = await getRequired(origin, path, fetchFn, LeadListResponse, signal);
      if (body.page !== page || body.results.length > SYNC_PAGE_SIZE) {
        throw new CrmApiError(`${LABEL} sent an unexpected response for ${path}: it returned page ${body.page} with ${body.results.length} ${body.results.length === 1 ? 'record' : 'records'}`);
      }
      done += body.results.length;
      yield { records: body.results, done, total: body.total };
      if (body.results.length < SYNC_PAGE_SIZE || done >= body.total) return;
    }
  },

  async *fetchChangedLeads(origin, since, fetchFn, signal): AsyncIterable<ChangedLeadPage> {
    const filter = since === undefined ? '' : `&updated_since=${encodeURIComponent(new Date(since).toISOString())}`;
    let done = 0;
    for (let page = 1; ; page++) {
      signal?.throwIfAborted();
      const path = `/api/leads?page=${page}&pageSize=${SYNC_PAGE_SIZE}&sort=updated_at&dir=asc${filter}`;
      const body = await getRequired(origin, path, fetchFn, ChangedListResponse, signal);
      if (body.page !== page || body.results.length > SYNC_PAGE_SIZE) {
        throw new CrmApiError(`${LABEL} sent an unexpected response for ${path}: it returned page ${body.page} with ${body.results.length} ${body.results.length === 1 ? 'record' : 'records'}`);
      }
      done += body.results.length;
      const asOf = page === 1 && body.server_time ? Date.parse(body.server_time) : undefined;
      yield { records: body.results, done, total: body.total, ...(asOf !== undefined ? { asOf } : {}) };
      if (body.results.length < SYNC_PAGE_SIZE || done >= body.total) return;
    }
  },

  async fetchLead(origin, crmId, fetchFn) {
    return getJson(origin, `/api/leads/${encodeURIComponent(crmId)}`, fetchFn, z.unknown(), { allowNotFound: true });
  },

  async fetchCampaigns(origin, fetchFn) {
    const body = await getRequired(origin, '/api/campaigns', fetchFn, CampaignsResponse);
    const crmKey = demoCrmAdapter.crmKey(new URL(origin));
    return body.results.flatMap((c): Campaign[] => {
      const key = c.status.trim().toLowerCase();
      const status = Object.hasOwn(CAMPAIGN_STATUSES, key) ? CAMPAIGN_STATUSES[key] : undefined;
      if (!status) return [];
      return [{ id: c.id, crmKey, name: c.name, status, ...(c.channel === undefined ? {} : { channel: campaignChannel(c.channel) }), segmentIds: [] }];
    });
  },

  sendCampaignAudience: sendDemoCampaignAudience,

  async fetchCustomFields(origin, fetchFn) {
    const body = await getRequired(origin, '/api/fields', fetchFn, FieldsResponse);
    return body.results.flatMap((item): CustomFieldDef[] => {
      const field = FieldDefinition.safeParse(item);
      if (!field.success) return [];
      const f = field.data;
      const type = Object.hasOwn(FIELD_TYPES, f.type) ? FIELD_TYPES[f.type] : undefined;
      if (!type) return [];
      const def = CustomFieldDefSchema.safeParse({
        key: f.key,
        label: f.label,
        type,
        ...(type === 'select' || type === 'multiselect' ? { options: f.options ?? [] } : {}),
      });
      return def.success ? [def.data] : [];
    });
  },

  async fetchCurrentUser(origin, fetchFn) {
    const me = await getRequired(origin, '/api/me', fetchFn, UserResponse);
    return { userId: me.id, name: me.name, role: me.role, orgId: me.org_id };
  },

  toLead: demoRecordToLead,
};
