import type { RuleSet } from '../lib/schema';

export { BENCH_NOW, BENCH_TIME_ZONE, BENCH_CUSTOM_FIELDS, BENCH_CONTEXT } from './context';

/** One benchmark segment: a stable id, a readable name and its rules (docs/semantics.md §2 RuleSet). */
export interface BenchSegment {
  id: string;
  name: string;
  rules: RuleSet;
}

/**
 * The fixed suite of 10 segments (2–6 rules each). Together they cover text (equals, contains,
 * is_any_of, not_equals), number (custom gt / between), date (before, after, between, in_last,
 * more_than_ago), tags (includes_any, includes_none), campaign rules (is_in, is_excluded_from,
 * responded) and exactly one nested OR group (segment s06). Evaluated at BENCH_NOW in
 * BENCH_TIME_ZONE. Every peer in `bench/peers/` implements these same 10 segments.
 */
export const BENCH_SEGMENTS: readonly BenchSegment[] = [
  {
    id: 's01',
    name: 'Hot Google leads',
    rules: {
      combinator: 'and',
      rules: [
        { field: 'source', operator: 'equals', value: 'google' },
        { field: 'priority', operator: 'is_any_of', value: ['High', 'Medium'] },
        { field: 'custom.total_visits', operator: 'gt', value: 3 },
        { field: 'createdAt', operator: 'in_last', value: { amount: 90, unit: 'days' } },
      ],
    },
  },
  {
    id: 's02',
    name: 'India, MBA or other courses, not converted',
    rules: {
      combinator: 'and',
      rules: [
        { field: 'country', operator: 'equals', value: 'India' },
        { field: 'tags', operator: 'includes_any', value: ['Interested in full time MBA', 'Interested in other courses'] },
        { field: 'status', operator: 'not_equals', value: 'Converted' },
      ],
    },
  },
  {
    id: 's03',
    name: 'Engaged email readers',
    rules: {
      combinator: 'and',
      rules: [
        { field: 'campaignParticipation', operator: 'is_in', value: 'email' },
        { field: 'campaignResponse', operator: 'responded', value: { campaignId: 'email', responses: ['opened', 'clicked'] } },
        { field: 'tags', operator: 'includes_none', value: ['do-not-email', 'Lost to EINS'] },
        { field: 'custom.time_on_site_s', operator: 'between', value: [300, 1500] },
        { field: 'status', operator: 'not_equals', value: 'Converted' },
      ],
    },
  },
  {
    id: 's04',
    name: 'Stale landing-page leads',
    rules: {
      combinator: 'and',
      rules: [
        { field: 'groupName', operator: 'equals', value: 'Landing Page Submission' },
        { field: 'lastContactAt', operator: 'more_than_ago', value: { amount: 2, unit: 'months' } },
        { field: 'status', operator: 'not_equals', value: 'Converted' },
      ],
    },
  },
  {
    id: 's05',
    name: 'Excluded from email this year',
    rules: {
      combinator: 'and',
      rules: [
        { field: 'campaignExclusion', operator: 'is_excluded_from', value: 'email' },
        { field: 'createdAt', operator: 'after', value: '2024-12-31' },
      ],
    },
  },
  {
    id: 's06',
    name: 'API leads with chat, traffic or deep visits',
    rules: {
      combinator: 'and',
      rules: [
        { field: 'groupName', operator: 'equals', value: 'API' },
        {
          combinator: 'or',
          rules: [
            { field: 'source', operator: 'is_any_of', value: ['Olark Chat', 'Direct Traffic'] },
            { field: 'custom.page_views_per_visit', operator: 'gt', value: 4 },
            { field: 'campaignResponse', operator: 'responded', value: { campaignId: 'any', responses: ['replied'] } },
          ],
        },
        { field: 'createdAt', operator: 'between', value: ['2024-06-01', '2025-03-31'] },
      ],
    },
  },
  {
    id: 's07',
    name: 'Management, Mumbai area, emailable',
    rules: {
      combinator: 'and',
      rules: [
        { field: 'custom.specialization', operator: 'contains', value: 'management' },
        { field: 'custom.city', operator: 'is_any_of', value: ['Mumbai', 'Thane & Outskirts'] },
        { field: 'custom.do_not_email', operator: 'is_false' },
        { field: 'company', operator: 'is_not_empty' },
      ],
    },
  },
  {
    id: 's08',
    name: 'Working professionals, recent contact',
    rules: {
      combinator: 'and',
      rules: [
        { field: 'custom.occupation', operator: 'equals', value: 'Working Professional' },
        { field: 'custom.total_visits', operator: 'between', value: [2, 10] },
        { field: 'lastContactAt', operator: 'in_last', value: { amount: 8, unit: 'weeks' } },
      ],
    },
  },
  {
    id: 's09',
    name: 'Old webinar-interested leads',
    rules: {
      combinator: 'and',
      rules: [
        { field: 'campaignResponse', operator: 'responded', value: { campaignId: 'webinar', responses: ['interested'] } },
        { field: 'createdAt', operator: 'before', value: '2025-01-01' },
        { field: 'priority', operator: 'not_equals', value: 'Low' },
      ],
    },
  },
  {
    id: 's10',
    name: 'Outside India, reachable, SMS',
    rules: {
      combinator: 'and',
      rules: [
        { field: 'country', operator: 'not_equals', value: 'India' },
        { field: 'tags', operator: 'includes_none', value: ['Ringing', 'switched off', 'invalid number'] },
        { field: 'createdAt', operator: 'in_last', value: { amount: 6, unit: 'months' } },
        { field: 'campaignParticipation', operator: 'is_in', value: 'sms' },
        { field: 'source', operator: 'not_equals', value: 'Facebook' },
        { field: 'custom.total_visits', operator: 'gt', value: 0 },
      ],
    },
  },
];
