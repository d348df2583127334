/**
 * The web app's client of Acme CRM's own JSON API (see demo/server/api-routes.ts). Records keep
 * the API's string format; the views format them for display.
 */

/** A lead record: every value a string (ISO dates, ";"-joined lists, "" = empty). */
export type LeadRecord = Record<string, string>;

/** One page of `GET /api/leads`. */
export interface LeadList {
  page: number;
  pageSize: number;
  total: number;
  results: LeadRecord[];
}

/** A campaign with its counts as decimal strings. */
export type CampaignRecord = Record<
  'id' | 'name' | 'channel' | 'status' | 'participants' | 'excluded' | 'responded' | 'segments_audience' | 'segments_audience_at',
  string
>;

/** A custom field definition. */
export interface FieldRecord {
  key: string;
  label: string;
  type: string;
  options: string[];
}

/** A user of the demo organisation. */
export type UserRecord = Record<'id' | 'name' | 'email' | 'role' | 'title' | 'org_id' | 'org_name', string>;

/** An API call failed; `status` is the HTTP status (0 when the server could not be reached). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) } });
  } catch {
    throw new ApiError('Acme CRM could not be reached. Check your connection and try again.', 0);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string' ? (body as { error: string }).error : `Request failed (${response.status})`;
    throw new ApiError(message, response.status);
  }
  return body as T;
}

/** Query of the leads list. */
export interface LeadListQuery {
  page: number;
  pageSize: number;
  q: string;
  status: string;
  sort: string;
  dir: string;
}

/** Typed calls of the demo API. */
export const api = {
  listLeads(query: LeadListQuery): Promise<LeadList> {
    const params = new URLSearchParams({ page: String(query.page), pageSize: String(query.pageSize), sort: query.sort, dir: query.dir });
    if (query.q) params.set('q', query.q);
    if (query.status) params.set('status', query.status);
    return request(`/api/leads?${params}`);
  },
  getLead(id: string): Promise<LeadRecord> {
    return request(`/api/leads/${encodeURIComponent(id)}`);
  },
  setStatus(id: string, status: string): Promise<LeadRecord> {
    return request(`/api/leads/${encodeURIComponent(id)}`, { method: 'PATCH', body: JSON.stringify({ status }) });
  },
  async campaigns(): Promise<CampaignRecord[]> {
    return (await request<{ results: CampaignRecord[] }>('/api/campaigns')).results;
  },
  async fields(): Promise<FieldRecord[]> {
    return (await request<{ results: FieldRecord[] }>('/api/fields')).results;
  },
  me(): Promise<UserRecord> {
    return request('/api/me');
  },
  async users(): Promise<UserRecord[]> {
    return (await request<{ results: UserRecord[] }>('/api/users')).results;
  },
  switchUser(userId: string): Promise<UserRecord> {
    return request('/api/me', { method: 'POST', body: JSON.stringify({ userId }) });
  },
};
