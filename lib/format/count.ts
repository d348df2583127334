const COUNT_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A count as the UI writes every count: digits grouped with "," ("9,240"). */
export function formatCount(n: number): string {
  return COUNT_FORMAT.format(n);
}

/** A count with its noun: (1, "lead", "leads") → "1 lead"; (1234, …) → "1,234 leads". */
export function countOf(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
