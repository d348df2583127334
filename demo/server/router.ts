/**
 * A small path router for node:http: `add('GET', '/api/leads/:id', handler)`; `:name` segments
 * match one URL-decoded path segment and arrive in `params`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a route handler receives. */
export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
}

export type RouteHandler = (ctx: RouteContext) => void | Promise<void>;

interface Route {
  method: string;
  segments: string[];
  handler: RouteHandler;
}

/** Result of matching a request: a handler, a path known under other methods (405), or nothing. */
export type RouteMatch =
  | { kind: 'found'; handler: RouteHandler; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

const split = (path: string): string[] => path.split('/').filter((s) => s !== '');

/** Ordered route table; the first route whose method and path match wins. */
export class Router {
  private readonly routes: Route[] = [];

  /** Registers `handler` for `method` and `pattern` (e.g. "/api/leads/:id"). Returns this router. */
  add(method: string, pattern: string, handler: RouteHandler): this {
    this.routes.push({ method: method.toUpperCase(), segments: split(pattern), handler });
    return this;
  }

  /** Finds the route for `method` and `pathname`. */
  match(method: string, pathname: string): RouteMatch {
    let parts: string[];
    try {
      parts = split(pathname).map(decodeURIComponent);
    } catch {
      return { kind: 'not-found' };
    }
    const allowed: string[] = [];
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      if (route.method === method.toUpperCase()) return { kind: 'found', handler: route.handler, params };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as string;
    const v = parts[i] as string;
    if (p.startsWith(':')) params[p.slice(1)] = v;
    else if (p !== v) return null;
  }
  return params;
}
