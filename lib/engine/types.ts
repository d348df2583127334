/** Types of the rule engine's public contract (SPEC §4) and of its operator tables. */
import type { CustomFieldDef } from '../schema/custom-field';
import type { Lead } from '../schema/lead';
import type { Rule } from '../schema/rules';

/**
 * What evaluation depends on besides the lead (SPEC §4, contract).
 * `now` is epoch ms; `timeZone` an IANA name (calendar days and relative dates are computed in
 * it, SPEC §3 rule 6); `customFields` the definitions `custom.<key>` rules resolve against.
 */
export interface EvalContext {
  now: number;
  timeZone: string;
  customFields: CustomFieldDef[];
}

/**
 * A compiled rule set (SPEC §4): call it with a lead. `timeDependent` is true iff a rule at any
 * depth uses a relative date operator (SPEC §3 rule 7), i.e. results change as time passes.
 */
export type Predicate = ((lead: Lead) => boolean) & { timeDependent: boolean };

/** Why one rule matched or not: `actual` is the lead's raw value for the rule's field. */
export interface RuleExplanation {
  rule: Rule;
  matched: boolean;
  actual: unknown;
}

/** Why a lead matches a rule set or not (SPEC §4); nested groups are nested explanations. */
export interface Explanation {
  matched: boolean;
  rules: Array<RuleExplanation | Explanation>;
}

/** A test of one lead. */
export type LeadTest = (lead: Lead) => boolean;

/** A test of one raw field value of a lead (the value may be missing or of any JS type). */
export type ValueTest = (value: unknown) => boolean;

/** The part of the evaluation context operators need, fixed for one compile. */
export interface OperatorContext {
  now: number;
  timeZone: string;
}

/**
 * Builds the test for one operator from the rule's `value` (already validated for the operator's
 * value shape by `checkRuleSet`). Runs once per compile; all preparation (normalising rule text,
 * computing date boundaries) happens here so the returned test does the least work per lead.
 */
export type OperatorFactory = (value: unknown, ctx: OperatorContext) => ValueTest;

/** One operator family's operators: operator id → factory. */
export type OperatorTable = Readonly<Record<string, OperatorFactory>>;
