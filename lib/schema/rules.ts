import { z, lazySchema } from './zod';
import { IsoDay } from './common';
import type { CustomFieldDef } from './custom-field';
import { CAMPAIGN_RESPONSES } from './lead';
import {
  CUSTOM_PREFIX,
  OPERATORS,
  RELATIVE_UNITS,
  SEGMENT_MEMBERSHIP_FIELD,
  findOperator,
  resolveField,
  type OperatorDef,
  type ValueShape,
} from './fields';

/** A single rule (docs/semantics.md §2, contract). `value`'s shape depends on the operator (docs/semantics.md §3). */
export interface Rule {
  field: string;
  operator: string;
  value?: unknown;
}

/** A group of rules joined by `and` / `or`; nesting depth ≤ 3 (docs/semantics.md §2, contract). */
export interface RuleSet {
  combinator: 'and' | 'or';
  rules: Array<Rule | RuleSet>;
}

/** Maximum nesting depth of rule sets, the top level counting as 1 (docs/semantics.md §2). */
export const MAX_RULE_DEPTH = 3;
/** Most rules (groups included) one rule set may hold: far beyond real segments, and it keeps evaluation bounded. */
export const MAX_RULES = 100;

/** True when `node` is a nested group rather than a rule. */
export function isRuleSet(node: Rule | RuleSet): node is RuleSet {
  return (node as RuleSet).combinator !== undefined;
}

/**
 * A rule set that cannot be used. `path` is the index path of the offending rule from the top
 * level (0-based: `[2, 0]` is the first rule of the third item); `[]` means the whole set.
 * `message` names the rule in words, e.g. "Rule 3.1: 'between' needs low ≤ high (the first number is greater than the second)".
 */
export class RuleError extends Error {
  readonly path: number[];
  readonly problem: string;
  constructor(path: number[], problem: string) {
    super(`${describeRulePath(path)}: ${problem}`);
    this.name = 'RuleError';
    this.path = path;
    this.problem = problem;
  }
}

/** "Rule 3.1" for index path `[2, 0]`; "Rules" for the whole set. */
export function describeRulePath(path: readonly number[]): string {
  return path.length === 0 ? 'Rules' : `Rule ${path.map((i) => i + 1).join('.')}`;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isDay = (v: unknown): v is string => IsoDay.safeParse(v).success;
/** ±Infinity: what a number beyond the largest double ("1e309") becomes when read (JSON, Number()). */
const isInfinite = (v: unknown): boolean => v === Infinity || v === -Infinity;

/** Checks `value` against an operator's value shape; returns the problem in words, or null. */
export function valueProblem(operator: OperatorDef, value: unknown): string | null {
  const name = `'${operator.id}'`;
  const shape: ValueShape = operator.value;
  switch (shape) {
    case 'none':
      return value === undefined || value === null ? null : `${name} takes no value`;
    case 'string':
      return typeof value === 'string' ? null : `${name} needs a text value`;
    case 'nonEmptyString':
      return isNonEmptyString(value) ? null : `${name} needs a non-empty text value`;
    case 'stringList':
      if (!Array.isArray(value) || value.length === 0) return `${name} needs at least one value`;
      return value.every(isNonEmptyString) ? null : `${name} values must be non-empty text`;
    case 'number':
      if (isInfinite(value)) return `${name}: the number is too large`;
      return typeof value === 'number' && Number.isFinite(value) ? null : `${name} needs a number`;
    case 'numberRange': {
      if (Array.isArray(value) && value.some(isInfinite)) return `${name}: a number is too large`;
      if (!Array.isArray(value) || value.length !== 2 || !value.every((n) => typeof n === 'number' && Number.isFinite(n)))
        return `${name} needs a lowest and a highest number`;
      return (value[0] as number) <= (value[1] as number) ? null : `${name} needs low ≤ high (the first number is greater than the second)`;
    }
    case 'day':
      return isDay(value) ? null : `${name} needs a date as YYYY-MM-DD`;
    case 'dayRange': {
      if (!Array.isArray(value) || value.length !== 2 || !value.every(isDay))
        return `${name} needs two dates [YYYY-MM-DD, YYYY-MM-DD]`;
      return (value[0] as string) <= (value[1] as string) ? null : `${name} needs the first date on or before the second`;
    }
    case 'relative': {
      if (!isPlainObject(value)) return `${name} needs an amount and a unit`;
      const { amount, unit } = value;
      if (typeof amount !== 'number' || !Number.isInteger(amount) || amount <= 0)
        return `${name} needs a whole number amount of at least 1`;
      return (RELATIVE_UNITS as readonly unknown[]).includes(unit) ? null : `${name} needs a unit: days, weeks or months`;
    }
    case 'campaignRef':
      return isNonEmptyString(value) ? null : `${name} needs a campaign (or "any")`;
    case 'segmentRef':
      return isNonEmptyString(value) ? null : `${name} needs a segment`;
    case 'campaignResponse': {
      if (!isPlainObject(value)) return `${name} needs a campaign and response kinds`;
      if (!isNonEmptyString(value.campaignId)) return `${name} needs a campaign (or "any")`;
      const responses = value.responses;
      if (!Array.isArray(responses) || responses.length === 0) return `${name} needs at least one response kind`;
      const bad = responses.find((r) => !(CAMPAIGN_RESPONSES as readonly unknown[]).includes(r));
      return bad === undefined ? null : `${name}: unknown response kind ${JSON.stringify(bad)}`;
    }
  }
}

/**
 * Options for {@link checkRuleSet}. With `customFields` given, `custom.<key>` rules must name a
 * defined field and use an operator of its type. Without it (structural checks at a message
 * boundary, where definitions are not at hand), a custom rule only needs a well-formed key and an
 * operator/value valid for some custom type; the engine re-checks against the definitions.
 */
export interface CheckOptions {
  customFields?: readonly CustomFieldDef[];
  /**
   * With it, a `segmentMembership` rule must name a segment for which it returns true (the
   * engine passes "the context can give its members"); without it only the id's shape is checked.
   */
  segmentExists?: (segmentId: string) => boolean;
}

const CUSTOM_FAMILIES = ['text', 'number', 'date', 'boolean', 'multiselect'] as const;

/**
 * Walks an unknown value as a RuleSet and returns every problem found (empty = valid).
 * Checks: shape, combinator, non-empty groups, depth ≤ 3, known field, operator allowed for the
 * field's type, value shape per operator (docs/semantics.md §2–3).
 */
export function checkRuleSet(input: unknown, options: CheckOptions = {}): RuleError[] {
  const problems: RuleError[] = [];
  const visit = (node: unknown, path: number[], depth: number): void => {
    if (!isPlainObject(node)) {
      problems.push(new RuleError(path, path.length ? 'must be a rule or a group' : 'must be a rule set'));
      return;
    }
    if ('combinator' in node || 'rules' in node) {
      if (node.combinator !== 'and' && node.combinator !== 'or') {
        problems.push(new RuleError(path, 'combinator must be "and" or "or"'));
      }
      if (depth > MAX_RULE_DEPTH) {
        problems.push(new RuleError(path, `groups can be nested at most ${MAX_RULE_DEPTH} levels deep`));
        return;
      }
      if (!Array.isArray(node.rules) || node.rules.length === 0) {
        problems.push(new RuleError(path, path.length ? 'this group has no rules' : 'a segment needs at least one rule'));
        return;
      }
      node.rules.forEach((child, i) => visit(child, [...path, i], depth + 1));
      return;
    }
    const { field, operator, value } = node;
    if (typeof field !== 'string' || field === '') {
      problems.push(new RuleError(path, 'choose a field'));
      return;
    }
    if (typeof operator !== 'string' || operator === '') {
      problems.push(new RuleError(path, 'choose an operator'));
      return;
    }
    if (options.customFields === undefined && field.startsWith(CUSTOM_PREFIX)) {
      const key = field.slice(CUSTOM_PREFIX.length);
      if (!/^[a-z0-9_]+$/.test(key)) {
        problems.push(new RuleError(path, `unknown field '${field}'`));
        return;
      }
      const candidates = CUSTOM_FAMILIES.map((family) => findOperator(family, operator)).filter(
        (o): o is OperatorDef => o !== undefined,
      );
      if (candidates.length === 0) {
        problems.push(new RuleError(path, `'${operator}' is not an operator for custom fields`));
        return;
      }
      const shapeProblems = candidates.map((o) => valueProblem(o, value));
      if (shapeProblems.every((p) => p !== null)) problems.push(new RuleError(path, shapeProblems[0] as string));
      return;
    }
    const def = resolveField(field, options.customFields ?? []);
    if (!def) {
      problems.push(
        new RuleError(
          path,
          field.startsWith(CUSTOM_PREFIX) ? `custom field '${field.slice(CUSTOM_PREFIX.length)}' is not defined` : `unknown field '${field}'`,
        ),
      );
      return;
    }
    const opDef = findOperator(def.family, operator);
    if (!opDef) {
      const allowed = OPERATORS[def.family].map((o) => o.id).join(', ');
      problems.push(new RuleError(path, `'${operator}' is not allowed for ${def.label} (allowed: ${allowed})`));
      return;
    }
    const problem = valueProblem(opDef, value);
    if (problem) problems.push(new RuleError(path, problem));
    else if (opDef.value === 'segmentRef' && options.segmentExists && !options.segmentExists(value as string)) {
      problems.push(new RuleError(path, 'the segment it refers to no longer exists'));
    }
  };
  let nodes = 0;
  const countNodes = (node: unknown): void => {
    if (!isPlainObject(node) || !Array.isArray(node.rules)) return;
    for (const child of node.rules) {
      nodes++;
      countNodes(child);
    }
  };
  countNodes(input);
  if (nodes > MAX_RULES) return [new RuleError([], `a segment can have at most ${MAX_RULES} rules and groups (this one has ${nodes})`)];
  visit(input, [], 1);
  return problems;
}

/**
 * Zod schema for a RuleSet crossing a boundary (messages, import files). Structural and
 * per-operator checks as {@link checkRuleSet} without custom field definitions; each issue's
 * message names the rule ("Rule 2: 'between' needs low ≤ high (the first number is greater than the second)").
 */
export const RuleSetSchema = lazySchema(() => z.custom<RuleSet>().superRefine((value, ctx) => {
  for (const problem of checkRuleSet(value)) {
    ctx.addIssue({ code: 'custom', message: problem.message, path: [] });
  }
}));

/**
 * Ids of the segments a rule set's `segmentMembership` rules refer to, at any depth, each once,
 * in first-use order. Ignores malformed rules (never throws).
 */
export function referencedSegments(rules: unknown): string[] {
  const ids = new Set<string>();
  const visit = (node: unknown): void => {
    if (!isPlainObject(node)) return;
    if (Array.isArray(node.rules)) node.rules.forEach(visit);
    else if (node.field === SEGMENT_MEMBERSHIP_FIELD && typeof node.value === 'string') ids.add(node.value);
  };
  visit(rules);
  return [...ids];
}
