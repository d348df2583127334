import './analysis.css';
import type { ComponentChildren } from 'preact';
import type { Segment } from '../../lib/schema';
import type { PanelView } from '../../lib/schema/panel-view';
import { CompareTable } from './CompareTable';
import { PanelTabs, tabIds, type PanelTab } from './PanelTabs';
import { SegmentAnalysis } from './SegmentAnalysis';

const TABS: ReadonlyArray<PanelTab<PanelView>> = [
  { id: 'members', label: 'Members' },
  { id: 'analysis', label: 'Analysis' },
  { id: 'compare', label: 'Compare' },
];
const ID_BASE = 'segment-view';

/** Props of {@link SegmentViews}. */
export interface SegmentViewsProps {
  view: PanelView;
  onViewChange: (view: PanelView) => void;
  segment: Segment;
  /** Every segment the panel lists (the Compare view ranks them). */
  segments: readonly Segment[];
  /** Shows another segment's analysis (from the Compare view). */
  onOpenAnalysis: (segmentId: string) => void;
  /** The Members view (the member table). */
  members: ComponentChildren;
}

/**
 * The tabs under the segment summary (issue 8 §5): "Members" (the member table), "Analysis"
 * (growth, changes and conversion of this segment) and "Compare" (every segment ranked). Only
 * the selected view is mounted.
 */
export function SegmentViews({ view, onViewChange, segment, segments, onOpenAnalysis, members }: SegmentViewsProps) {
  const ids = tabIds(ID_BASE, view);
  return (
    <div class="segment-views">
      <PanelTabs label="Segment views" tabs={TABS} selected={view} onSelect={onViewChange} idBase={ID_BASE} />
      <div class="tab-panel" role="tabpanel" id={ids.panel} aria-labelledby={ids.tab}>
        {view === 'members' && members}
        {view === 'analysis' && (
          <div class="tab-scroll">
            <SegmentAnalysis key={segment.id} segment={segment} />
          </div>
        )}
        {view === 'compare' && (
          <div class="tab-scroll">
            <CompareTable segments={segments} onOpenSegment={onOpenAnalysis} />
          </div>
        )}
      </div>
    </div>
  );
}
