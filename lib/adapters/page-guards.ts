/**
 * Hand-written guards for page data in the content script (issue 12 item 2): the page is hostile
 * and the content script carries no Zod, so what it reads from the CRM's DOM is checked here
 * before it is used or sent. The background validates every message again with Zod.
 */

/** Longest CRM record id read from a page (a real id is far shorter; longer text is not an id). */
export const MAX_CRM_ID_LENGTH = 200;

/** Control characters (C0, DEL, C1) and bidi overrides/isolates never appear in a record id. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const UNSAFE_ID_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * A CRM record id read from page markup (e.g. `data-lead-id`), trimmed; null when it is absent,
 * empty, longer than {@link MAX_CRM_ID_LENGTH} or carries control or bidi-control characters.
 */
export function readCrmId(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const id = raw.trim();
  if (id === '' || id.length > MAX_CRM_ID_LENGTH || UNSAFE_ID_CHARS.test(id)) return null;
  return id;
}
