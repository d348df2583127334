/**
 * JSON request/response helpers for the demo server. Error bodies are
 * `{ "error": "<plain-language message>", "code": "<not_found|invalid|…>" }`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Largest JSON body accepted (bytes). */
const MAX_BODY_BYTES = 16 * 1024;

/** A request the API refuses; becomes a JSON error response with `status`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Sends `body` as JSON with `status`; responses are never cached. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

/** Sends a JSON error body. */
export function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.status, { error: error.message, code: error.code });
}

/**
 * Reads a JSON object body. Throws HttpError 415 unless the request says `application/json`
 * (which also keeps other web pages from posting to the API without a CORS preflight), and
 * 400/413 when the body is larger than `maxBytes` (default 16 KiB), not JSON or not an object.
 */
export async function readJsonObject(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<Record<string, unknown>> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    throw new HttpError(415, 'unsupported_media_type', 'The request body must be sent as application/json');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new HttpError(413, 'too_large', 'The request body is too large');
    chunks.push(chunk as Buffer);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'invalid', 'The request body must be JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'invalid', 'The request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}
