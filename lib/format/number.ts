/**
 * The one number format of the extension (issue 11 §5: "9,240 leads" in the popup as in the side
 * panel): the browser's language, digit grouping, at most 2 decimals. Every count and figure
 * shown to the user goes through here (or `ValueFormatter.number`, which uses the same format).
 */

/** The browser UI language, or undefined (the runtime default) where there is none. */
export function runtimeLocale(): string | undefined {
  return typeof navigator !== 'undefined' && navigator.language ? navigator.language : undefined;
}

const cache = new Map<string, Intl.NumberFormat>();

/** The shared `Intl.NumberFormat` for `locale` (default: the browser's). An unknown locale falls back to the default. */
export function numberFormat(locale: string | undefined = runtimeLocale()): Intl.NumberFormat {
  const key = locale ?? '';
  let format = cache.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    } catch {
      format = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
    }
    cache.set(key, format);
  }
  return format;
}

/** 9240 → "9,240" (en); '' for a missing or non-finite number. */
export function formatNumber(n: number | null | undefined, locale?: string): string {
  return typeof n === 'number' && Number.isFinite(n) ? numberFormat(locale).format(n) : '';
}

/**
 * The one plural rule of the extension: `singular` for exactly 1, `plural` for any other count
 * (0 values, 2 values, 1.5 values). For a word apart from its number ("1 value is", "3 values are").
 */
export function pluralWord(n: number, singular: string, plural: string): string {
  return n === 1 ? singular : plural;
}

/** A change with its sign: (4, "+") → "+4", (3, "−") → "−3"; zero has no sign ("0", never "−0"). */
export function signedChange(n: number, sign: '+' | '−', format: (n: number) => string = (v) => formatNumber(v)): string {
  return n === 0 ? format(0) : `${sign}${format(n)}`;
}

/** (9240, "lead", "leads") → "9,240 leads"; (1, …) → "1 lead". Every count shown with its noun goes through here. */
export function formatCount(n: number, singular: string, plural: string, locale?: string): string {
  return `${formatNumber(n, locale)} ${pluralWord(n, singular, plural)}`;
}
