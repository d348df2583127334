import type { SegmentDraft } from '../lib/schema';

/**
 * The three example segments `npm run demo` creates (through the extension's message API, as the
 * popup does). One text rule, one AND of two text rules, and a mix of campaign, date and custom
 * number rules with an "any of" group.
 */
export const EXAMPLE_SEGMENTS: readonly SegmentDraft[] = [
  {
    name: 'Google leads',
    description: 'Every lead whose source is Google, however the CRM spelled it.',
    color: '#2563eb',
    rules: { combinator: 'and', rules: [{ field: 'source', operator: 'equals', value: 'google' }] },
  },
  {
    name: 'Hot leads in India',
    description: 'High-priority leads from India: call first.',
    color: '#dc2626',
    rules: {
      combinator: 'and',
      rules: [
        { field: 'priority', operator: 'equals', value: 'High' },
        { field: 'country', operator: 'equals', value: 'India' },
      ],
    },
  },
  {
    name: 'Engaged, not converted',
    description: 'Opened or clicked our emails, or chatted with us, visited 5+ times, not converted yet.',
    color: '#059669',
    rules: {
      combinator: 'and',
      rules: [
        {
          combinator: 'or',
          rules: [
            { field: 'campaignResponse', operator: 'responded', value: { campaignId: 'email', responses: ['opened', 'clicked'] } },
            { field: 'campaignParticipation', operator: 'is_in', value: 'chat' },
          ],
        },
        { field: 'custom.total_visits', operator: 'gte', value: 5 },
        { field: 'status', operator: 'not_equals', value: 'Converted' },
      ],
    },
  },
];
