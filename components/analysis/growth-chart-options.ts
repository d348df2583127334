import type uPlot from 'uplot';
import { dayToUtcMs } from '../../lib/analysis/days';
import type { DayPoint } from '../../lib/analysis/history-series';

const DAY_S = 86_400;

/** Colours the chart draws with (canvas needs concrete values, read from the page's CSS variables). */
export interface ChartColors {
  line: string;
  axis: string;
  grid: string;
}

/** The series as uPlot data: x = midnight UTC of each day in seconds, y = member count. */
export function chartData(series: readonly DayPoint[]): uPlot.AlignedData {
  return [series.map((p) => dayToUtcMs(p.day) / 1000), series.map((p) => p.count)];
}

/** A y-axis top a little above `max` on a round number, so the line never touches the frame. */
export function niceTop(max: number): number {
  if (max <= 0) return 1;
  const padded = max * 1.1;
  const step = 10 ** Math.floor(Math.log10(padded));
  return Math.ceil(padded / step) * step;
}

/** Tick steps of the member count axis: whole members only (1, 2, 5, 10, 20, 50 … 5 billion). */
const COUNT_INCRS = Array.from({ length: 30 }, (_, i) => [1, 2, 5][i % 3]! * 10 ** Math.floor(i / 3));

/** A tick value as text: -0 (from uPlot's float steps) shows as 0, never "−0". */
export function countLabel(numbers: Intl.NumberFormat, value: number): string {
  return numbers.format(value === 0 ? 0 : value);
}

/**
 * uPlot options for the growth chart: a stepped line of the daily member count (a count holds
 * until the day it changes), a day axis in UTC (history days are calendar days, placed at
 * midnight UTC, so the labels never shift with the viewer's zone), localised numbers, no legend
 * (the readout below the chart shows the hovered day) and no drag-zoom. One day of history gets one
 * date tick (the day itself), and the count axis ticks whole members only.
 */
export function growthChartOptions(
  UPlot: typeof uPlot,
  size: { width: number; height: number },
  options: { colors: ChartColors; locale?: string; pointCount: number; onHover: (index: number | null) => void },
): uPlot.Options {
  const { colors, locale } = options;
  const dayLabel = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const numbers = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const stepped = UPlot.paths.stepped?.({ align: 1 });
  return {
    width: size.width,
    height: size.height,
    tzDate: (ts) => UPlot.tzDate(new Date(ts * 1000), 'UTC'),
    legend: { show: false },
    cursor: { y: false, drag: { x: false, y: false, setScale: false }, points: { size: 8, fill: colors.line } },
    scales: {
      x: { time: true, range: (_u, min, max) => (min === max ? [min - DAY_S, max + DAY_S] : [min, max]) },
      y: { range: (_u, _min, max) => [0, niceTop(max)] },
    },
    axes: [
      {
        stroke: colors.axis,
        grid: { stroke: colors.grid, width: 1 },
        ticks: { stroke: colors.grid, width: 1 },
        incrs: [DAY_S, 2 * DAY_S, 7 * DAY_S, 14 * DAY_S, 28 * DAY_S, 91 * DAY_S, 182 * DAY_S, 364 * DAY_S],
        space: 52,
        // One point: its day alone (uPlot would label the padding around it with repeated dates).
        ...(options.pointCount === 1 ? { splits: (u: uPlot) => [u.data[0][0] ?? 0] } : {}),
        values: (_u, splits) => splits.map((s) => dayLabel.format(s * 1000)),
      },
      {
        stroke: colors.axis,
        grid: { stroke: colors.grid, width: 1 },
        ticks: { show: false },
        size: 44,
        incrs: COUNT_INCRS,
        values: (_u, splits) => splits.map((v) => countLabel(numbers, v)),
      },
    ],
    series: [
      {},
      {
        label: 'Members',
        stroke: colors.line,
        width: 2,
        fill: `${colors.line}22`,
        ...(stepped ? { paths: stepped } : {}),
        points: { show: options.pointCount <= 45, size: 5, fill: colors.line },
      },
    ],
    hooks: { setCursor: [(u) => options.onHover(u.cursor.idx ?? null)] },
  };
}
