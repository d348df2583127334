/**
 * Why a lead matches a rule set or not (docs/semantics.md §4 `explainLead`): every rule is evaluated (no
 * short-circuit) and reported with the lead's raw value, so the side panel can show each one.
 */
import { isRuleSet, type Rule, type RuleSet } from '../schema/rules';
import type { Lead, LeadCampaign } from '../schema/lead';
import { compileRule, fieldOf, type CompileContext } from './compile';
import { rawFieldValue } from './field-value';
import { ANY_CAMPAIGN } from './operators/campaign';
import type { Explanation, RuleExplanation } from './types';

/** The campaign id a campaign rule names (`"any"` for all), or undefined for other rules. */
function campaignIdOf(rule: Rule): string | undefined {
  const value = rule.value as { campaignId?: unknown } | string | undefined;
  if (typeof value === 'string') return value;
  return typeof value?.campaignId === 'string' ? value.campaignId : undefined;
}

/**
 * The value shown for a rule: the raw field value; for campaign fields the lead's entries of the
 * campaign the rule names (all entries for `"any"`), whatever their state; for segment
 * membership whether the lead is a member of the segment the rule names (boolean).
 */
function actualValue(rule: Rule, lead: Lead, ctx: CompileContext): unknown {
  const field = fieldOf(rule, ctx);
  const raw = rawFieldValue(field, lead);
  if (field.family === 'segmentMembership') return ctx.segmentMembers?.(rule.value as string)?.has(lead.id) ?? false;
  if (field.type !== 'campaign' && field.type !== 'campaignResponse') return raw;
  const entries = Array.isArray(raw) ? (raw as LeadCampaign[]) : [];
  const id = campaignIdOf(rule);
  return id === undefined || id === ANY_CAMPAIGN ? entries : entries.filter((e) => e?.campaignId === id);
}

function explainRule(rule: Rule, lead: Lead, ctx: CompileContext): RuleExplanation {
  return { rule, matched: compileRule(rule, ctx)(lead), actual: actualValue(rule, lead, ctx) };
}

/** Explains a validated rule set for one lead; `matched` equals the compiled predicate's result. */
export function explainRuleSet(rules: RuleSet, lead: Lead, ctx: CompileContext): Explanation {
  const items = rules.rules.map((node) => (isRuleSet(node) ? explainRuleSet(node, lead, ctx) : explainRule(node, lead, ctx)));
  const matched = rules.combinator === 'and' ? items.every((i) => i.matched) : items.some((i) => i.matched);
  return { matched, rules: items };
}
