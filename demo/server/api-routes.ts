/**
 * Acme CRM's JSON API (issue 3, docs/semantics.md §6). Records are in the CRM's own format (lead-record.ts):
 *
 * - `GET /api/leads?page=1&pageSize=50&q=&status=&sort=created_at&dir=desc&updated_since=`
 *   → `{ page, pageSize, total, server_time, results: LeadRecord[] }` (pageSize 1–1000, default 50;
 *   `updated_since`: ISO 8601, only leads whose `updated_at` is at or after it; `server_time`: the
 *   CRM's clock when it answered, ISO 8601 — the next incremental sync's `updated_since`)
 * - `GET /api/leads/:id` → LeadRecord, or 404 `{ error, code: "not_found" }`
 * - `PATCH /api/leads/:id` with `{ "status": "Qualified" }` → the updated LeadRecord
 * - `GET /api/campaigns` → `{ results: CampaignRecord[] }`
 * - `PUT /api/campaigns/:id/audience` with `{ "leadIds": [...] }` → `{ campaignId, stored }` (campaign-audiences.ts)
 * - `GET /api/fields` → `{ results: FieldDefinitionRecord[] }`
 * - `GET /api/me` → the signed-in user; `POST /api/me` with `{ "userId": "u-priya" }` switches user
 * - `GET /api/users` → `{ results: UserRecord[] }` (who can be switched to)
 */
import { LEAD_STATUSES, ORG, USERS, type DemoUser } from '../common/catalog';
import { addCampaignAudienceRoutes } from './campaign-audiences';
import { HttpError, readJsonObject, sendJson } from './http-io';
import { toLeadRecord } from './lead-record';
import { SORT_KEYS, LeadEditError, type LeadQuery, type LeadStore, type SortKey } from './lead-store';
import type { Router } from './router';

/** A user as the API sends it (string values). */
export type UserRecord = Record<'id' | 'name' | 'email' | 'role' | 'title' | 'org_id' | 'org_name', string>;

/** Largest page size the list accepts. */
export const MAX_PAGE_SIZE = 1000;

/** Mutable session state of the demo: who is signed in (one user per server, kept in memory). */
export interface DemoSession {
  userId: string;
}

const toUserRecord = (u: DemoUser): UserRecord => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: u.role,
  title: u.title,
  org_id: ORG.id,
  org_name: ORG.name,
});

function intParam(params: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new HttpError(400, 'invalid', `${name} must be a whole number from ${min} to ${max}`);
  }
  return Number(raw);
}

/** Validates the list query string. Throws HttpError 400 naming the bad parameter. */
export function parseLeadQuery(params: URLSearchParams): LeadQuery {
  const sort = params.get('sort') || 'created_at';
  if (!(SORT_KEYS as readonly string[]).includes(sort)) {
    throw new HttpError(400, 'invalid', `sort must be one of ${SORT_KEYS.join(', ')}`);
  }
  const dir = params.get('dir') || (sort === 'created_at' || sort === 'updated_at' ? 'desc' : 'asc');
  if (dir !== 'asc' && dir !== 'desc') throw new HttpError(400, 'invalid', 'dir must be asc or desc');
  const status = params.get('status') ?? '';
  if (status !== '' && !(LEAD_STATUSES as readonly string[]).includes(status)) {
    throw new HttpError(400, 'invalid', `status must be one of ${LEAD_STATUSES.join(', ')}`);
  }
  const since = params.get('updated_since') ?? '';
  const updatedSince = since === '' ? null : Date.parse(since);
  if (updatedSince !== null && (!ISO_DATE_TIME.test(since) || !Number.isFinite(updatedSince))) {
    throw new HttpError(400, 'invalid', 'updated_since must be an ISO 8601 date and time such as 2025-06-01T12:00:00Z');
  }
  return {
    page: intParam(params, 'page', 1, 1, 1_000_000),
    pageSize: intParam(params, 'pageSize', 50, 1, MAX_PAGE_SIZE),
    q: (params.get('q') ?? '').slice(0, 200),
    status,
    sort: sort as SortKey,
    dir,
    updatedSince,
  };
}

/** An ISO 8601 date and time with a zone (`Z` or `±hh:mm`), as `updated_since` accepts it. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

const notFound = (id: string): HttpError => new HttpError(404, 'not_found', `Lead ${id} not found`);

/** Registers the API routes on `router`. */
export function addApiRoutes(router: Router, store: LeadStore, session: DemoSession): void {
  const currentUser = (): DemoUser => USERS.find((u) => u.id === session.userId) ?? (USERS[0] as DemoUser);

  router
    .add('GET', '/api/leads', ({ res, url }) => {
      const query = parseLeadQuery(url.searchParams);
      const page = store.list(query);
      sendJson(res, 200, {
        page: query.page,
        pageSize: query.pageSize,
        total: page.total,
        server_time: new Date(store.now()).toISOString(),
        results: page.leads.map(toLeadRecord),
      });
    })
    .add('GET', '/api/leads/:id', ({ res, params }) => {
      const lead = store.get(params.id ?? '');
      if (!lead) throw notFound(params.id ?? '');
      sendJson(res, 200, toLeadRecord(lead));
    })
    .add('PATCH', '/api/leads/:id', async ({ req, res, params }) => {
      const id = params.id ?? '';
      const body = await readJsonObject(req);
      const unknown = Object.keys(body).filter((k) => k !== 'status');
      if (unknown.length > 0) throw new HttpError(400, 'invalid', `Only status can be edited (got ${unknown.join(', ')})`);
      if (typeof body.status !== 'string') throw new HttpError(400, 'invalid', 'status is required');
      let lead;
      try {
        lead = store.setStatus(id, body.status);
      } catch (error) {
        if (error instanceof LeadEditError) throw new HttpError(400, 'invalid', error.message);
        throw error;
      }
      if (!lead) throw notFound(id);
      sendJson(res, 200, toLeadRecord(lead));
    })
    .add('GET', '/api/campaigns', ({ res }) => sendJson(res, 200, { results: store.campaigns() }))
    .add('GET', '/api/fields', ({ res }) => sendJson(res, 200, { results: store.fieldDefinitions() }))
    .add('GET', '/api/users', ({ res }) => sendJson(res, 200, { results: USERS.map(toUserRecord) }))
    .add('GET', '/api/me', ({ res }) => sendJson(res, 200, toUserRecord(currentUser())))
    .add('POST', '/api/me', async ({ req, res }) => {
      const body = await readJsonObject(req);
      const user = USERS.find((u) => u.id === body.userId);
      if (!user) throw new HttpError(400, 'invalid', `userId must be one of ${USERS.map((u) => u.id).join(', ')}`);
      session.userId = user.id;
      sendJson(res, 200, toUserRecord(user));
    });
  addCampaignAudienceRoutes(router, store.audiences, (id) => store.get(id) !== undefined, () => Date.now());
}
