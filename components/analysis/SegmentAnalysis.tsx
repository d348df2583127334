import './analysis.css';
import { useId } from 'preact/hooks';
import { useDb } from '../db-context';
import { signedChange } from '../../lib/format/number';
import { useFormatter } from '../members/formatter-context';
import { ErrorState, LoadingState } from '../members/states';
import { useLiveQuery } from '../use-live-query';
import { conversionRateText } from '../../lib/analysis/conversion';
import { loadSegmentAnalysis, type SegmentAnalysis as Analysis } from '../../lib/analysis/load';
import type { Segment } from '../../lib/schema';
import { GrowthChart } from './GrowthChart';
import { useToday } from './use-today';

/**
 * The "Analysis" tab of the side panel (issue 8 §5, docs/semantics.md §8) for one segment: member count,
 * "Conversion rate N.N%" with what counted as converted, members added and removed in the last
 * 7 and 30 days, and the growth chart from SegmentHistory. Read live, so it follows syncs.
 */
export function SegmentAnalysis({ segment }: { segment: Segment }) {
  const db = useDb();
  const formatter = useFormatter();
  const { locale, timeZone } = formatter.context;
  const today = useToday(timeZone);
  const state = useLiveQuery(() => loadSegmentAnalysis(db, segment.id, today), [db, segment.id, today]);
  const analysis = state.data?.segmentId === segment.id ? state.data : undefined;

  if (state.error && !analysis) return <ErrorState title="Could not load the analysis" message={state.error.message} />;
  if (!analysis) return <LoadingState label="Loading analysis…" />;

  const n = formatter.number;
  const { conversion } = analysis;
  return (
    <div class="analysis">
      <section class="analysis-figures" aria-label="Key figures">
        <div class="figure-card">
          <p class="conversion-rate" data-rate={conversion.rate ?? ''}>
            {conversionRateText(conversion.rate, locale)}
          </p>
          <p class="figure-note">
            {conversion.members === 0
              ? 'No members yet.'
              : `${n(conversion.converted)} of ${n(conversion.members)} ${conversion.members === 1 ? 'member has' : 'members have'} a converted status`}{' '}
            <span class="figure-statuses">({analysis.convertedStatuses.join(', ')})</span>
          </p>
        </div>
        <ChangesTable analysis={analysis} />
      </section>
      <GrowthChart segmentName={segment.name} color={segment.color} series={analysis.series} locale={locale} />
    </div>
  );
}

/** Members added and removed in the last 7 and 30 days. */
function ChangesTable({ analysis }: { analysis: Analysis }) {
  const formatter = useFormatter();
  const titleId = useId();
  const n = formatter.number;
  const rows = [
    { label: 'Last 7 days', totals: analysis.last7 },
    { label: 'Last 30 days', totals: analysis.last30 },
  ];
  return (
    <div class="figure-card changes-card">
      <p class="figure-title" id={titleId}>
        Membership changes
      </p>
      <table class="changes-table" aria-labelledby={titleId}>
        <thead>
          <tr>
            <td />
            <th scope="col">Added</th>
            <th scope="col">Removed</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ label, totals }) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td class="is-added">{signedChange(totals.added, '+', n)}</td>
              <td class="is-removed">{signedChange(totals.removed, '−', n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
