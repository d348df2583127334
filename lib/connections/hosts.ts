/**
 * Host access per CRM origin (docs/semantics.md §9, issue 11 item 2, issue 12 item 7). The demo
 * CRM's loopback hosts are host permissions from install, and the only ones this release has: no
 * optional host permission is declared or requested. A connection to another origin records
 * `grantedPermission`, so that disconnecting gives back a permission a future connection flow granted.
 */

/** Host permissions the manifest grants at install: the demo CRM on loopback, any port. */
export const BUILT_IN_HOST_PERMISSIONS = ['http://127.0.0.1/*', 'http://localhost/*'] as const;

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
