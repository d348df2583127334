import { RELATIVE_DATE_OPERATORS } from '../engine/operators';
import { isRuleSet, type Lead, type Rule, type RuleSet, type Segment } from '../schema';
import type { CompiledSegment } from './predicates';

/**
 * A rule set's answer whatever the time (issue 10: one changed lead with 50 active segments). A
 * time-dependent segment's stored membership of a lead is its rules applied to the stored version
 * of the lead at SOME past evaluation time (its last refresh, or the ingest that stored that
 * version), not necessarily now. Rules have no negated groups and relative date rules are leaves,
 * so a rule set is monotone in each of them: with every relative date rule taken as true it can
 * only hold more often (`upper`), taken as false only less often (`lower`). When `upper` rejects a
 * lead, no evaluation time accepted it; when `lower` accepts it, every one did.
 */
export interface TimeFreeBounds {
  /** The rules with every relative date rule true (or the constant the rules reduce to). */
  upper: RuleSet | boolean;
  /** The rules with every relative date rule false (or the constant the rules reduce to). */
  lower: RuleSet | boolean;
}

/** `node` with every relative date rule replaced by `time`, reduced (groups stay non-empty). */
function withTime(node: Rule | RuleSet, time: boolean): Rule | RuleSet | boolean {
  if (!isRuleSet(node)) return RELATIVE_DATE_OPERATORS.has(node.operator) ? time : node;
  // A child equal to `decisive` decides the group ("or": true, "and": false); the other constant drops out.
  const decisive = node.combinator === 'or';
  const kept: Array<Rule | RuleSet> = [];
  for (const child of node.rules) {
    const reduced = withTime(child, time);
    if (reduced === decisive) return decisive;
    if (reduced !== !decisive) kept.push(reduced as Rule | RuleSet);
  }
  return kept.length === 0 ? !decisive : { ...node, rules: kept };
}

/** The time-free bounds of `rules` (see {@link TimeFreeBounds}). */
export function timeFreeBounds(rules: RuleSet): TimeFreeBounds {
  return { upper: withTime(rules, true) as RuleSet | boolean, lower: withTime(rules, false) as RuleSet | boolean };
}

/**
 * A stored lead's membership in a time-dependent segment whose memberships are otherwise settled
 * (active, no error, no pending refresh, no rules on other segments): true or false when the
 * stored version decides it at every evaluation time, undefined when it depends on when it was
 * evaluated (then only the stored blocks can tell). `compile` is the ingest's segment compiler:
 * the bounds are compiled as segments of their own (`<id>\u0000upper`, same `rulesVersion`), so
 * they are cached like the segment's rules (they hold no relative date rule, so across `now`).
 */
export function membershipWhateverTheTime(
  segment: Segment,
  previous: Lead,
  compile: (segment: Segment) => CompiledSegment,
): boolean | undefined {
  const { upper, lower } = timeFreeBounds(segment.rules);
  const holds = (bound: RuleSet | boolean, name: string): boolean | undefined => {
    if (typeof bound === 'boolean') return bound;
    const compiled = compile({ ...segment, id: `${segment.id}\u0000${name}`, rules: bound });
    return compiled.ok ? compiled.predicate(previous) : undefined;
  };
  if (holds(upper, 'upper') === false) return false;
  if (holds(lower, 'lower') === true) return true;
  return undefined;
}
