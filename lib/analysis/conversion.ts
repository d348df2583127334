import { normalizeText } from '../engine';

/** A segment's conversion: how many members, how many of them converted, and the share. */
export interface Conversion {
  members: number;
  converted: number;
  /** `converted / members` in [0, 1]; `null` when the segment has no members. */
  rate: number | null;
}

/**
 * A test for "is this status converted?" (docs/semantics.md §8). Statuses compare as rule text does (docs/semantics.md §3
 * rule 3: trimmed, case-insensitive), so "won" in the settings matches a lead's "Won".
 */
export function convertedStatusTest(convertedStatuses: readonly string[]): (status: string | undefined) => boolean {
  const converted = new Set(convertedStatuses.map((s) => normalizeText(s)));
  return (status) => status !== undefined && converted.has(normalizeText(status));
}

/**
 * The conversion rate of members with these statuses (one entry per member; `undefined` = no
 * status, never converted): the share whose status is one of `convertedStatuses` (docs/semantics.md §8).
 */
export function conversionOf(statuses: Iterable<string | undefined>, convertedStatuses: readonly string[]): Conversion {
  const isConverted = convertedStatusTest(convertedStatuses);
  let members = 0;
  let converted = 0;
  for (const status of statuses) {
    members += 1;
    if (isConverted(status)) converted += 1;
  }
  return { members, converted, rate: members === 0 ? null : converted / members };
}

/**
 * The rate as a percentage with one decimal in `locale`, e.g. "12.3%" (en-US); "—" when there is
 * no rate (no members).
 */
export function formatRate(rate: number | null, locale?: string): string {
  if (rate === null) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rate);
}

/** The contract text of the analysis tab (issue 8 §5): "Conversion rate 12.3%" ("Conversion rate —" without members). */
export function conversionRateText(rate: number | null, locale?: string): string {
  return `Conversion rate ${formatRate(rate, locale)}`;
}

/**
 * The distinct statuses among `statuses` with how many leads have each, most common first (ties
 * A→Z); empty statuses skipped. Suggestions for the converted-statuses setting.
 */
export function statusCounts(statuses: Iterable<string | undefined>): Array<{ value: string; count: number }> {
  const counts = new Map<string, number>();
  for (const status of statuses) {
    const value = status?.trim();
    if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
