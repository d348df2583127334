import type { BenchBoundaries } from '../boundaries';

/** A JSON Logic rule (json-logic-js / json-logic-engine syntax). */
export type JsonLogicRule = Record<string, unknown>;

const v = (path: string) => ({ var: path });
/** JSON Logic coerces null to 0 in `<`, so "t < bound" on an empty date needs a not-null guard. */
const lessThan = (path: string, bound: number) => ({ and: [{ '!==': [v(path), null] }, { '<': [v(path), bound] }] });
const inRange = (path: string, from: number, toInclusive: number) => ({ '<=': [from, v(path), toInclusive] });
const some = (path: string, test: JsonLogicRule) => ({ some: [v(path), test] });
const none = (path: string, test: JsonLogicRule) => ({ none: [v(path), test] });
const campaign = (campaignId: string, test: JsonLogicRule) =>
  some('campaigns', { and: [{ '===': [v('campaignId'), campaignId] }, test] });

/**
 * The suite of bench/segments.ts in JSON Logic, over pre-normalised leads
 * (bench/peers/normalised-lead.ts: text lower-cased and trimmed, blanks absent, so `var` gives
 * null) with date boundaries precomputed. Keyed by segment id.
 * Adjustments where JSON Logic's semantics differ from docs/semantics.md §3 are listed in BENCHMARKS.md:
 * strict `===` / `!==` (no loose coercion); a `!== null` guard on every "less than" date test.
 */
export function jsonLogicRules(b: BenchBoundaries): Record<string, JsonLogicRule> {
  return {
    s01: {
      and: [
        { '===': [v('source'), 'google'] },
        { in: [v('priority'), ['high', 'medium']] },
        { '>': [v('custom.total_visits'), 3] },
        inRange('createdAt', b.s01CreatedFrom, b.now),
      ],
    },
    s02: {
      and: [
        { '===': [v('country'), 'india'] },
        some('tags', { in: [v(''), ['interested in full time mba', 'interested in other courses']] }),
        { '!==': [v('status'), 'converted'] },
      ],
    },
    s03: {
      and: [
        campaign('email', { '===': [v('state'), 'participating'] }),
        campaign('email', { in: [v('response'), ['opened', 'clicked']] }),
        none('tags', { in: [v(''), ['do-not-email', 'lost to eins']] }),
        inRange('custom.time_on_site_s', 300, 1500),
        { '!==': [v('status'), 'converted'] },
      ],
    },
    s04: {
      and: [
        { '===': [v('groupName'), 'landing page submission'] },
        lessThan('lastContactAt', b.s04ContactBefore),
        { '!==': [v('status'), 'converted'] },
      ],
    },
    s05: {
      and: [campaign('email', { '===': [v('state'), 'excluded'] }), { '>=': [v('createdAt'), b.s05CreatedFrom] }],
    },
    s06: {
      and: [
        { '===': [v('groupName'), 'api'] },
        {
          or: [
            { in: [v('source'), ['olark chat', 'direct traffic']] },
            { '>': [v('custom.page_views_per_visit'), 4] },
            some('campaigns', { '===': [v('response'), 'replied'] }),
          ],
        },
        { '>=': [v('createdAt'), b.s06CreatedFrom] },
        lessThan('createdAt', b.s06CreatedTo),
      ],
    },
    s07: {
      and: [
        { in: ['management', v('custom.specialization')] },
        { in: [v('custom.city'), ['mumbai', 'thane & outskirts']] },
        { '===': [v('custom.do_not_email'), false] },
        { '!==': [v('company'), null] },
      ],
    },
    s08: {
      and: [
        { '===': [v('custom.occupation'), 'working professional'] },
        inRange('custom.total_visits', 2, 10),
        inRange('lastContactAt', b.s08ContactFrom, b.now),
      ],
    },
    s09: {
      and: [
        campaign('webinar', { '===': [v('response'), 'interested'] }),
        lessThan('createdAt', b.s09CreatedBefore),
        { '!==': [v('priority'), 'low'] },
      ],
    },
    s10: {
      and: [
        { '!==': [v('country'), 'india'] },
        none('tags', { in: [v(''), ['ringing', 'switched off', 'invalid number']] }),
        inRange('createdAt', b.s10CreatedFrom, b.now),
        campaign('sms', { '===': [v('state'), 'participating'] }),
        { '!==': [v('source'), 'facebook'] },
        { '>': [v('custom.total_visits'), 0] },
      ],
    },
  };
}
