import type { BackupSummary } from '../../../lib/db/backup';
import { formatCount } from '../../../lib/format/number';

/** What each table holds, in words, singular and plural (tables added later show their own name). */
const TABLE_WORDS: Readonly<Record<string, readonly [string, string]>> = {
  leads: ['lead', 'leads'],
  segments: ['segment', 'segments'],
  memberships: ['membership', 'memberships'],
  segmentHistory: ['history row', 'history rows'],
  campaigns: ['campaign', 'campaigns'],
  customFields: ['custom field', 'custom fields'],
  jobs: ['refresh job', 'refresh jobs'],
  meta: ['settings and state row', 'settings and state'],
};

/** Tables a one-line summary names (refresh jobs and internal state are left to the table view). */
const SUMMARY_TABLES: ReadonlySet<string> = new Set(['leads', 'segments', 'memberBlocks', 'segmentHistory', 'campaigns', 'customFields']);

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A table's name for people ("segmentHistory" → "History rows"). */
export function tableLabel(name: string): string {
  const words = Object.prototype.hasOwnProperty.call(TABLE_WORDS, name) ? TABLE_WORDS[name] : undefined;
  return words ? capital(words[1]) : name;
}

/** One line of a backup's contents: what people call it, and how many. */
export interface BackupContentLine {
  key: string;
  label: string;
  count: number;
}

/**
 * A backup's contents in the user's words: packed member blocks are shown as the memberships they
 * hold ("Memberships 3,120"), never under their table name; every other table as its rows.
 */
export function backupContents(summary: Pick<BackupSummary, 'counts' | 'memberships'>): BackupContentLine[] {
  return Object.entries(summary.counts).map(([table, count]) =>
    table === 'memberBlocks' ? { key: table, label: tableLabel('memberships'), count: summary.memberships } : { key: table, label: tableLabel(table), count },
  );
}

/** "2 leads, 1 segment, 2 memberships" (the data tables with rows; "no data" when they are empty). */
export function backupContentsText(summary: Pick<BackupSummary, 'counts' | 'memberships'>): string {
  const parts = backupContents(summary)
    .filter((line) => line.count > 0 && SUMMARY_TABLES.has(line.key))
    .map((line) => {
      const [one, many] = TABLE_WORDS[line.key === 'memberBlocks' ? 'memberships' : line.key] ?? [line.label, line.label];
      return formatCount(line.count, one, many);
    });
  return parts.length > 0 ? parts.join(', ') : 'no data';
}
