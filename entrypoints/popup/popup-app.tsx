import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { listCampaigns, listCustomFields, listJobs, listSegments, type SegmentOverview } from '../../lib/db';
import type { CurrentUser, Result } from '../../lib/messaging/protocol';
import type { Segment } from '../../lib/schema';
import { useDb } from '../../components/db-context';
import { useLiveQuery } from '../../components/use-live-query';
import { CampaignsView } from './campaigns/campaigns-view';
import { PopupTabs, TAB_PANEL_ID, tabId } from './campaigns/popup-tabs';
import type { DraftStore, SavedDraft } from './editor/draft-store';
import { SegmentEditor } from './editor/segment-editor';
import { SyncHeader } from './header/sync-header';
import { SegmentList } from './list/segment-list';
import { useCurrentUser } from '../../components/use-current-user';
import { useOrgView } from './org/use-org-view';

/** Props of {@link PopupApp}. */
export interface PopupAppProps {
  draftStore: DraftStore;
  getActiveTabUrl: () => Promise<string | undefined>;
  /** Preview debounce (ms) for the editor; tests shorten it. */
  previewDelayMs?: number;
  /** Room for the organization view switch (docs/semantics.md §7). */
  viewSwitch?: ComponentChildren;
  /** What was read and asked while the popup's scripts started (main.tsx), shown in the first render. */
  initial?: PopupStart;
}

/** The popup's first data, read before its first render: the segment list's rows and who is signed in. */
export interface PopupStart {
  overview?: SegmentOverview;
  user?: Result<CurrentUser>;
}

type View =
  | { kind: 'list'; highlightId?: string }
  | { kind: 'campaigns' }
  | { kind: 'editor'; segmentId?: string; restored?: SavedDraft; key: number };

/**
 * The popup (issue 4): the header, then either the segment list or the editor. Data comes from
 * live queries on the database; an unsaved draft found at start-up reopens the editor on it.
 */
export function PopupApp({ draftStore, getActiveTabUrl, previewDelayMs, viewSwitch, initial }: PopupAppProps) {
  const db = useDb();
  // Stored rows only (segments carry their member counts): nothing here counts leads or members.
  const first = initial?.overview;
  const segments = useLiveQuery(() => listSegments(db), [db], first?.segments);
  const campaigns = useLiveQuery(() => listCampaigns(db), [db], first?.campaigns);
  const customFields = useLiveQuery(() => listCustomFields(db), [db], first?.customFields);
  const jobs = useLiveQuery(() => listJobs(db), [db], first?.jobs);
  const [view, setView] = useState<View>(() => {
    const restored = draftStore.load();
    return restored ? { kind: 'editor', segmentId: restored.segmentId, restored, key: 0 } : { kind: 'list' };
  });

  const identity = useCurrentUser(initial?.user);
  const user = identity.status === 'known' ? identity.user : undefined;
  const org = useOrgView(segments.data ?? [], user);

  const error = segments.error ?? campaigns.error ?? customFields.error;
  const ready = segments.data && campaigns.data && customFields.data && identity.status !== 'loading';

  let body: ComponentChildren;
  if (error && !ready) {
    body = (
      <div class="banner banner-error" role="alert">
        <strong>Could not read your segments.</strong> {error.message}
      </div>
    );
  } else if (identity.status === 'error') {
    body = (
      <div class="banner banner-error" role="alert">
        <strong>Could not tell who is signed in.</strong> {identity.error}
      </div>
    );
  } else if (!ready) {
    body = (
      <div class="loading" aria-busy="true">
        <span class="spinner" aria-hidden="true" /> Loading segments…
      </div>
    );
  } else if (view.kind === 'editor') {
    const segment = view.segmentId ? org.mine.find((s) => s.id === view.segmentId) : undefined;
    body = (
      <SegmentEditor
        key={view.key}
        segment={segment}
        restored={view.restored}
        segments={org.mine}
        customFields={customFields.data!}
        campaigns={campaigns.data!}
        draftStore={draftStore}
        previewDelayMs={previewDelayMs}
        onDone={(saved?: Segment) => setView({ kind: 'list', highlightId: saved?.id })}
      />
    );
  } else if (view.kind === 'campaigns') {
    body = <CampaignsView campaigns={campaigns.data!} segments={segments.data!} customFields={customFields.data!} />;
  } else {
    body = (
      <SegmentList
        segments={org.visible}
        currentUserId={user?.userId}
        campaigns={campaigns.data!}
        customFields={customFields.data!}
        jobs={jobs.data ?? []}
        highlightId={view.highlightId}
        onCreate={() => setView({ kind: 'editor', key: Date.now() })}
        onEdit={(segment) => setView({ kind: 'editor', segmentId: segment.id, key: Date.now() })}
      />
    );
  }

  return (
    <div class={`popup view-${view.kind}`}>
      <SyncHeader getActiveTabUrl={getActiveTabUrl} viewSwitch={viewSwitch ?? org.control} />
      {view.kind === 'editor' ? (
        <main class="popup-main">{body}</main>
      ) : (
        <>
          <PopupTabs
            selected={view.kind === 'campaigns' ? 'campaigns' : 'segments'}
            onSelect={(tab) => setView(tab === 'campaigns' ? { kind: 'campaigns' } : { kind: 'list' })}
          />
          <main class="popup-main">
            <div class="popup-main" role="tabpanel" id={TAB_PANEL_ID} aria-labelledby={tabId(view.kind === 'campaigns' ? 'campaigns' : 'segments')}>
              {body}
            </div>
          </main>
        </>
      )}
    </div>
  );
}
