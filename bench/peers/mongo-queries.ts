import type { BenchBoundaries } from '../boundaries';

/** A MongoDB-style query (mingo / sift syntax). */
export type MongoQuery = Record<string, unknown>;

const participates = (campaignId: string) => ({ campaigns: { $elemMatch: { campaignId, state: 'participating' } } });

/**
 * The suite of bench/segments.ts as MongoDB queries for mingo and sift, over pre-normalised
 * leads (bench/peers/normalised-lead.ts: text lower-cased and trimmed, blanks absent), with date
 * boundaries precomputed. Keyed by segment id. MongoDB semantics already match docs/semantics.md §3 on empties here: `$ne` / `$nin` match a missing
 * field and `[]`; `$gt` / `$lt` never match null. Two conditions on `campaigns` need `$and`
 * (an object cannot repeat a key); "contains" is an anchor-free `$regex` on the lower-cased text.
 */
export function mongoQueries(b: BenchBoundaries): Record<string, MongoQuery> {
  return {
    s01: {
      source: 'google',
      priority: { $in: ['high', 'medium'] },
      'custom.total_visits': { $gt: 3 },
      createdAt: { $gte: b.s01CreatedFrom, $lte: b.now },
    },
    s02: {
      country: 'india',
      tags: { $in: ['interested in full time mba', 'interested in other courses'] },
      status: { $ne: 'converted' },
    },
    s03: {
      $and: [participates('email'), { campaigns: { $elemMatch: { campaignId: 'email', response: { $in: ['opened', 'clicked'] } } } }],
      tags: { $nin: ['do-not-email', 'lost to eins'] },
      'custom.time_on_site_s': { $gte: 300, $lte: 1500 },
      status: { $ne: 'converted' },
    },
    s04: {
      groupName: 'landing page submission',
      lastContactAt: { $lt: b.s04ContactBefore },
      status: { $ne: 'converted' },
    },
    s05: {
      campaigns: { $elemMatch: { campaignId: 'email', state: 'excluded' } },
      createdAt: { $gte: b.s05CreatedFrom },
    },
    s06: {
      groupName: 'api',
      $or: [
        { source: { $in: ['olark chat', 'direct traffic'] } },
        { 'custom.page_views_per_visit': { $gt: 4 } },
        { campaigns: { $elemMatch: { response: 'replied' } } },
      ],
      createdAt: { $gte: b.s06CreatedFrom, $lt: b.s06CreatedTo },
    },
    s07: {
      'custom.specialization': { $regex: /management/ },
      'custom.city': { $in: ['mumbai', 'thane & outskirts'] },
      'custom.do_not_email': false,
      company: { $ne: null },
    },
    s08: {
      'custom.occupation': 'working professional',
      'custom.total_visits': { $gte: 2, $lte: 10 },
      lastContactAt: { $gte: b.s08ContactFrom, $lte: b.now },
    },
    s09: {
      campaigns: { $elemMatch: { campaignId: 'webinar', response: 'interested' } },
      createdAt: { $lt: b.s09CreatedBefore },
      priority: { $ne: 'low' },
    },
    s10: {
      country: { $ne: 'india' },
      tags: { $nin: ['ringing', 'switched off', 'invalid number'] },
      createdAt: { $gte: b.s10CreatedFrom, $lte: b.now },
      ...participates('sms'),
      source: { $ne: 'facebook' },
      'custom.total_visits': { $gt: 0 },
    },
  };
}
