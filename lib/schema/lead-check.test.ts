import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeTestLead } from '../testing/lead-factory';
import { EXACT_LEAD_KEYS, isExactLead } from './lead-check';
import { CAMPAIGN_RESPONSES, LeadSchema } from './lead';

const text = fc.string({ maxLength: 6 });
const epoch = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
const campaign = fc.record(
  { campaignId: fc.string({ minLength: 1, maxLength: 4 }), state: fc.constantFrom('participating', 'excluded'), response: fc.constantFrom(...CAMPAIGN_RESPONSES), respondedAt: epoch },
  { requiredKeys: ['campaignId', 'state'] },
);
const customValue = fc.oneof(text, epoch, fc.boolean(), fc.array(text, { maxLength: 3 }), fc.constant(null));

/** Valid leads with any mix of optional fields (keys absent, or present holding `undefined`). */
const validLead = fc
  .record(
    {
      crmKey: fc.string({ minLength: 1, maxLength: 5 }),
      crmId: fc.string({ minLength: 1, maxLength: 5 }),
      name: text,
      email: fc.option(text, { nil: undefined }),
      status: text,
      source: text,
      tags: fc.array(text, { maxLength: 3 }),
      createdAt: epoch,
      crmUpdatedAt: epoch,
      campaigns: fc.array(campaign, { maxLength: 2 }),
      custom: fc.dictionary(fc.string({ maxLength: 4 }).filter((k) => k !== '__proto__'), customValue, { maxKeys: 3 }),
      syncedAt: epoch,
    },
    { requiredKeys: ['crmKey', 'crmId', 'name', 'tags', 'campaigns', 'custom', 'syncedAt'] },
  )
  .map((lead) => ({ id: `${lead.crmKey}/${lead.crmId}`, ...lead }));

/** One damage to a valid lead, at the top level or inside a campaign entry or the custom values. */
const damage = fc.tuple(fc.constantFrom('lead', 'campaign', 'custom'), fc.constantFrom('delete', 'set', 'add'), fc.string({ maxLength: 8 }), fc.anything());

function damaged([where, how, key, value]: [string, string, string, unknown], lead: Record<string, unknown>): unknown {
  const copy = structuredClone(lead) as Record<string, unknown> & { campaigns: Array<Record<string, unknown>>; custom: Record<string, unknown> };
  const target = where === 'campaign' ? copy.campaigns[0] : where === 'custom' ? copy.custom : copy;
  if (!target) return copy;
  const keys = Object.keys(target);
  const existing = keys.length > 0 ? (keys[key.length % keys.length] as string) : key;
  if (how === 'delete') delete target[existing];
  else if (how === 'set') target[existing] = value;
  else Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

describe('isExactLead (the fast twin of LeadSchema)', () => {
  it('knows exactly the keys of LeadSchema', () => {
    expect([...EXACT_LEAD_KEYS].sort()).toEqual(Object.keys(LeadSchema.shape).sort());
  });

  it('accepts every valid lead in the form LeadSchema outputs', () => {
    fc.assert(
      fc.property(validLead, (lead) => {
        expect(isExactLead(lead)).toBe(true);
        expect(LeadSchema.parse(lead)).toEqual(lead);
      }),
      { numRuns: 500 },
    );
  });

  it('never accepts what LeadSchema rejects or would change (unknown keys stripped)', () => {
    fc.assert(
      fc.property(validLead, damage, (lead, hit) => {
        const raw = damaged(hit, lead);
        if (!isExactLead(raw)) return;
        const parsed = LeadSchema.safeParse(raw);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual(raw);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses the cases Zod must handle itself', () => {
    const lead = makeTestLead('1');
    expect(isExactLead(lead)).toBe(true);
    expect(isExactLead({ ...lead, extra: 1 })).toBe(false);
    expect(isExactLead({ ...lead, id: 'demo/2' })).toBe(false);
    expect(isExactLead({ ...lead, createdAt: Number.NaN })).toBe(false);
    expect(isExactLead({ ...lead, syncedAt: Number.POSITIVE_INFINITY })).toBe(false);
    expect(isExactLead({ ...lead, campaigns: [{ campaignId: 'c', state: 'participating', note: 'x' }] })).toBe(false);
    expect(isExactLead({ ...lead, custom: JSON.parse('{"__proto__": "x"}') as Record<string, string> })).toBe(false);
    expect(isExactLead({ ...lead, custom: { n: Number.NaN } })).toBe(false);
    expect(isExactLead(Object.assign(Object.create({ status: 'x' }) as object, lead))).toBe(false);
    const hidden = { ...lead };
    Object.defineProperty(hidden, 'email', { value: 5, enumerable: false });
    expect(isExactLead(hidden)).toBe(false);
    expect(LeadSchema.safeParse(hidden).success).toBe(false);
  });
});
