/**
 * Test support (not production code): a small Acme-CRM-compatible HTTP server on 127.0.0.1, port 0,
 * whose `/api/leads` answers are scripted per test — short pages, empty lists, duplicates, nulls,
 * id-only records, wrong types, endless pages, silence, HTTP 429, giant fields (issue 9).
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted answer: JSON `body` with `status`/`headers`, raw text, or `hang` (never answer). */
export interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  raw?: string;
  hang?: boolean;
}

/** Answers `/api/leads?page=&pageSize=`; `call` counts every leads request from 1. */
export type LeadsScript = (request: { page: number; pageSize: number; call: number }) => Answer;

/** A running mock CRM. */
export interface MockCrm {
  origin: string;
  /** Every request path, in order. */
  requests: string[];
  /** Replaces the leads script (e.g. a good CRM, then a faulty one). */
  setLeads(script: LeadsScript): void;
  /** Replaces the `/api/fields` answer. */
  setFields(answer: Answer): void;
  close(): Promise<void>;
}

/** Custom field definitions of the mock CRM (Acme format). */
export const MOCK_FIELDS = {
  results: [
    { key: 'score', label: 'Score', type: 'number', options: [] },
    { key: 'city', label: 'City', type: 'string', options: [] },
  ],
};

/** A full Acme record for lead number `n` (every value a string, as Acme sends them). */
export function acmeRecord(n: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const id = String(100000 + n);
  return {
    id,
    first_name: `First${n}`,
    last_name: `Last${n}`,
    email: `lead${n}@example.com`,
    company: `Company ${n % 7}`,
    phone: `+1 555 ${String(n).padStart(4, '0')}`,
    lead_source: n % 2 === 0 ? 'Google' : 'Referral',
    lead_origin: 'Landing Page Submission',
    status: ['Open', 'Won', 'Lost'][n % 3],
    priority: n % 5 === 0 ? 'High' : 'Low',
    tags: n % 4 === 0 ? 'vip;newsletter' : '',
    country: 'India',
    language: 'English',
    created_at: '2024-01-02T03:04:05.000Z',
    last_contact_at: '2024-05-01T00:00:00.000Z',
    updated_at: '2024-05-01T00:00:00.000Z',
    campaigns: '',
    cf_score: String(n % 10),
    cf_city: `City ${n % 3}`,
    ...overrides,
  };
}

/** A well-behaved paged answer over `records` (the CRM's `total` may be overridden). */
export function pagesOf(records: readonly unknown[], total = records.length): LeadsScript {
  return ({ page, pageSize }) => ({
    body: { page, pageSize, total, results: records.slice((page - 1) * pageSize, page * pageSize) },
  });
}

/** Starts a mock CRM serving `leads` (and fixed fields, campaigns and /api/me). */
export async function startMockCrm(leads: LeadsScript): Promise<MockCrm> {
  let script = leads;
  let fields: Answer = { body: MOCK_FIELDS };
  let calls = 0;
  const requests: string[] = [];
  const hanging = new Set<ServerResponse>();
  const send = (res: ServerResponse, answer: Answer) => {
    if (answer.hang) {
      hanging.add(res);
      return;
    }
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
    res.end(answer.raw ?? JSON.stringify(answer.body ?? null));
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${url.pathname}${url.search}`);
    if (url.pathname === '/api/leads') {
      calls++;
      send(res, script({ page: Number(url.searchParams.get('page')), pageSize: Number(url.searchParams.get('pageSize')), call: calls }));
    } else if (url.pathname === '/api/fields') send(res, fields);
    else if (url.pathname === '/api/campaigns') send(res, { body: { results: [] } });
    else if (url.pathname === '/api/me') send(res, { body: { id: 'u1', name: 'Ana', role: 'owner', org_id: 'org1' } });
    else send(res, { status: 404, body: { code: 'not_found' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    setLeads: (next) => void (script = next),
    setFields: (answer) => void (fields = answer),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
