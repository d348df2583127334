import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { CurrentUser } from '../../../lib/messaging/protocol';
import type { Segment } from '../../../lib/schema';
import { SharingMenu } from './sharing-menu';
import { ViewSwitch, canSeeOrganization, creatorsOf, type SegmentView } from './view-switch';

/** What the popup shows for the current user's view (docs/semantics.md §7). */
export interface OrgView {
  view: SegmentView;
  /** The segments of the chosen view (and creator), unsorted. */
  visible: Segment[];
  /** The current user's own segments (unique names, export, import). */
  mine: Segment[];
  /** The header controls: View, Created by, and the segments menu. */
  control: ComponentChildren;
}

export { canSeeOrganization } from './view-switch';

/**
 * The organization view (issue 8 §2): "My segments" (default) shows the segments `user` owns;
 * "All organization segments" — only for owners and admins — every segment of their
 * organization, optionally of one creator. A member never gets other people's segments; while
 * the user is unknown (`undefined`) nothing is shown.
 */
export function useOrgView(segments: readonly Segment[], user: CurrentUser | undefined): OrgView {
  const [chosen, setView] = useState<SegmentView>('mine');
  const [creator, setCreator] = useState('');
  const canSeeOrg = user !== undefined && canSeeOrganization(user);
  const view: SegmentView = canSeeOrg ? chosen : 'mine';
  const userId = user?.userId;
  const orgId = user?.orgId;
  const mine = useMemo(() => segments.filter((s) => s.ownerId === userId), [segments, userId]);
  const org = useMemo(() => segments.filter((s) => s.orgId === orgId || s.ownerId === userId), [segments, userId, orgId]);
  const creators = useMemo(() => creatorsOf(org), [org]);
  const creatorShown = creators.some((c) => c.id === creator) ? creator : '';
  const visible = view === 'mine' ? mine : creatorShown ? org.filter((s) => s.ownerId === creatorShown) : org;
  const control = user && (
    <>
      <ViewSwitch
        view={view}
        canSeeOrg={canSeeOrg}
        onView={setView}
        creators={creators}
        creator={creatorShown}
        onCreator={setCreator}
        myId={user.userId}
      />
      <SharingMenu mine={mine} />
    </>
  );
  return { view, visible, mine, control };
}
