/**
 * Rules in plain words for lists and summaries, using the field and operator labels of
 * `lib/schema/fields.ts`: "Status is Converted · Country is India · Last contact date in the last
 * 30 days". Never throws: unknown fields, operators or odd values are shown as they are.
 */
import type { CustomFieldDef } from '../schema/custom-field';
import { OPERATORS, findOperator, resolveField, type OperatorDef, type OperatorFamily } from '../schema/fields';

/** Labels for a description: custom field definitions, and campaigns and segments to show ids by name. */
export interface DescribeOptions {
  customFields: readonly CustomFieldDef[];
  campaigns?: ReadonlyArray<{ id: string; name: string }>;
  segments?: ReadonlyArray<{ id: string; name: string }>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Any value as short text (lists joined with ", "); never throws. */
function plain(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(plain).join(', ');
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

const UNIT_SINGULAR: Record<string, string> = { days: 'day', weeks: 'week', months: 'month' };

function campaignName(id: unknown, options: DescribeOptions): string {
  if (id === 'any') return 'any campaign';
  const campaign = options.campaigns?.find((c) => c.id === id);
  return campaign ? campaign.name : plain(id);
}

/** Operator label with its value, e.g. "in the last 30 days", "more than 2 weeks ago". */
function operatorPhrase(op: OperatorDef, value: unknown, options: DescribeOptions): string {
  switch (op.value) {
    case 'none':
      return op.label;
    case 'numberRange':
    case 'dayRange':
      return Array.isArray(value) && value.length === 2 ? `${op.label} ${plain(value[0])} and ${plain(value[1])}` : `${op.label} ${plain(value)}`;
    case 'relative': {
      if (!isRecord(value)) return `${op.label} ${plain(value)}`;
      const amount = value.amount;
      const unit = plain(value.unit);
      const amountText = `${plain(amount)} ${amount === 1 ? (UNIT_SINGULAR[unit] ?? unit) : unit}`;
      return op.label.includes('…') ? op.label.replace('…', amountText) : `${op.label} ${amountText}`;
    }
    case 'campaignRef':
      return `${op.label} ${campaignName(value, options)}`;
    case 'segmentRef': {
      if (!options.segments) return `${op.label} another segment`;
      const segment = options.segments.find((s) => s.id === value);
      return `${op.label} ${segment ? `"${segment.name}"` : 'a deleted segment'}`;
    }
    case 'campaignResponse': {
      if (!isRecord(value)) return `${op.label} ${plain(value)}`;
      const kinds = Array.isArray(value.responses) ? value.responses.map((r) => plain(r).replace(/_/g, ' ')).join(' or ') : plain(value.responses);
      return `${op.label} to ${campaignName(value.campaignId, options)} with ${kinds}`;
    }
    default:
      return `${op.label} ${plain(value)}`;
  }
}

/** The operator definition for `id` in `family`, or in any family when the field is unknown. */
function operatorFor(family: OperatorFamily | undefined, id: string): OperatorDef | undefined {
  if (family) return findOperator(family, id);
  for (const ops of Object.values(OPERATORS)) {
    const found = ops.find((o) => o.id === id);
    if (found) return found;
  }
  return undefined;
}

/** One rule in words, e.g. "Tags includes any of a, b". Never throws. */
export function describeRule(rule: unknown, options: DescribeOptions): string {
  if (!isRecord(rule)) return plain(rule);
  const fieldKey = typeof rule.field === 'string' ? rule.field : plain(rule.field);
  const operatorId = typeof rule.operator === 'string' ? rule.operator : plain(rule.operator);
  const field = resolveField(fieldKey, options.customFields ?? []);
  const op = operatorFor(field?.family, operatorId);
  const label = field ? field.label : fieldKey;
  const phrase = op ? operatorPhrase(op, rule.value, options) : [operatorId, plain(rule.value)].filter(Boolean).join(' ');
  return `${label} ${phrase}`.trim();
}

function describeNode(node: unknown, options: DescribeOptions, nested: boolean): string {
  if (!isRecord(node) || !('combinator' in node || 'rules' in node)) return describeRule(node, options);
  const children = Array.isArray(node.rules) ? node.rules : [];
  const parts = children.map((child) => describeNode(child, options, true));
  const or = node.combinator === 'or';
  if (!nested) return parts.join(or ? ' or ' : ' · ');
  const joined = parts.join(or ? ' or ' : ' and ');
  return parts.length > 1 ? `(${joined})` : joined;
}

/**
 * A rule set in words: top-level rules joined by " · " (or " or " for an `or` set), nested groups
 * in parentheses, e.g. "Status is New · (Source is Google or Source is Facebook)". Never throws.
 */
export function describeRuleSet(rules: unknown, options: DescribeOptions): string {
  return describeNode(rules, options, false);
}
