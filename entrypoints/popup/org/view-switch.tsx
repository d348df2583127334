import './org.css';
import type { CurrentUser } from '../../../lib/messaging/protocol';
import type { Segment } from '../../../lib/schema';

/** The popup's segment views (docs/semantics.md §7). */
export type SegmentView = 'mine' | 'org';

/** Visible text of each view (contract: issue 8 §2). */
export const VIEW_LABELS: Record<SegmentView, string> = { mine: 'My segments', org: 'All organization segments' };

/** Owners and admins may see the whole organization's segments; members only their own. */
export function canSeeOrganization(user: Pick<CurrentUser, 'role'>): boolean {
  return user.role === 'owner' || user.role === 'admin';
}

/** One creator of segments in the organization view. */
export interface Creator {
  id: string;
  name: string;
}

/** Props of {@link ViewSwitch}. */
export interface ViewSwitchProps {
  view: SegmentView;
  /** False for members: only "My segments" is offered. */
  canSeeOrg: boolean;
  onView: (view: SegmentView) => void;
  creators: readonly Creator[];
  /** The chosen creator's user id, '' for everyone. */
  creator: string;
  onCreator: (creatorId: string) => void;
  /** Shown after a creator's name (the current user). */
  myId: string;
}

/** The distinct creators of `segments`, by name. */
export function creatorsOf(segments: readonly Segment[]): Creator[] {
  const byId = new Map<string, string>();
  for (const s of segments) if (!byId.has(s.ownerId)) byId.set(s.ownerId, s.ownerName || s.ownerId);
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The organization view switch (issue 8 §2, docs/semantics.md §7): a native `<select>` "View" with
 * "My segments" and — for owners and admins only — "All organization segments"; in the
 * organization view, a `<select>` "Created by" (everyone, or one creator).
 */
export function ViewSwitch({ view, canSeeOrg, onView, creators, creator, onCreator, myId }: ViewSwitchProps) {
  return (
    <div class="org-switch">
      <label class="org-field">
        <span class="org-label">View</span>
        <select class="select select-compact" value={view} onChange={(e) => onView(e.currentTarget.value === 'org' ? 'org' : 'mine')}>
          <option value="mine">{VIEW_LABELS.mine}</option>
          {canSeeOrg && <option value="org">{VIEW_LABELS.org}</option>}
        </select>
      </label>
      {view === 'org' && (
        <label class="org-field">
          <span class="org-label">Created by</span>
          <select class="select select-compact" value={creator} onChange={(e) => onCreator(e.currentTarget.value)}>
            <option value="">Everyone</option>
            {creators.map((c) => (
              <option key={c.id} value={c.id}>
                {c.id === myId ? `${c.name} (you)` : c.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
