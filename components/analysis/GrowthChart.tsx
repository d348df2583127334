import 'uplot/dist/uPlot.min.css';
import type uPlot from 'uplot';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { DayPoint } from '../../lib/analysis/history-series';
import { formatDay, growthSummary } from '../../lib/analysis/summary';
import { signedChange } from '../../lib/format/number';
import { safeColor } from '../../lib/format/color';
import { chartData, growthChartOptions, type ChartColors } from './growth-chart-options';

/** Props of {@link GrowthChart}. */
export interface GrowthChartProps {
  segmentName: string;
  color: string;
  /** Daily member counts (see `dailySeries`), oldest first. */
  series: readonly DayPoint[];
  locale?: string;
}

const CHART_HEIGHT = 190;

function cssColor(element: Element, variable: string, fallback: string): string {
  return getComputedStyle(element).getPropertyValue(variable).trim() || fallback;
}

/**
 * The growth chart of the analysis tab (docs/semantics.md §8): member count per day, drawn with uPlot (loaded
 * when first shown; its CSS is bundled). The plot is a focusable `role="img"` named by a text
 * summary; hovering — or ArrowLeft/ArrowRight/Home/End while it has focus — shows that day's
 * count and changes in the readout below. A "Daily figures" table gives every value as text.
 */
export function GrowthChart({ segmentName, color, series, locale }: GrowthChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const [index, setIndex] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  const readoutId = useId();
  const line = safeColor(color);
  const summary = growthSummary(segmentName, series, locale);

  useEffect(() => {
    const element = host.current;
    if (!element || series.length === 0) return;
    let disposed = false;
    let observer: ResizeObserver | undefined;
    import('uplot')
      .then(({ default: UPlot }) => {
        if (disposed) return;
        const colors: ChartColors = { line, axis: cssColor(element, '--text-3', '#6b7585'), grid: cssColor(element, '--border', '#e3e6eb') };
        const width = Math.max(200, element.clientWidth);
        const options = growthChartOptions(UPlot, { width, height: CHART_HEIGHT }, { colors, locale, pointCount: series.length, onHover: setIndex });
        plot.current = new UPlot(options, chartData(series), element);
        observer = new ResizeObserver(() => plot.current?.setSize({ width: Math.max(200, element.clientWidth), height: CHART_HEIGHT }));
        observer.observe(element);
      })
      .catch(() => {
        if (!disposed) setFailed(true);
      });
    return () => {
      disposed = true;
      observer?.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [series, line, locale]);

  const last = series.length - 1;
  const shown = index !== null && index >= 0 && index <= last ? index : last;
  const point = series[shown];

  const onKeyDown = (event: KeyboardEvent) => {
    const target = { ArrowLeft: shown - 1, ArrowRight: shown + 1, Home: 0, End: last }[event.key];
    if (target === undefined || last < 0) return;
    event.preventDefault();
    const next = Math.min(last, Math.max(0, target));
    setIndex(next);
    const u = plot.current;
    const x = u?.data[0][next];
    const y = u?.data[1]?.[next];
    if (u && x != null && y != null) u.setCursor({ left: u.valToPos(x, 'x'), top: u.valToPos(y, 'y') }, false);
  };

  if (series.length === 0) {
    return (
      <p class="growth-empty">
        No history yet. The member count is recorded for each day on which the segment&apos;s membership changes.
      </p>
    );
  }

  const number = new Intl.NumberFormat(locale);
  return (
    <figure class="growth">
      <figcaption class="growth-caption">Members over time</figcaption>
      <div
        class="growth-plot"
        ref={host}
        role="img"
        aria-label={summary}
        aria-describedby={readoutId}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onMouseLeave={() => setIndex(null)}
        data-days={series.length}
      />
      {failed && <p class="growth-empty">The chart could not be drawn here. {summary}</p>}
      {point && (
        <p class="growth-readout" id={readoutId} aria-live="polite">
          <strong>{formatDay(point.day, locale)}</strong> · {number.format(point.count)} {point.count === 1 ? 'member' : 'members'}
          {point.added + point.removed > 0 && (
            <span class="growth-changes">
              {' '}
              ({signedChange(point.added, '+', (v) => number.format(v))} added, {signedChange(point.removed, '−', (v) => number.format(v))} removed)
            </span>
          )}
        </p>
      )}
      <DailyFigures series={series} locale={locale} />
    </figure>
  );
}

/** Every day's figures as a table, newest first; rendered only while opened (it can be long). */
function DailyFigures({ series, locale }: { series: readonly DayPoint[]; locale?: string }) {
  const [open, setOpen] = useState(false);
  const number = new Intl.NumberFormat(locale);
  return (
    <details class="growth-table" onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
      <summary>Daily figures</summary>
      {open && (
        <table>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Members</th>
              <th scope="col">Added</th>
              <th scope="col">Removed</th>
            </tr>
          </thead>
          <tbody>
            {[...series].reverse().map((p) => (
              <tr key={p.day}>
                <th scope="row">{formatDay(p.day, locale)}</th>
                <td>{number.format(p.count)}</td>
                <td>{number.format(p.added)}</td>
                <td>{number.format(p.removed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
