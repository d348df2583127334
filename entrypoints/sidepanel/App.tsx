import type { Rect } from '@tanstack/virtual-core';
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { SegmentViews } from '../../components/analysis/SegmentViews';
import { BackgroundProvider } from '../../components/background-context';
import { DbProvider, useDb } from '../../components/db-context';
import { FormatterProvider } from '../../components/members/formatter-context';
import { MemberDetails } from '../../components/members/MemberDetails';
import { loadLastSegmentId, saveLastSegmentId } from '../../components/members/preferences';
import { SegmentMembers } from '../../components/members/SegmentMembers';
import { SegmentPicker } from '../../components/members/SegmentPicker';
import { SegmentSummary } from '../../components/members/SegmentSummary';
import { useRefreshJob } from '../../components/members/use-refresh-job';
import { EmptyState, ErrorState, LoadingState } from '../../components/members/states';
import { useLiveQuery } from '../../components/use-live-query';
import type { CrmSegmentsDB } from '../../lib/db/database';
import { listCampaigns } from '../../lib/db/campaigns';
import { listCustomFields } from '../../lib/db/custom-fields';
import { listSegments } from '../../lib/db/segments';
import { getEvaluationTimeZone } from '../../lib/db/settings';
import type { SendToBackground } from '../../lib/messaging/client';
import type { Campaign, CustomFieldDef, Segment } from '../../lib/schema';
import type { SegmentOverview } from '../../lib/db/segment-overview';
import type { FirstMemberPage } from '../../components/members/use-member-list';
import type { PanelView } from '../../lib/schema/panel-view';
import { sameTarget, type PanelTarget } from './navigation';
import type { NavigationSource } from './navigation-source';

/** The panel's first data, read before its first render: the segment rows and the first page of the target segment's members. */
export interface PanelStart {
  overview?: SegmentOverview;
  firstPage?: FirstMemberPage;
}

/** The target without its tab request (what `sameTarget` compares). */
function withoutView({ view: _view, ...where }: PanelTarget): PanelTarget {
  return where;
}

/** Props of {@link SidePanelApp}. */
export interface SidePanelAppProps {
  db: CrmSegmentsDB;
  send: SendToBackground;
  /** From the URL (`?segment=…&lead=…`). */
  initialTarget: PanelTarget;
  /** Later navigation requests (the background via storage.session); none in tests by default. */
  navigation?: NavigationSource;
  /** Called whenever the view changes (main.tsx mirrors it into the URL). */
  onTargetChange?: (target: PanelTarget) => void;
  /** Pin locale / time zone (tests); default: the browser's. */
  locale?: string;
  timeZone?: string;
  /** Table viewport while there is no layout (tests). */
  initialRect?: Rect;
  /** What was read while the panel's scripts started (main.tsx), shown in the first render. */
  initial?: PanelStart;
  download?: (fileName: string, text: string) => void;
  copy?: (text: string) => Promise<void>;
}

/**
 * The side panel (Chrome side panel / Firefox sidebar, issue 5): the segment picker and summary
 * on top, then the chosen segment's members with details, or — for `?lead=` alone — that lead's
 * details with every segment it is in.
 */
export function SidePanelApp(props: SidePanelAppProps) {
  return (
    <DbProvider db={props.db}>
      <BackgroundProvider send={props.send}>
        <ZonedFormatter locale={props.locale} timeZone={props.timeZone}>
          <SidePanel {...props} />
        </ZonedFormatter>
      </BackgroundProvider>
    </DbProvider>
  );
}

/**
 * Formats and explains in the evaluation time zone (the options page setting, else the
 * browser's: lib/db/settings.ts), so "Why they match" agrees with the memberships the background
 * computed. A `timeZone` prop pins it (tests).
 */
function ZonedFormatter({ locale, timeZone, children }: { locale?: string; timeZone?: string; children: ComponentChildren }) {
  const db = useDb();
  const setting = useLiveQuery(() => getEvaluationTimeZone(db), [db]);
  return (
    <FormatterProvider locale={locale} timeZone={timeZone ?? setting.data}>
      {children}
    </FormatterProvider>
  );
}

function SidePanel({ initialTarget, navigation, onTargetChange, initialRect, download, copy, initial }: SidePanelAppProps) {
  const db = useDb();
  const [target, setTarget] = useState<PanelTarget>(() => withoutView(initialTarget));
  const [view, setView] = useState<PanelView>(initialTarget.view ?? 'members');
  const latestView = useRef(view);
  const [initialChecked, setInitialChecked] = useState(Boolean(initialTarget.segmentId || initialTarget.leadId) || !navigation);
  const latestTarget = useRef(target);
  latestTarget.current = target;
  const latestOnTargetChange = useRef(onTargetChange);
  latestOnTargetChange.current = onTargetChange;
  const [initiallyEmpty] = useState(() => !initialTarget.segmentId && !initialTarget.leadId);

  const navigate = useCallback(
    (next: PanelTarget) => {
      // A lead's details live in the Members tab; otherwise keep the tab unless one is asked for.
      const where = withoutView(next);
      const nextView = next.view ?? (where.leadId ? 'members' : latestView.current);
      const moved = !sameTarget(latestTarget.current, where);
      if (!moved && nextView === latestView.current) return;
      latestTarget.current = where;
      latestView.current = nextView;
      if (moved) setTarget(where);
      setView(nextView);
      latestOnTargetChange.current?.(nextView === 'members' ? where : { ...where, view: nextView });
    },
    [],
  );

  useEffect(() => {
    if (!navigation) return;
    let cancelled = false;
    if (initiallyEmpty) {
      void navigation.initial().then((stored) => {
        if (cancelled) return;
        if (stored) navigate(stored);
        setInitialChecked(true);
      });
    }
    const unsubscribe = navigation.subscribe(navigate);
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [navigation, initiallyEmpty, navigate]);

  const first = initial?.overview;
  const segments = useLiveQuery<Segment[]>(() => listSegments(db), [db], first?.segments);
  const customFields = useLiveQuery<CustomFieldDef[]>(() => listCustomFields(db), [db], first?.customFields);
  const campaigns = useLiveQuery<Campaign[]>(() => listCampaigns(db), [db], first?.campaigns);
  const loaded = segments.data !== undefined && customFields.data !== undefined && campaigns.data !== undefined;
  const readError = segments.error ?? customFields.error ?? campaigns.error;
  const segment = target.segmentId ? segments.data?.find((s) => s.id === target.segmentId) : undefined;
  const job = useRefreshJob(segment?.status === 'active' ? segment.id : undefined, first?.jobs);

  // Without a target, reopen the last segment shown (or the first one).
  useEffect(() => {
    if (!loaded || !initialChecked || target.segmentId || target.leadId) return;
    const list = segments.data ?? [];
    if (list.length === 0) return;
    const last = loadLastSegmentId();
    const first = [...list].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }))[0]!;
    navigate({ segmentId: last && list.some((s) => s.id === last) ? last : first.id });
  }, [loaded, initialChecked, target, segments.data, navigate]);

  const segmentId = segment?.id;
  const segmentName = segment?.name;
  useEffect(() => {
    if (segmentId) saveLastSegmentId(segmentId);
    document.title = segmentName !== undefined ? `${segmentName} · Segment members` : target.leadId ? 'Member details' : 'Segment members';
  }, [segmentId, segmentName, target.leadId]);

  const openSegment = (segmentId: string, leadId?: string) => navigate({ segmentId, ...(leadId ? { leadId } : {}) });

  let content;
  if (readError && !loaded) {
    content = (
      <ErrorState
        title="Could not read the extension's data"
        message={`${readError.message}. Reload the panel; if it keeps failing, check the options page.`}
        onRetry={() => location.reload()}
      />
    );
  } else if (!loaded) {
    content = <LoadingState label="Loading segments…" />;
  } else if (target.segmentId && segment) {
    const members = (
      <SegmentMembers
        key={segment.id}
        segment={segment}
        segments={segments.data!}
        customFields={customFields.data!}
        campaigns={campaigns.data!}
        leadId={target.leadId}
        job={job}
        onOpenLead={(leadId) => navigate({ segmentId: segment.id, leadId })}
        onCloseLead={() => navigate({ segmentId: segment.id })}
        onOpenSegment={openSegment}
        initialRect={initialRect}
        firstPage={initial?.firstPage}
        download={download}
        copy={copy}
      />
    );
    content = (
      <SegmentViews
        view={view}
        onViewChange={(next) => navigate({ ...latestTarget.current, view: next })}
        segment={segment}
        segments={segments.data!}
        onOpenAnalysis={(segmentId) => navigate({ segmentId, view: 'analysis' })}
        members={members}
      />
    );
  } else if (target.segmentId) {
    content = (
      <EmptyState title="This segment no longer exists">
        It may have been deleted. Choose another segment above.
      </EmptyState>
    );
  } else if (target.leadId) {
    content = (
      <div class="lead-view">
        <MemberDetails
          leadId={target.leadId}
          segments={segments.data!}
          customFields={customFields.data!}
          campaigns={campaigns.data!}
          onOpenSegment={(segmentId) => openSegment(segmentId, target.leadId)}
          autoFocus
        />
      </div>
    );
  } else if ((segments.data ?? []).length === 0) {
    content = (
      <EmptyState title="No segments yet">
        Create a segment from the CRM Segments button in the toolbar; its members will be listed here.
      </EmptyState>
    );
  } else {
    content = <LoadingState label="Opening segment…" />;
  }

  return (
    <div class="app">
      <header class="app-header">
        <SegmentPicker
          segments={segments.data ?? []}
          value={target.segmentId}
          onChange={(segmentId) => navigate({ segmentId })}
          disabled={!loaded}
        />
        {segment && loaded && <SegmentSummary segment={segment} customFields={customFields.data!} campaigns={campaigns.data!} segments={segments.data!} job={job} />}
      </header>
      <main class="app-main">{content}</main>
    </div>
  );
}
