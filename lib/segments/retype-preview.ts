import { getCustomField, leadsAfter, type CrmSegmentsDB } from '../db';
import { detectRetypeReading, isEmptyValue, valueConverter } from '../import/retype';
import { ownCustomValue, type CustomFieldType, type CustomValue } from '../schema';
import { textSamples } from './custom-field-changes';
import type { LeadColumns } from './lead-columns';

/** What a type change would do to the stored values, counted before the user confirms it. */
export interface RetypePreview {
  key: string;
  to: CustomFieldType;
  /** Leads holding a non-empty value of the field. */
  values: number;
  /** Of those, the values that cannot be read as the new type and would become empty. */
  emptied: number;
  /** Up to 3 of those values, as text (distinct). */
  examples: string[];
}

const CHUNK = 1000;
const EXAMPLES = 3;

/**
 * Counts how many stored values of custom field `key` a change to `type` would empty (issue 11
 * item 3), reading them exactly as `retypeCustomField` will (same sampled format detection, same
 * converter). Scans `leads` (the background's compact copy) when given, else the stored leads in
 * chunks. Writes nothing. Throws when the field does not exist.
 */
export async function previewRetype(
  db: CrmSegmentsDB,
  key: string,
  type: CustomFieldType,
  options: { timeZone: string; leads?: LeadColumns },
): Promise<RetypePreview> {
  const field = await getCustomField(db, key);
  if (!field) throw new Error(`There is no custom field "${key}".`);
  const convert = valueConverter(field.type, type, detectRetypeReading(await textSamples(db, key, CHUNK)), options.timeZone);
  const preview: RetypePreview = { key, to: type, values: 0, emptied: 0, examples: [] };
  const visit = (value: CustomValue | undefined) => {
    if (value === undefined || isEmptyValue(value)) return;
    preview.values++;
    if (convert(value) !== null) return;
    preview.emptied++;
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    if (preview.examples.length < EXAMPLES && !preview.examples.includes(text)) preview.examples.push(text);
  };
  if (options.leads) {
    for (const custom of options.leads.custom) visit(ownCustomValue(custom, key));
    return preview;
  }
  let after: string | undefined;
  for (;;) {
    const rows = await leadsAfter(db, after, CHUNK);
    for (const lead of rows) visit(ownCustomValue(lead.custom, key));
    if (rows.length < CHUNK) return preview;
    after = rows.at(-1)?.id;
  }
}
