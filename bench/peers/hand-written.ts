import { equalsAsciiNormal, isBlankText, normalizeText } from '../../lib/engine/text';
import type { Lead } from '../../lib/schema';
import type { BenchBoundaries } from '../boundaries';

/** A test of one lead. */
export type LeadPredicate = (lead: Lead) => boolean;

// The practical limit: the 10 segments of bench/segments.ts written directly as closures over the
// raw Lead, with docs/semantics.md §3 semantics, date boundaries precomputed and the engine's own text
// primitives from lib/engine/text.ts (`normalizeText`; `equalsAsciiNormal`, the allocation-free
// "normalizeText(v) === target" for ASCII targets; `isBlankText`), so the text cost is the same and
// the difference to the engine is the engine's generic dispatch. Within each segment the cheap numeric / date tests run first, and
// small value lists are unrolled `===` chains, as a developer tuning by hand would write them.

const textOf = (v: unknown): string => (typeof v === 'string' ? normalizeText(v) : '');
const textIs = (v: unknown, normal: string): boolean => typeof v === 'string' && equalsAsciiNormal(v, normal);
const num = (v: unknown): number => (typeof v === 'number' ? v : NaN);

/** True when some tag normalises to `a` or `b` (unrolled, compared in place). */
function anyTagIs2(tags: readonly string[], a: string, b: string): boolean {
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] as string;
    if (equalsAsciiNormal(tag, a) || equalsAsciiNormal(tag, b)) return true;
  }
  return false;
}

/** True when some tag normalises to `a`, `b` or `c` (unrolled, compared in place). */
function anyTagIs3(tags: readonly string[], a: string, b: string, c: string): boolean {
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] as string;
    if (equalsAsciiNormal(tag, a) || equalsAsciiNormal(tag, b) || equalsAsciiNormal(tag, c)) return true;
  }
  return false;
}

/** True when the lead participates (state "participating") in campaign `campaignId`. */
function participatesIn(lead: Lead, campaignId: string): boolean {
  const cs = lead.campaigns;
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    if (c.state === 'participating' && c.campaignId === campaignId) return true;
  }
  return false;
}

/**
 * Builds the hand-written predicates of the suite, keyed by segment id (s01…s10).
 * `b` holds the date boundaries of bench/boundaries.ts.
 */
export function handWrittenPredicates(b: BenchBoundaries): Record<string, LeadPredicate> {
  const { now, s01CreatedFrom, s04ContactBefore, s05CreatedFrom, s06CreatedFrom, s06CreatedTo } = b;
  const { s08ContactFrom, s09CreatedBefore, s10CreatedFrom } = b;
  return {
    s01: (lead) => {
      if (!(num(lead.custom.total_visits) > 3)) return false;
      const t = num(lead.createdAt);
      if (!(t >= s01CreatedFrom && t <= now)) return false;
      if (!textIs(lead.source, 'google')) return false;
      return textIs(lead.priority, 'high') || textIs(lead.priority, 'medium');
    },
    s02: (lead) =>
      textIs(lead.country, 'india') &&
      !textIs(lead.status, 'converted') &&
      anyTagIs2(lead.tags, 'interested in full time mba', 'interested in other courses'),
    s03: (lead) => {
      const seconds = num(lead.custom.time_on_site_s);
      if (!(seconds >= 300 && seconds <= 1500) || textIs(lead.status, 'converted')) return false;
      if (!participatesIn(lead, 'email')) return false;
      let responded = false;
      for (const c of lead.campaigns) {
        if (c.campaignId === 'email' && (c.response === 'opened' || c.response === 'clicked')) {
          responded = true;
          break;
        }
      }
      return responded && !anyTagIs2(lead.tags, 'do-not-email', 'lost to eins');
    },
    s04: (lead) =>
      num(lead.lastContactAt) < s04ContactBefore &&
      textIs(lead.groupName, 'landing page submission') &&
      !textIs(lead.status, 'converted'),
    s05: (lead) => {
      if (!(num(lead.createdAt) >= s05CreatedFrom)) return false;
      for (const c of lead.campaigns) if (c.state === 'excluded' && c.campaignId === 'email') return true;
      return false;
    },
    s06: (lead) => {
      const t = num(lead.createdAt);
      if (!(t >= s06CreatedFrom && t < s06CreatedTo) || !textIs(lead.groupName, 'api')) return false;
      if (num(lead.custom.page_views_per_visit) > 4) return true;
      if (textIs(lead.source, 'olark chat') || textIs(lead.source, 'direct traffic')) return true;
      for (const c of lead.campaigns) if (c.response === 'replied') return true;
      return false;
    },
    s07: (lead) => {
      if (lead.custom.do_not_email !== false) return false;
      if (!textIs(lead.custom.city, 'mumbai') && !textIs(lead.custom.city, 'thane & outskirts')) return false;
      const specialization = textOf(lead.custom.specialization);
      if (specialization === '' || !specialization.includes('management')) return false;
      return typeof lead.company === 'string' && !isBlankText(lead.company);
    },
    s08: (lead) => {
      const visits = num(lead.custom.total_visits);
      if (!(visits >= 2 && visits <= 10)) return false;
      const t = num(lead.lastContactAt);
      return t >= s08ContactFrom && t <= now && textIs(lead.custom.occupation, 'working professional');
    },
    s09: (lead) => {
      if (!(num(lead.createdAt) < s09CreatedBefore) || textIs(lead.priority, 'low')) return false;
      for (const c of lead.campaigns) if (c.campaignId === 'webinar' && c.response === 'interested') return true;
      return false;
    },
    s10: (lead) => {
      if (!(num(lead.custom.total_visits) > 0)) return false;
      const t = num(lead.createdAt);
      if (!(t >= s10CreatedFrom && t <= now)) return false;
      if (textIs(lead.country, 'india') || textIs(lead.source, 'facebook')) return false;
      return participatesIn(lead, 'sms') && !anyTagIs3(lead.tags, 'ringing', 'switched off', 'invalid number');
    },
  };
}
