/**
 * Acme CRM's custom field definitions (docs/semantics.md §6 "custom" row), in Acme's own vocabulary of field
 * types (HubSpot-like: string, number, bool, enumeration, …), with the CSV column each comes from.
 */

/** Field types as Acme CRM names them. */
export type DemoFieldType = 'string' | 'number' | 'datetime' | 'bool' | 'enumeration' | 'multi_enumeration';

/** A custom field of the demo CRM and the CSV column it is read from. */
export interface DemoFieldDefinition {
  key: string;
  label: string;
  type: DemoFieldType;
  column: string;
}

/** The 14 custom fields of docs/semantics.md §6, in display order. */
export const DEMO_CUSTOM_FIELDS: readonly DemoFieldDefinition[] = [
  { key: 'total_visits', label: 'Total visits', type: 'number', column: 'TotalVisits' },
  { key: 'time_on_site_s', label: 'Time on site (s)', type: 'number', column: 'Total Time Spent on Website' },
  { key: 'page_views_per_visit', label: 'Page views per visit', type: 'number', column: 'Page Views Per Visit' },
  { key: 'activity_score', label: 'Activity score', type: 'number', column: 'Asymmetrique Activity Score' },
  { key: 'profile_score', label: 'Profile score', type: 'number', column: 'Asymmetrique Profile Score' },
  { key: 'last_activity', label: 'Last activity', type: 'enumeration', column: 'Last Activity' },
  { key: 'last_notable_activity', label: 'Last notable activity', type: 'enumeration', column: 'Last Notable Activity' },
  { key: 'specialization', label: 'Specialization', type: 'enumeration', column: 'Specialization' },
  { key: 'occupation', label: 'Occupation', type: 'enumeration', column: 'What is your current occupation' },
  { key: 'city', label: 'City', type: 'enumeration', column: 'City' },
  { key: 'lead_quality', label: 'Lead quality', type: 'enumeration', column: 'Lead Quality' },
  { key: 'do_not_email', label: 'Do not email', type: 'bool', column: 'Do Not Email' },
  { key: 'do_not_call', label: 'Do not call', type: 'bool', column: 'Do Not Call' },
  { key: 'prospect_id', label: 'Prospect ID', type: 'string', column: 'Prospect ID' },
];

/** The placeholder the source form stored for "nothing chosen" (docs/semantics.md §6: "Select" → empty). */
export const SELECT_PLACEHOLDER = 'Select';

/** Prefix of custom field properties in an API lead record (`cf_total_visits`, …). */
export const CUSTOM_PROPERTY_PREFIX = 'cf_';
