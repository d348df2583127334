/**
 * `mailto:` and `tel:` links from lead data (issue 9 item 10). Lead values come from the CRM and
 * are hostile: a link is built only from a value that validates as one e-mail address / one phone
 * number, so "a@b.c?cc=x@evil&body=…" or "123;postd=…" is shown as text, never linked.
 */

/** One address: local part of letters, digits and . _ + ' -; a dotted domain of letters, digits and -. */
const EMAIL = /^[\p{L}\p{N}_+'-]+(?:\.[\p{L}\p{N}_+'-]+)*@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+$/u;
/** A phone number as people write it: optional leading +, digits, spaces, dots, dashes, parentheses. */
const PHONE = /^\+?[\d\s().-]+$/;

/** `mailto:<address>` when `value` is exactly one valid e-mail address (≤ 254 characters), else undefined. */
export function mailtoHref(value: string | undefined): string | undefined {
  const address = value?.trim() ?? '';
  if (address.length === 0 || address.length > 254 || !EMAIL.test(address)) return undefined;
  return `mailto:${address}`;
}

/** `tel:<+digits>` when `value` is one phone number with 3–15 digits (E.164 allows 15), else undefined. */
export function telHref(value: string | undefined): string | undefined {
  const text = value?.trim() ?? '';
  if (!PHONE.test(text)) return undefined;
  const digits = text.replace(/\D/g, '');
  if (digits.length < 3 || digits.length > 15) return undefined;
  return `tel:${text.startsWith('+') ? '+' : ''}${digits}`;
}
