import { csvValue, type MemberColumn, type MemberRow } from '../format/member-columns';
import { buildCsv } from './csv';

/**
 * The CSV document of `rows` with `columns` (header = column labels), values as
 * {@link csvValue} gives them (dates in `timeZone`), formula-neutralised, with a UTF-8 BOM.
 */
export function membersCsv(rows: readonly MemberRow[], columns: readonly MemberColumn[], timeZone: string): string {
  return buildCsv(
    columns.map((c) => c.label),
    rows.map((row) => columns.map((c) => csvValue(row, c, timeZone))),
  );
}

/**
 * The distinct non-empty email addresses of `rows`, in row order (case-insensitive duplicates
 * dropped), for "Copy emails".
 */
export function memberEmails(rows: readonly MemberRow[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const { lead } of rows) {
    const email = lead.email?.trim();
    if (!email) continue;
    const key = email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(email);
  }
  return out;
}
