/**
 * Acme CRM's fixed catalogue, shared by the demo server and its web app: lead statuses and
 * priorities, the four campaigns of docs/semantics.md §6, and the three users of the one demo organisation.
 */

/** Lead statuses in pipeline order. The CSV mapping (docs/semantics.md §6) produces New, Contacted and Converted. */
export const LEAD_STATUSES = ['New', 'Contacted', 'Qualified', 'Converted', 'Lost'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/** Lead priorities, highest first (docs/semantics.md §6: from `Lead Quality`). */
export const LEAD_PRIORITIES = ['High', 'Medium', 'Low'] as const;

/** Campaign statuses as Acme CRM spells them. */
export type CampaignStatusLabel = 'Draft' | 'Active' | 'Paused' | 'Completed';

/** A campaign as the demo defines it (docs/semantics.md §6). */
export interface CampaignDefinition {
  id: string;
  name: string;
  channel: 'Email' | 'SMS' | 'Chat' | 'Webinar';
  status: CampaignStatusLabel;
}

/** The four campaigns of docs/semantics.md §6, in display order. */
export const CAMPAIGNS: readonly CampaignDefinition[] = [
  { id: 'email', name: 'Course Launch Email', channel: 'Email', status: 'Active' },
  { id: 'sms', name: 'SMS Follow-up', channel: 'SMS', status: 'Active' },
  { id: 'chat', name: 'Website Chat Outreach', channel: 'Chat', status: 'Paused' },
  { id: 'webinar', name: 'Spring Webinar', channel: 'Webinar', status: 'Completed' },
];

/** A campaign response as the demo records it ("" = none). */
export type DemoCampaignResponse = '' | 'opened' | 'clicked' | 'replied' | 'interested' | 'bounced' | 'unsubscribed';

/**
 * `Last Activity` of the real dataset → the campaign entry it stands for (docs/semantics.md, demo
 * mapping). The one copy: the demo server and the benchmarks' synthetic leads both read it.
 */
export const CAMPAIGN_BY_ACTIVITY: Readonly<Record<string, { campaignId: string; response: DemoCampaignResponse }>> = {
  'Email Opened': { campaignId: 'email', response: 'opened' },
  'Email Link Clicked': { campaignId: 'email', response: 'clicked' },
  'Email Bounced': { campaignId: 'email', response: 'bounced' },
  Unsubscribed: { campaignId: 'email', response: 'unsubscribed' },
  'Email Marked Spam': { campaignId: 'email', response: 'unsubscribed' },
  'Email Received': { campaignId: 'email', response: 'replied' },
  'SMS Sent': { campaignId: 'sms', response: '' },
  'Olark Chat Conversation': { campaignId: 'chat', response: 'replied' },
  'Form Submitted on Website': { campaignId: 'webinar', response: 'interested' },
};

/** User roles (docs/semantics.md §7). */
export type UserRole = 'owner' | 'admin' | 'member';

/** A demo user. */
export interface DemoUser {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  title: string;
}

/** The demo organisation every user belongs to. */
export const ORG = { id: 'org-acme', name: 'Acme Education' } as const;

/** The three switchable users: an owner, an admin and a member (issue 3). The first is signed in at start. */
export const USERS: readonly DemoUser[] = [
  { id: 'u-olivia', name: 'Olivia Bennett', email: 'olivia.bennett@acme.example', role: 'owner', title: 'Head of Sales' },
  { id: 'u-marcus', name: 'Marcus Reyes', email: 'marcus.reyes@acme.example', role: 'admin', title: 'Sales Operations' },
  { id: 'u-priya', name: 'Priya Shah', email: 'priya.shah@acme.example', role: 'member', title: 'Account Executive' },
];
