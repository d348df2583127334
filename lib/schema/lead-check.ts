import { CAMPAIGN_RESPONSES, type Lead } from './lead';

/**
 * A fast, conservative twin of `LeadSchema` for the ingest boundary (issue 10 item 4): Zod runs
 * without JIT in the extension (MV3 CSP), ≈ 25–100 µs a lead, a fifth of an ingest message.
 *
 * `isExactLead(raw)` is true only when `raw` certainly passes `LeadSchema` AND is already in the
 * form Zod would output: a plain object with no key outside the schema (Zod strips those), at any
 * depth. Anything else — unknown keys, a prototype other than Object's, an own `__proto__` key,
 * any doubt — answers false, and the caller runs `LeadSchema` itself (which also words the error).
 * An optional key holding `undefined` is accepted (Zod accepts it; stored content ignores it).
 */
export function isExactLead(raw: unknown): raw is Lead {
  return hasExactly(raw, LEAD_FIELDS, LEAD_KEYS) && raw.id === `${raw.crmKey as string}/${raw.crmId as string}`;
}

type Check = (value: unknown) => boolean;

const RESPONSES: ReadonlySet<unknown> = new Set(CAMPAIGN_RESPONSES);
const isString: Check = (v) => typeof v === 'string';
const isText: Check = (v) => typeof v === 'string' && v.length > 0;
const isEpoch: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const optional = (check: Check): Check => (v) => v === undefined || check(v);
const hasOwn = (value: object, key: PropertyKey) => Object.prototype.hasOwnProperty.call(value, key);

function isPlain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && !hasOwn(value, '__proto__');
}

function everyItem(value: unknown, check: Check): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (!check(value[i])) return false;
  return true;
}

const CAMPAIGN_FIELDS: Readonly<Record<string, Check>> = {
  campaignId: isText,
  state: (v) => v === 'participating' || v === 'excluded',
  response: optional((v) => RESPONSES.has(v)),
  respondedAt: optional(isEpoch),
};

/**
 * True when `value` is a plain object whose enumerable keys are all among `keys`, each value
 * passing its check (a required key's check fails on `undefined`, so an absent one fails).
 * Non-enumerable and symbol keys are ignored, as by Zod's output and by the structured clone.
 */
function hasExactly(value: unknown, checks: Readonly<Record<string, Check>>, keys: readonly string[]): value is Record<string, unknown> {
  if (!isPlain(value)) return false;
  let present = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const item = value[key];
    if (!(checks[key] as Check)(item)) return false;
    if (item !== undefined || hasOwn(value, key)) present++;
  }
  // No key outside the schema (Zod would strip it), none inherited, none hidden from enumeration.
  let enumerable = 0;
  for (const key in value) {
    if (!hasOwn(value, key)) return false;
    enumerable++;
  }
  return enumerable === present;
}

const CAMPAIGN_KEYS = Object.keys(CAMPAIGN_FIELDS);
const isCampaign: Check = (value) => hasExactly(value, CAMPAIGN_FIELDS, CAMPAIGN_KEYS);

function isCustomValue(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || isEpoch(value) || everyItem(value, isString);
}

function isCustom(value: unknown): boolean {
  if (!isPlain(value)) return false;
  for (const key in value) if (!hasOwn(value, key) || !isCustomValue(value[key])) return false;
  return true;
}

const LEAD_FIELDS: Readonly<Record<string, Check>> = {
  id: isText,
  crmKey: isText,
  crmId: isText,
  name: isString,
  email: optional(isString),
  company: optional(isString),
  phone: optional(isString),
  source: optional(isString),
  groupName: optional(isString),
  status: optional(isString),
  priority: optional(isString),
  tags: (v) => everyItem(v, isString),
  country: optional(isString),
  language: optional(isString),
  createdAt: optional(isEpoch),
  lastContactAt: optional(isEpoch),
  campaigns: (v) => everyItem(v, isCampaign),
  custom: isCustom,
  crmUpdatedAt: optional(isEpoch),
  syncedAt: isEpoch,
};

const LEAD_KEYS = Object.keys(LEAD_FIELDS);

/** Keys {@link isExactLead} knows (a test holds them equal to `LeadSchema`'s). */
export const EXACT_LEAD_KEYS: readonly string[] = LEAD_KEYS;
