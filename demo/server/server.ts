/**
 * Acme CRM, the demo CRM (issue 3, docs/semantics.md §6): plain node:http serving the JSON API and the web app.
 * Import `startDemoCrm` to run it in-process (e2e tests, `npm run demo`); `main.ts` is the CLI.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { USERS } from '../common/catalog';
import { addApiRoutes, type DemoSession } from './api-routes';
import { HttpError, sendError } from './http-io';
import { DEFAULT_LEADS_CSV, loadLeadsCsv } from './leads-csv';
import { LeadStore } from './lead-store';
import { Router } from './router';
import { buildWebAssets, type WebAssets } from './web-assets';

/** Default port (issue 3). */
export const DEFAULT_PORT = 5174;
/** Default host: loopback only. */
export const DEFAULT_HOST = '127.0.0.1';

/** Options of {@link startDemoCrm}; each falls back to its environment variable, then the default. */
export interface DemoCrmOptions {
  /** TCP port; 0 picks a free one. Env `DEMO_PORT`, default 5174. */
  port?: number;
  /** Interface to bind. Default 127.0.0.1. */
  host?: string;
  /** Path of the leads CSV (plain or `.gz`). Env `DEMO_LEADS_CSV`, default the in-repo `demo/data/leads.csv.gz`. */
  csvPath?: string;
  /** Reference time (docs/semantics.md §6): epoch ms, a Date or an ISO string. Env `DEMO_NOW`, default now. */
  now?: number | Date | string;
}

/** A running demo CRM. */
export interface DemoCrm {
  /** Base URL without a trailing slash, e.g. "http://127.0.0.1:5174". */
  url: string;
  port: number;
  /** Reference time used for the mapping, epoch ms. */
  now: number;
  /** Number of leads loaded. */
  leadCount: number;
  /** CSV rows skipped while loading, with the reason. */
  skippedRows: Array<{ line: number; reason: string }>;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/** Parses a reference time; throws a plain-language Error when it is not a valid date. */
export function parseReferenceTime(value: number | Date | string): number {
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (!Number.isFinite(ms)) throw new Error(`DEMO_NOW must be an ISO date such as 2025-06-01T12:00:00Z (got ${String(value)})`);
  return ms;
}

function parsePort(value: number | string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`DEMO_PORT must be a port number (got ${String(value)})`);
  return port;
}

/**
 * Loads the CSV, bundles the web app and starts listening. Resolves once the server accepts
 * connections. Throws LeadsCsvError (one-line message) when the CSV is missing or unusable, and
 * the listen error (e.g. EADDRINUSE) when the port is taken.
 */
export async function startDemoCrm(options: DemoCrmOptions = {}): Promise<DemoCrm> {
  const env = process.env;
  const now = parseReferenceTime(options.now ?? (env.DEMO_NOW || Date.now()));
  const port = parsePort(options.port ?? (env.DEMO_PORT || DEFAULT_PORT));
  const host = options.host ?? DEFAULT_HOST;
  const csvPath = options.csvPath ?? (env.DEMO_LEADS_CSV || DEFAULT_LEADS_CSV);

  const loaded = await loadLeadsCsv(csvPath, now);
  const startedAt = Date.now();
  const store = new LeadStore(loaded.leads, () => now + (Date.now() - startedAt));
  const session: DemoSession = { userId: (USERS[0] as (typeof USERS)[number]).id };
  const assets = await buildWebAssets();

  const router = new Router();
  addApiRoutes(router, store, session);
  const sendShell = addPageRoutes(router, assets);

  const server = createServer((req, res) => void handle(router, sendShell, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostForUrl}:${address.port}`,
    port: address.port,
    now,
    leadCount: store.size,
    skippedRows: loaded.skipped,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Registers the page and asset routes; returns a function that serves the app shell with a status. */
function addPageRoutes(router: Router, assets: WebAssets): (res: ServerResponse, status: number) => void {
  const send = (res: ServerResponse, status: number, type: string, body: string): void => {
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-cache' });
    res.end(body);
  };
  const page = (status: number) => ({ res }: { res: ServerResponse }) => send(res, status, 'text/html; charset=utf-8', assets.html);
  router
    .add('GET', '/', ({ res }) => {
      res.writeHead(302, { location: '/leads' });
      res.end();
    })
    .add('GET', '/leads', page(200))
    .add('GET', '/leads/:id', page(200))
    .add('GET', '/campaigns', page(200))
    .add('GET', '/assets/app.js', ({ res }) => send(res, 200, 'text/javascript; charset=utf-8', assets.js))
    .add('GET', '/assets/app.css', ({ res }) => send(res, 200, 'text/css; charset=utf-8', assets.css))
    .add('GET', '/favicon.svg', ({ res }) => send(res, 200, 'image/svg+xml', assets.favicon));
  return (res, status) => send(res, status, 'text/html; charset=utf-8', assets.html);
}

async function handle(
  router: Router,
  sendShell: (res: ServerResponse, status: number) => void,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://demo.invalid');
  const isApi = url.pathname === '/api' || url.pathname.startsWith('/api/');
  try {
    const match = router.match(req.method ?? 'GET', url.pathname);
    if (match.kind === 'found') {
      await match.handler({ req, res, url, params: match.params });
      return;
    }
    if (match.kind === 'method-not-allowed') {
      res.setHeader('allow', match.allowed.join(', '));
      throw new HttpError(405, 'method_not_allowed', `${req.method} is not allowed on ${url.pathname}`);
    }
    if (!isApi && req.method === 'GET') {
      // Unknown page: the app shell renders its own "page not found" view.
      sendShell(res, 404);
      return;
    }
    throw new HttpError(404, 'not_found', `Nothing at ${url.pathname}`);
  } catch (error) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (error instanceof HttpError) sendError(res, error);
    else {
      console.error('Acme CRM: request failed', error);
      sendError(res, new HttpError(500, 'internal', 'Acme CRM hit an internal error'));
    }
  }
}
