import type { ComponentChildren } from 'preact';
import type { Campaign } from '../../../lib/schema';

/**
 * The warning a segment confirmation shows when active campaigns use the segment (docs/semantics.md §5):
 * "An active campaign uses this segment:" (or "N active campaigns …"), their names, then
 * `consequence` (what happens to them).
 */
export function CampaignsUsingBanner({ campaigns, children: consequence }: { campaigns: readonly Campaign[]; children: ComponentChildren }) {
  const count = campaigns.length;
  return (
    <div class="banner banner-warning">
      <p>{count === 1 ? 'An active campaign uses this segment:' : `${count} active campaigns use this segment:`}</p>
      <ul class="campaign-list">
        {campaigns.map((c) => (
          <li key={c.id}>{c.name || c.id}</li>
        ))}
      </ul>
      <p>{consequence}</p>
    </div>
  );
}
