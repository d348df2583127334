/** Types of the rule engine's public contract (docs/semantics.md §4) and of its operator tables. */
import type { CustomFieldDef } from '../schema/custom-field';
import type { Lead } from '../schema/lead';
import type { Rule } from '../schema/rules';

/** The members of one segment, as far as a `segmentMembership` rule needs them. */
export interface SegmentMemberSet {
  /** True when the lead with this id is a member. */
  has(leadId: string): boolean;
}

/**
 * Gives the members of another segment for `segmentMembership` rules: its current members, or
 * the frozen ones when it is inactive (docs/semantics.md, "Segment membership"). Returns
 * `undefined` when no such segment exists, which makes the rule set invalid (a RuleError naming
 * the rule). Called once per rule per compile; the returned set may be consulted per lead, so it
 * must answer from memory (a `Set<string>` is fine).
 */
export type SegmentMembersLookup = (segmentId: string) => SegmentMemberSet | undefined;

/**
 * What evaluation depends on besides the lead (docs/semantics.md §4, contract).
 * `now` is epoch ms; `timeZone` an IANA name (calendar days and relative dates are computed in
 * it, docs/semantics.md "Dates"); `customFields` the definitions `custom.<key>` rules resolve
 * against; `segmentMembers` (optional, an addition to the contract) the members of the segments
 * `segmentMembership` rules name — without it such rules are invalid. The engine stays pure: the
 * caller reads memberships from storage and passes them in.
 */
export interface EvalContext {
  now: number;
  timeZone: string;
  customFields: CustomFieldDef[];
  segmentMembers?: SegmentMembersLookup;
}

/**
 * A compiled rule set (docs/semantics.md §4): call it with a lead. `timeDependent` is true iff a rule at any
 * depth uses a relative date operator (docs/semantics.md §3 rule 7), i.e. results change as time passes.
 */
export type Predicate = ((lead: Lead) => boolean) & { timeDependent: boolean };

/** Why one rule matched or not: `actual` is the lead's raw value for the rule's field. */
export interface RuleExplanation {
  rule: Rule;
  matched: boolean;
  actual: unknown;
}

/** Why a lead matches a rule set or not (docs/semantics.md §4); nested groups are nested explanations. */
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
  segmentMembers?: SegmentMembersLookup;
}

/**
 * Builds the test for one operator from the rule's `value` (already validated for the operator's
 * value shape by `checkRuleSet`). Runs once per compile; all preparation (normalising rule text,
 * computing date boundaries) happens here so the returned test does the least work per lead.
 */
export type OperatorFactory = (value: unknown, ctx: OperatorContext) => ValueTest;

/** One operator family's operators: operator id → factory. */
export type OperatorTable = Readonly<Record<string, OperatorFactory>>;
