/**
 * Compiling a validated rule set into nested closures (docs/semantics.md §4). No eval or Function constructor: each
 * rule becomes one operator closure from the tables in `operators/`, wrapped to read its field,
 * and groups become specialised `and`/`or` combinators.
 */
import { resolveField, type FieldDef } from '../schema/fields';
import type { CustomFieldDef } from '../schema/custom-field';
import { isRuleSet, type Rule, type RuleSet } from '../schema/rules';
import { assertTimeZone } from './calendar';
import { allOf, anyOf } from './combinators';
import { testField } from './field-value';
import { OPERATOR_TABLES, RELATIVE_DATE_OPERATORS } from './operators';
import type { EvalContext, LeadTest, OperatorContext } from './types';

/** Everything compiling needs besides the rules; built once per compile. */
export interface CompileContext extends OperatorContext {
  customFields: readonly CustomFieldDef[];
}

/**
 * Checks the context's own values: throws a TypeError when `now` is not a finite number and a
 * RangeError for an unknown time zone. Returns the normalised compile context.
 */
export function compileContext(ctx: EvalContext): CompileContext {
  if (typeof ctx?.now !== 'number' || !Number.isFinite(ctx.now)) throw new TypeError('EvalContext.now must be epoch ms');
  assertTimeZone(ctx.timeZone);
  const compileCtx: CompileContext = { now: ctx.now, timeZone: ctx.timeZone, customFields: ctx.customFields ?? [] };
  if (typeof ctx.segmentMembers === 'function') compileCtx.segmentMembers = ctx.segmentMembers;
  return compileCtx;
}

/** The field of a rule already validated by `checkRuleSet` with the same custom fields. */
export function fieldOf(rule: Rule, ctx: CompileContext): FieldDef {
  return resolveField(rule.field, ctx.customFields) as FieldDef;
}

/** Compiles one validated rule into a lead test (always a new closure). */
export function compileRule(rule: Rule, ctx: CompileContext): LeadTest {
  const field = fieldOf(rule, ctx);
  const factory = OPERATOR_TABLES[field.family][rule.operator];
  if (!factory) throw new Error(`No operator '${rule.operator}' for ${field.family}`); // unreachable after checkRuleSet
  return testField(field, factory(rule.value, ctx));
}

/** Rough per-lead cost of a rule, so cheap tests run first inside a group (results are unchanged). */
function costOf(rule: Rule, ctx: CompileContext): number {
  const family = fieldOf(rule, ctx).family;
  if (family === 'number' || family === 'date' || family === 'boolean' || family === 'segmentMembership') return 1;
  if (family === 'text') return rule.operator === 'equals' || rule.operator === 'not_equals' ? 2 : 3;
  return 3;
}

interface CompiledNode {
  test: LeadTest;
  cost: number;
}

function compileNode(node: Rule | RuleSet, ctx: CompileContext): CompiledNode {
  if (!isRuleSet(node)) return { test: compileRule(node, ctx), cost: costOf(node, ctx) };
  const children = node.rules.map((child) => compileNode(child, ctx));
  // Stable sort by cost: rules are pure, so evaluation order cannot change a group's result.
  const ordered = children.map((c, i) => ({ c, i })).sort((x, y) => x.c.cost - y.c.cost || x.i - y.i);
  const tests = ordered.map(({ c }) => c.test);
  const cost = children.reduce((sum, c) => sum + c.cost, 0);
  return { test: node.combinator === 'and' ? allOf(tests) : anyOf(tests), cost };
}

/** Compiles a validated rule set into one lead test (a closure created by this call). */
export function compileRuleSet(rules: RuleSet, ctx: CompileContext): LeadTest {
  return compileNode(rules, ctx).test;
}

/** True iff some rule at any depth uses a relative date operator (docs/semantics.md §3 rule 7). */
export function usesRelativeDates(rules: RuleSet, ctx: CompileContext): boolean {
  return rules.rules.some((node) =>
    isRuleSet(node) ? usesRelativeDates(node, ctx) : fieldOf(node, ctx).family === 'date' && RELATIVE_DATE_OPERATORS.has(node.operator),
  );
}
