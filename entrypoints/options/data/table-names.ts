/** What each table holds, in words (tables added later show their own name). */
const TABLE_LABELS: Readonly<Record<string, string>> = {
  leads: 'Leads',
  segments: 'Segments',
  memberships: 'Memberships',
  segmentHistory: 'History rows',
  campaigns: 'Campaigns',
  customFields: 'Custom fields',
  jobs: 'Refresh jobs',
  meta: 'Settings and state',
};

/** A table's name for people ("segmentHistory" → "History rows"). */
export function tableLabel(name: string): string {
  return Object.prototype.hasOwnProperty.call(TABLE_LABELS, name) ? (TABLE_LABELS[name] as string) : name;
}
