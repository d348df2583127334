import {
  deleteCustomField,
  forgetCustomFieldSource,
  getCustomField,
  leadsAfter,
  listCustomFields,
  listSegments,
  putCustomFields,
  setCustomFieldRetypeProgress,
  storedLeadCount,
  updateLeadsAfter,
  SEGMENT_TABLES,
  writeTransaction,
  type CrmSegmentsDB,
} from '../db';
import { detectRetypeReading, isEmptyValue, valueConverter } from '../import/retype';
import { CUSTOM_PREFIX, isRuleSet, ownCustomValue, type CustomFieldDef, type CustomFieldType, type Rule, type RuleSet, type Segment } from '../schema';
import { enqueueRefresh } from './refresh-job';
import { revalidateSegments } from './schedule';

/** A segment named for people (which segments use a field). */
export interface SegmentRef {
  id: string;
  name: string;
}

/** The custom field keys a rule set uses (`custom.<key>` rules, nested groups included). */
export function customKeysOf(rules: RuleSet): Set<string> {
  const keys = new Set<string>();
  const walk = (node: Rule | RuleSet) => {
    if (isRuleSet(node)) node.rules.forEach(walk);
    else if (node.field.startsWith(CUSTOM_PREFIX)) keys.add(node.field.slice(CUSTOM_PREFIX.length));
  };
  walk(rules);
  return keys;
}

/** Custom field key → the segments whose rules use it (keys no segment uses are absent). */
export function customFieldUsage(segments: readonly Segment[]): Map<string, SegmentRef[]> {
  const usage = new Map<string, SegmentRef[]>();
  for (const segment of segments) {
    for (const key of customKeysOf(segment.rules)) usage.set(key, [...(usage.get(key) ?? []), { id: segment.id, name: segment.name }]);
  }
  return usage;
}

/** Renames a custom field's label (the key, the rules and the stored values stay). Throws when it does not exist. */
export function renameCustomField(db: CrmSegmentsDB, key: string, label: string): Promise<CustomFieldDef> {
  return writeTransaction(db, FIELD_TABLES, async () => {
    const field = await getCustomField(db, key);
    if (!field) throw new Error(`There is no custom field "${key}".`);
    const wanted = label.trim();
    // Two fields with one label could not be told apart in the rule editor's field list.
    const taken = (await listCustomFields(db)).find((other) => other.key !== key && other.label.trim().toLocaleLowerCase() === wanted.toLocaleLowerCase());
    if (taken) throw new Error(`Another custom field (${taken.key}) is already labelled "${taken.label}".`);
    const next = { ...field, label: wanted };
    await putCustomFields(db, [next]);
    return next;
  });
}

/**
 * Deletes a custom field definition (docs/semantics.md §3 rule 9): every segment whose rules use
 * it gets `error` set and its refresh cancelled; its memberships stay. The leads' stored values
 * stay too (a field created again with the same key finds them). Returns the segments made invalid.
 */
export function deleteCustomFieldAndRevalidate(db: CrmSegmentsDB, key: string, options: { now: number; timeZone: string }): Promise<SegmentRef[]> {
  return writeTransaction(db, SEGMENT_TABLES, async () => {
    if (!(await getCustomField(db, key))) throw new Error(`There is no custom field "${key}".`);
    await deleteCustomField(db, key);
    await forgetCustomFieldSource(db, key);
    const { invalid } = await revalidateSegments(db, options);
    const segments = await listSegments(db);
    return segments.filter((s) => invalid.includes(s.id)).map((s) => ({ id: s.id, name: s.name }));
  });
}

/** A lead whose value could not be read as the new type (now empty). */
export interface EmptiedValue {
  leadId: string;
  leadName: string;
  /** The value before, as text. */
  before: string;
}

/** What a type change did. */
export interface RetypeReport {
  key: string;
  from: CustomFieldType;
  to: CustomFieldType;
  /** Leads checked / values rewritten in the new type. */
  checked: number;
  converted: number;
  /** Values that could not be read as the new type and are now empty; the first 100 are listed. */
  emptied: number;
  emptiedLeads: EmptiedValue[];
  /** Segments that stopped compiling with the new type (`error` set), and the ones refreshed. */
  invalidSegments: SegmentRef[];
  refreshed: SegmentRef[];
}

/** Options of {@link retypeCustomField}. */
export interface RetypeOptions {
  now: number;
  timeZone: string;
  /** Leads per transaction (default 1,000). */
  chunkSize?: number;
}

/** A field definition and its meta (source, retype progress): all a rename or type switch touches. */
const FIELD_TABLES = ['customFields', 'meta'] as const;

const SAMPLE_SIZE = 200;
const LISTED_EMPTIED = 100;

/**
 * Up to 200 text values of field `key` (in lead id order), to detect date format, number style and
 * separator from: a type change and its preview read the values the same way.
 */
export async function textSamples(db: CrmSegmentsDB, key: string, chunkSize: number): Promise<string[]> {
  const samples: string[] = [];
  let after: string | undefined;
  for (;;) {
    const rows = await leadsAfter(db, after, chunkSize);
    for (const lead of rows) {
      const value = ownCustomValue(lead.custom, key);
      if (typeof value === 'string' && value.trim() !== '') samples.push(value);
      if (samples.length >= SAMPLE_SIZE) return samples;
    }
    if (rows.length < chunkSize) return samples;
    after = rows.at(-1)?.id;
  }
}

/**
 * Changes custom field `key` to `type` and re-normalises every stored lead value (issue 11 item 3):
 * text is read as the CSV import reads it (format detected from the stored values, dates as wall
 * clocks in `timeZone`), in chunks of one transaction each with progress in meta
 * (`getCustomFieldRetypeProgress`), so a large lead set never blocks other writes for long. Values
 * that cannot be read become empty and are reported. Segments that no longer compile get `error`;
 * the active valid ones using the field are refreshed at `now`. Changing to the same type re-reads
 * the values again (finishes an interrupted change).
 */
export async function retypeCustomField(db: CrmSegmentsDB, key: string, type: CustomFieldType, options: RetypeOptions): Promise<RetypeReport> {
  const chunkSize = options.chunkSize ?? 1000;
  const field = await getCustomField(db, key);
  if (!field) throw new Error(`There is no custom field "${key}".`);
  const convert = valueConverter(field.type, type, detectRetypeReading(await textSamples(db, key, chunkSize)), options.timeZone);
  const total = await storedLeadCount(db);
  await writeTransaction(db, FIELD_TABLES, async () => {
    await putCustomFields(db, [{ ...field, type, ...(type === 'select' || type === 'multiselect' ? {} : { options: undefined }) }]);
    await setCustomFieldRetypeProgress(db, { key, type, done: 0, total });
  });
  const report: RetypeReport = { key, from: field.type, to: type, checked: 0, converted: 0, emptied: 0, emptiedLeads: [], invalidSegments: [], refreshed: [] };
  try {
    let after: string | undefined;
    do {
      const chunk = await updateLeadsAfter(db, after, chunkSize, (lead) => {
        if (!Object.hasOwn(lead.custom, key)) return null;
        const before = lead.custom[key] ?? null;
        const value = convert(before);
        if (value === null && !isEmptyValue(before)) {
          report.emptied++;
          if (report.emptiedLeads.length < LISTED_EMPTIED) report.emptiedLeads.push({ leadId: lead.id, leadName: lead.name, before: Array.isArray(before) ? before.join(', ') : String(before) });
        }
        if (JSON.stringify(value) === JSON.stringify(before)) return null;
        const custom = { ...lead.custom };
        Object.defineProperty(custom, key, { value, enumerable: true, writable: true, configurable: true });
        return { ...lead, custom };
      });
      report.checked += chunk.read;
      report.converted += chunk.changed;
      after = chunk.lastId;
      await setCustomFieldRetypeProgress(db, { key, type, done: report.checked, total: Math.max(total, report.checked) });
    } while (after !== undefined);
  } finally {
    await setCustomFieldRetypeProgress(db, null);
  }
  return writeTransaction(db, SEGMENT_TABLES, async () => {
    const { invalid } = await revalidateSegments(db, options);
    for (const segment of await listSegments(db)) {
      const ref = { id: segment.id, name: segment.name };
      if (invalid.includes(segment.id)) report.invalidSegments.push(ref);
      else if (segment.status === 'active' && segment.error === undefined && customKeysOf(segment.rules).has(key)) {
        await enqueueRefresh(db, segment, options.now);
        report.refreshed.push(ref);
      }
    }
    return report;
  });
}
