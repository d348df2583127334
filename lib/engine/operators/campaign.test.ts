import type { LeadCampaign } from '../../schema/lead';
import { EMPTY, runOperatorCases } from './operator-cases';

const participating = (campaignId: string, response?: LeadCampaign['response']): LeadCampaign =>
  response ? { campaignId, state: 'participating', response } : { campaignId, state: 'participating' };
const excluded = (campaignId: string, response?: LeadCampaign['response']): LeadCampaign =>
  response ? { campaignId, state: 'excluded', response } : { campaignId, state: 'excluded' };

// docs/semantics.md §3 rule 8. Every campaign rule reads the lead's `campaigns`.
const campaignsField = () => 'campaigns';
const noCampaigns = [[], undefined, null, 'email'];

runOperatorCases({
  family: 'campaignParticipation',
  fields: ['campaignParticipation'],
  leadField: campaignsField,
  emptyValues: noCampaigns,
  cases: [
    { operator: 'is_in', value: 'email', lead: [participating('sms'), participating('email')], expected: true },
    { operator: 'is_in', value: 'email', lead: [excluded('email')], expected: false }, // excluded is not participation
    { operator: 'is_in', value: 'email', lead: [participating('sms')], expected: false },
    { operator: 'is_in', value: 'any', lead: [participating('chat')], expected: true },
    { operator: 'is_in', value: 'any', lead: [excluded('chat')], expected: false },
    { operator: 'is_in', value: 'any', lead: EMPTY, expected: false },
    { operator: 'is_not_in', value: 'email', lead: [participating('sms'), excluded('email')], expected: true },
    { operator: 'is_not_in', value: 'email', lead: [participating('email')], expected: false },
    { operator: 'is_not_in', value: 'any', lead: [participating('sms')], expected: false },
    { operator: 'is_not_in', value: 'any', lead: EMPTY, expected: true },
    { operator: 'is_not_in', value: 'email', lead: EMPTY, expected: true },
  ],
});

runOperatorCases({
  family: 'campaignExclusion',
  fields: ['campaignExclusion'],
  leadField: campaignsField,
  emptyValues: noCampaigns,
  cases: [
    { operator: 'is_excluded_from', value: 'email', lead: [excluded('email')], expected: true },
    { operator: 'is_excluded_from', value: 'email', lead: [participating('email'), excluded('sms')], expected: false },
    { operator: 'is_excluded_from', value: 'any', lead: [excluded('sms')], expected: true },
    { operator: 'is_excluded_from', value: 'any', lead: EMPTY, expected: false },
    { operator: 'is_not_excluded_from', value: 'email', lead: [participating('email')], expected: true },
    { operator: 'is_not_excluded_from', value: 'email', lead: [excluded('email')], expected: false },
    { operator: 'is_not_excluded_from', value: 'any', lead: EMPTY, expected: true },
  ],
});

runOperatorCases({
  family: 'campaignResponse',
  fields: ['campaignResponse'],
  leadField: campaignsField,
  emptyValues: noCampaigns,
  cases: [
    { operator: 'responded', value: { campaignId: 'email', responses: ['opened', 'clicked'] }, lead: [participating('email', 'clicked')], expected: true },
    { operator: 'responded', value: { campaignId: 'any', responses: ['replied'] }, lead: [participating('email'), participating('chat', 'replied')], expected: true },
    { operator: 'responded', value: { campaignId: 'email', responses: ['unsubscribed'] }, lead: [excluded('email', 'unsubscribed')], expected: true },
    { operator: 'responded', value: { campaignId: 'email', responses: ['opened'] }, lead: [participating('chat', 'opened')], expected: false },
    { operator: 'responded', value: { campaignId: 'email', responses: ['opened'] }, lead: [participating('email', 'bounced'), participating('email')], expected: false },
    { operator: 'responded', value: { campaignId: 'any', responses: ['opened'] }, lead: EMPTY, expected: false },
    { operator: 'not_responded', value: { campaignId: 'email', responses: ['opened'] }, lead: [participating('email')], expected: true },
    { operator: 'not_responded', value: { campaignId: 'email', responses: ['opened'] }, lead: [participating('email', 'opened')], expected: false },
    { operator: 'not_responded', value: { campaignId: 'any', responses: ['opened'] }, lead: EMPTY, expected: true },
  ],
});
