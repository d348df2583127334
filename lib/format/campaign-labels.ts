/** Human labels for campaign entry states and responses (docs/semantics.md §2 values). */
const STATE_LABELS: Readonly<Record<string, string>> = { participating: 'Participating', excluded: 'Excluded' };

const RESPONSE_LABELS: Readonly<Record<string, string>> = {
  opened: 'Opened',
  clicked: 'Clicked',
  replied: 'Replied',
  interested: 'Interested',
  not_interested: 'Not interested',
  bounced: 'Bounced',
  unsubscribed: 'Unsubscribed',
};

const CAMPAIGN_STATUS_LABELS: Readonly<Record<string, string>> = {
  draft: 'Draft',
  active: 'Active',
  paused: 'Paused',
  completed: 'Completed',
};

/** "participating" → "Participating"; unknown values are shown as they are. */
export function campaignStateLabel(state: string): string {
  return STATE_LABELS[state] ?? state;
}

/** "not_interested" → "Not interested"; unknown values with "_" shown as spaces. */
export function campaignResponseLabel(response: string): string {
  return RESPONSE_LABELS[response] ?? response.replace(/_/g, ' ');
}

/** A campaign's status ("paused" → "Paused"). */
export function campaignStatusLabel(status: string): string {
  return CAMPAIGN_STATUS_LABELS[status] ?? status;
}
