const COUNT_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A count as the UI writes every count: digits grouped with "," ("9,240"). */
export function formatCount(n: number): string {
  return COUNT_FORMAT.format(n);
}
