import type { Campaign, CustomFieldDef } from '../schema';
import { resolveField } from '../schema/fields';
import { campaignResponseLabel, campaignStateLabel } from './campaign-labels';
import { isEmptyValue, type ValueFormatter, type ValueKind } from './value';

/** Text shown for an empty actual value in "Why they match". */
export const EMPTY_ACTUAL = 'empty';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function kindOfField(type: string | undefined): ValueKind {
  switch (type) {
    case 'number':
      return 'number';
    case 'date':
      return 'date';
    case 'boolean':
      return 'boolean';
    case 'multiselect':
      return 'list';
    default:
      return 'text';
  }
}

/** One lead campaign entry in words: "Course Launch Email (participating, opened)". */
function campaignEntryText(entry: unknown, names: ReadonlyMap<string, string>): string {
  if (!isRecord(entry)) return String(entry);
  const id = typeof entry.campaignId === 'string' ? entry.campaignId : '?';
  const details = [
    typeof entry.state === 'string' ? campaignStateLabel(entry.state).toLowerCase() : '',
    typeof entry.response === 'string' ? campaignResponseLabel(entry.response).toLowerCase() : '',
  ].filter(Boolean);
  const name = names.get(id) ?? id;
  return details.length ? `${name} (${details.join(', ')})` : name;
}

/**
 * The lead's actual value for a rule (the `actual` of an `explainLead` explanation, docs/semantics.md §4) as
 * text for "Why they match": formatted by the field's type (dates as the calendar day in the
 * formatter's zone, numbers localised, booleans Yes/No, lists joined), campaign entries by
 * campaign name with state and response, "no campaigns" when a campaign rule saw none,
 * "member" / "not a member" for segment membership, and {@link EMPTY_ACTUAL} for an empty value.
 */
export function formatRuleActual(
  fieldKey: string,
  actual: unknown,
  formatter: ValueFormatter,
  customFields: readonly CustomFieldDef[],
  campaigns: readonly Pick<Campaign, 'id' | 'name'>[] = [],
): string {
  const field = resolveField(fieldKey, customFields);
  if (field && (field.type === 'campaign' || field.type === 'campaignResponse')) {
    const entries = Array.isArray(actual) ? actual : [];
    if (entries.length === 0) return 'no campaigns';
    const names = new Map(campaigns.map((c) => [c.id, c.name || c.id]));
    return entries.map((e) => campaignEntryText(e, names)).join('; ');
  }
  if (field?.type === 'segment') return actual === true ? 'member' : 'not a member';
  if (isEmptyValue(actual)) return EMPTY_ACTUAL;
  const text = formatter.value(actual, kindOfField(field?.type));
  return text === '' ? EMPTY_ACTUAL : text;
}
