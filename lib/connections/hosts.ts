/**
 * Host access per CRM origin (docs/semantics.md §9, issue 11 item 2, issue 12 item 7). The demo CRM's loopback
 * hosts are host permissions from install; any other CRM origin is asked for at runtime, one
 * origin at a time, when the user connects it, and given back when they disconnect it.
 */

/** Host permissions the manifest grants at install: the demo CRM on loopback, any port. */
export const BUILT_IN_HOST_PERMISSIONS = ['http://127.0.0.1/*', 'http://localhost/*'] as const;

/**
 * The ceiling of runtime requests (manifest `optional_host_permissions`). Chrome lets an
 * extension request only origins its manifest names, so this pattern must be declared — but it is
 * never requested as a whole: `originPattern(origin)` asks for exactly one CRM origin.
 */
export const OPTIONAL_HOST_PERMISSIONS = ['https://*/*'] as const;

/** The match pattern of one origin ("https://acme.example" → "https://acme.example/*"). */
export function originPattern(origin: string): string {
  return `${new URL(origin).origin}/*`;
}

/** True when `origin` is covered by {@link BUILT_IN_HOST_PERMISSIONS} (no runtime request needed). */
export function isBuiltInHost(origin: string): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
  } catch {
    return false;
  }
}

/** Prefix of the ids of content scripts registered for connected CRMs. */
export const CONTENT_SCRIPT_ID_PREFIX = 'crm:';

/** The registered content script id of a connected origin ("crm:http://127.0.0.1:5174"). */
export function contentScriptId(origin: string): string {
  return `${CONTENT_SCRIPT_ID_PREFIX}${new URL(origin).origin}`;
}
