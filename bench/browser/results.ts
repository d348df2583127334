import { markdownTable } from '../report';

/** One measured operation: ours next to its raw IndexedDB baseline, and the target it is held to. */
export interface ResultRow {
  /** Stored leads when measured (e.g. 100,000), or a label such as "9,240 real". */
  leads: string;
  operation: string;
  /** Our figure, ms (a median or a total, as `note` says). */
  ours: number;
  /** The raw baseline's figure, ms, when there is one. */
  baseline?: number;
  /** What the target asks, in words ("≤ 2× raw", "< 150 ms"); undefined: reported only. */
  target?: string;
  /** Whether the target is met (undefined when there is no target). */
  met?: boolean;
  note?: string;
  /** True when ours did not finish: stopped at the cap, `ours` is the cap. */
  capped?: boolean;
  /** Unit of `ours` and `baseline` (default "ms"). */
  unit?: string;
}

const rows: ResultRow[] = [];

/** The operation of the last recorded row (the heap sampler names the step a peak fell in by it). */
export const lastRecorded = (): string => {
  const row = rows[rows.length - 1];
  return row ? `[${row.leads}] ${row.operation}` : 'the start';
};
const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1));

/** Records a row and logs it to stderr as it comes. */
export function record(row: ResultRow): void {
  rows.push(row);
  const ratio = row.baseline ? ` (${(row.ours / row.baseline).toFixed(2)}×)` : '';
  const unit = row.unit ?? 'ms';
  console.error(`[${row.leads}] ${row.operation}: ${fmt(row.ours)} ${unit} vs ${row.baseline === undefined ? '—' : `${fmt(row.baseline)} ${unit}`}${ratio}${row.met === undefined ? '' : row.met ? ' MET' : ' NOT MET'} ${row.note ?? ''}`);
}

/** Target "at most `limit` × the baseline": the fields of a row. */
export function ratioTarget(ours: number, baseline: number, limit: number, applies = true): Pick<ResultRow, 'target' | 'met'> {
  return applies ? { target: `≤ ${limit}× raw`, met: ours <= limit * baseline } : {};
}

/** Target "under `limit` ms": the fields of a row. */
export function absoluteTarget(ours: number, limit: number, applies = true, unit = 'ms'): Pick<ResultRow, 'target' | 'met'> {
  return applies ? { target: `< ${limit.toLocaleString('en-US')} ${unit}`, met: ours < limit } : {};
}

/** The median of `xs` (upper middle for an even count). */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Every recorded row as a Markdown table. */
export function resultsTable(): string {
  return markdownTable(
    ['leads', 'operation', 'ours', 'raw IndexedDB', 'ratio', 'target', 'met', 'notes'],
    rows.map((r) => [
      r.leads,
      r.operation,
      `${r.capped ? '> ' : ''}${fmt(r.ours)} ${r.unit ?? 'ms'}`,
      r.baseline === undefined ? '—' : `${fmt(r.baseline)} ${r.unit ?? 'ms'}`,
      r.baseline ? `${r.capped ? '> ' : ''}${(r.ours / r.baseline).toFixed(2)}×` : '—',
      r.target ?? '—',
      r.met === undefined ? '—' : r.met ? 'yes' : '**no**',
      r.note ?? '',
    ]),
    [false, false, true, true, true, false, false, false],
  );
}
