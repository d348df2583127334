import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Campaign, Lead } from '../schema';
import { audienceExclusion, computeAudience, isDoNotEmail } from './audience';

type AudienceLead = Pick<Lead, 'campaigns' | 'tags'>;

const email: Pick<Campaign, 'id' | 'channel'> = { id: 'email', channel: 'email' };
const sms: Pick<Campaign, 'id' | 'channel'> = { id: 'sms', channel: 'sms' };

const plain: AudienceLead = { tags: [], campaigns: [] };
const excludedFromEmail: AudienceLead = { tags: [], campaigns: [{ campaignId: 'email', state: 'excluded' }] };
const excludedFromSms: AudienceLead = { tags: [], campaigns: [{ campaignId: 'sms', state: 'excluded' }] };
const doNotEmail: AudienceLead = { tags: ['Interested', ' Do-Not-Email '], campaigns: [{ campaignId: 'email', state: 'participating' }] };
const both: AudienceLead = { tags: ['do-not-email'], campaigns: [{ campaignId: 'email', state: 'excluded' }] };

const leads: Record<string, AudienceLead> = { a: plain, b: excludedFromEmail, c: excludedFromSms, d: doNotEmail, e: both, f: plain };
const leadOf = (id: string) => leads[id];

describe('computeAudience', () => {
  it('is the union of the segments\' members, each lead once, in id order', () => {
    expect(computeAudience(sms, [['f', 'a'], ['a', 'd'], []], leadOf)).toEqual({
      leadIds: ['a', 'd', 'f'],
      segmentMembers: 3,
      excluded: 0,
      doNotEmail: 0,
    });
  });

  it('leaves out leads excluded from THIS campaign only', () => {
    expect(computeAudience(sms, [['a', 'b', 'c']], leadOf)).toMatchObject({ leadIds: ['a', 'b'], excluded: 1 });
    expect(computeAudience(email, [['a', 'b', 'c']], leadOf)).toMatchObject({ leadIds: ['a', 'c'], excluded: 1 });
  });

  it('leaves out do-not-email leads from email campaigns only, counting a lead that is both as excluded', () => {
    expect(computeAudience(email, [['a', 'd', 'e']], leadOf)).toEqual({ leadIds: ['a'], segmentMembers: 3, excluded: 1, doNotEmail: 1 });
    expect(computeAudience(sms, [['a', 'd', 'e']], leadOf)).toEqual({ leadIds: ['a', 'd', 'e'], segmentMembers: 3, excluded: 0, doNotEmail: 0 });
    expect(computeAudience({ id: 'x' }, [['d']], leadOf).leadIds).toEqual(['d']);
  });

  it('skips member ids whose lead no longer exists', () => {
    expect(computeAudience(email, [['a', 'gone']], leadOf)).toEqual({ leadIds: ['a'], segmentMembers: 1, excluded: 0, doNotEmail: 0 });
  });

  it('is empty for a campaign without segments', () => {
    expect(computeAudience(email, [], leadOf)).toEqual({ leadIds: [], segmentMembers: 0, excluded: 0, doNotEmail: 0 });
  });

  it('matches the SPEC definition member by member on random data', () => {
    const leadArb = fc.record({
      doNotEmail: fc.boolean(),
      entries: fc.array(fc.record({ campaignId: fc.constantFrom('email', 'sms'), state: fc.constantFrom('participating' as const, 'excluded' as const) }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[a-h]$/), leadArb),
        fc.array(fc.array(fc.stringMatching(/^[a-j]$/), { maxLength: 8 }), { maxLength: 4 }),
        fc.constantFrom(email, sms),
        (raw, lists, campaign) => {
          const stored = new Map<string, AudienceLead>(
            Object.entries(raw).map(([id, l]) => [id, { tags: l.doNotEmail ? ['do-not-email'] : [], campaigns: l.entries }]),
          );
          const result = computeAudience(campaign, lists, (id) => stored.get(id));
          const members = [...new Set(lists.flat())].filter((id) => stored.has(id));
          for (const id of members) {
            const lead = stored.get(id)!;
            const out =
              lead.campaigns.some((c) => c.campaignId === campaign.id && c.state === 'excluded') ||
              (campaign.channel === 'email' && lead.tags.includes('do-not-email'));
            expect(result.leadIds.includes(id)).toBe(!out);
          }
          expect(result.segmentMembers).toBe(members.length);
          expect(result.leadIds.length + result.excluded + result.doNotEmail).toBe(members.length);
          expect([...result.leadIds].sort()).toEqual(result.leadIds);
        },
      ),
    );
  });
});

describe('audienceExclusion / isDoNotEmail', () => {
  it('names why a lead is left out', () => {
    expect(audienceExclusion(email, excludedFromEmail)).toBe('excluded');
    expect(audienceExclusion(email, doNotEmail)).toBe('do-not-email');
    expect(audienceExclusion(email, both)).toBe('excluded');
    expect(audienceExclusion(email, plain)).toBeNull();
    expect(audienceExclusion(sms, doNotEmail)).toBeNull();
  });

  it('compares the tag as text (case, outer and inner white space)', () => {
    expect(isDoNotEmail({ tags: ['DO-NOT-EMAIL'] })).toBe(true);
    expect(isDoNotEmail({ tags: ['do-not-email-later'] })).toBe(false);
    expect(isDoNotEmail({ tags: [] })).toBe(false);
  });
});
