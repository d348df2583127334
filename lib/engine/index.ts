/**
 * The segment rule engine (docs/semantics.md §4, contract). Pure: no browser APIs, no storage.
 *
 * Decisions where docs/semantics.md §3 leaves room (all documented in the operator files and tested):
 * - A lead value of the wrong JS type for its field counts as empty (rule 1), e.g. a custom number
 *   field holding `"12"`, a custom date field holding an ISO string (custom dates are stored as
 *   epoch ms), or a boolean field holding `"yes"`. Ingest normalises values, so this only matters
 *   for bad data; evaluation never throws.
 * - In lists (tags, custom multiselect) blank and non-string elements are ignored, so `[""]` is an
 *   empty list like `[]`.
 * - Text is normalised in the documented order (docs/semantics.md §3 rule 3): trim, collapse white space, NFKC, lower case
 *   ({@link normalizeText}, exported so benchmarks and UI code compare text the same way).
 * - Campaign ids compare exactly; `"any"` means every campaign.
 * - `segmentMembership` rules read the other segment's members from `ctx.segmentMembers` once per
 *   compile; a segment it does not know makes the rules invalid (RuleError), like an undefined
 *   custom field. Cycles between segments are the caller's to reject (the engine sees one rule set).
 */
import type { Lead } from '../schema/lead';
import { checkRuleSet, RuleError, type RuleSet } from '../schema/rules';
import { compileContext, compileRuleSet, usesRelativeDates, type CompileContext } from './compile';
import { explainRuleSet } from './explain';
import type { EvalContext, Explanation, Predicate } from './types';

export { RuleError } from '../schema/rules';
export type { EvalContext, Explanation, Predicate, RuleExplanation, SegmentMemberSet, SegmentMembersLookup } from './types';
export { normalizeText } from './text';
export { describeRule, describeRuleSet, type DescribeOptions } from './describe';

/** Validates `rules` against the context's custom fields; throws the first problem as a RuleError. */
function validate(rules: RuleSet, ctx: EvalContext): CompileContext {
  const compileCtx = compileContext(ctx);
  const members = compileCtx.segmentMembers;
  const problems = checkRuleSet(rules, {
    customFields: compileCtx.customFields,
    segmentExists: (id) => members?.(id) !== undefined,
  });
  if (problems.length > 0) throw problems[0] as RuleError;
  return compileCtx;
}

/**
 * Compiles `rules` (a RuleSet, plain JSON is fine) into a predicate over leads (docs/semantics.md §4).
 * Date boundaries are computed here, once, from `ctx.now` in `ctx.timeZone`; call again to move
 * time forward. Throws a RuleError (with `.path`, e.g. `[2, 0]` for "Rule 3.1") when the rules are
 * invalid, including a `custom.<key>` field with no definition in `ctx.customFields` (docs/semantics.md §3
 * rule 9); throws a TypeError / RangeError when `ctx.now` / `ctx.timeZone` is unusable.
 */
export function compileRules(rules: RuleSet, ctx: EvalContext): Predicate {
  const compileCtx = validate(rules, ctx);
  const predicate = compileRuleSet(rules, compileCtx) as Predicate;
  predicate.timeDependent = usesRelativeDates(rules, compileCtx);
  return predicate;
}

/**
 * Explains the result of `rules` for `lead` (docs/semantics.md §4): `matched` equals `compileRules(rules,
 * ctx)(lead)`; each rule reports its own result and `actual`, the lead's raw value for its field
 * (for campaign fields: the lead's entries of the named campaign, all entries for "any").
 * Nested groups appear as nested explanations, in the rules' order. Throws like compileRules.
 */
export function explainLead(rules: RuleSet, lead: Lead, ctx: EvalContext): Explanation {
  return explainRuleSet(rules, lead, validate(rules, ctx));
}
