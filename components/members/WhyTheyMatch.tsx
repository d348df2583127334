import { describeRule, type Explanation, type RuleExplanation } from '../../lib/engine';
import { formatRuleActual } from '../../lib/format/rule-actual';
import { isRuleSet, type Campaign, type CustomFieldDef, type RuleSet } from '../../lib/schema';
import { useFormatter } from './formatter-context';

/** Props of {@link ExplanationTree}. */
export interface ExplanationTreeProps {
  /** The rule set that was explained (gives each nested group its combinator). */
  rules: RuleSet;
  /** `explainLead(rules, lead, ctx)`: aligned item by item with `rules.rules`. */
  explanation: Explanation;
  customFields: readonly CustomFieldDef[];
  campaigns: readonly Campaign[];
  /** Stored segments, to name the segments of segment membership rules. */
  segments?: ReadonlyArray<{ id: string; name: string }>;
}

const isRule = (item: RuleExplanation | Explanation): item is RuleExplanation => 'rule' in item;

/** How many rules (at any depth) an explanation has, and how many of them matched. */
export function countRules(explanation: Explanation): { total: number; matched: number } {
  let total = 0;
  let matched = 0;
  for (const item of explanation.rules) {
    if (isRule(item)) {
      total += 1;
      if (item.matched) matched += 1;
    } else {
      const inner = countRules(item);
      total += inner.total;
      matched += inner.matched;
    }
  }
  return { total, matched };
}

/**
 * "Why they match" (issue 5 §3): an `explainLead` result as a list with one line per rule —
 * ✓ or ✗, the rule in words, and the lead's actual value — and nested groups as indented groups
 * ("All of these" / "Any of these") that say whether the group is met. Only rule lines carry a
 * ✓/✗ mark, so a lead matching N rules shows exactly N ✓ lines.
 */
export function ExplanationTree({ rules, explanation, customFields, campaigns, segments }: ExplanationTreeProps) {
  return <ExplanationList rules={rules} explanation={explanation} customFields={customFields} campaigns={campaigns} segments={segments} depth={0} />;
}

function ExplanationList({ rules, explanation, customFields, campaigns, segments, depth }: ExplanationTreeProps & { depth: number }) {
  const formatter = useFormatter();
  return (
    <ul class={`why-list${depth > 0 ? ' why-nested' : ''}`}>
      {explanation.rules.map((item, i) => {
        if (isRule(item)) {
          const text = describeRule(item.rule, { customFields, campaigns, ...(segments ? { segments } : {}) });
          const actual = formatRuleActual(item.rule.field, item.actual, formatter, customFields, campaigns);
          return (
            <li key={i} class={`why-rule ${item.matched ? 'is-match' : 'is-miss'}`} data-matched={item.matched ? 'true' : 'false'}>
              <span class="why-mark" aria-hidden="true">{item.matched ? '✓' : '✗'}</span>
              <span class="why-body">
                <span class="visually-hidden">{item.matched ? 'Matches: ' : 'Does not match: '}</span>
                <span class="why-text">{text}</span>
                <span class="why-actual">
                  Actual: <span class="why-actual-value">{actual}</span>
                </span>
              </span>
            </li>
          );
        }
        const node = rules.rules[i];
        const groupRules: RuleSet = node && isRuleSet(node) ? node : { combinator: 'and', rules: [] };
        const any = groupRules.combinator === 'or';
        return (
          <li key={i} class={`why-group ${item.matched ? 'is-match' : 'is-miss'}`} data-matched={item.matched ? 'true' : 'false'}>
            <div class="why-group-head">
              <span class="why-group-title">{any ? 'Any of these' : 'All of these'}</span>
              <span class={`why-group-state ${item.matched ? 'is-match' : 'is-miss'}`}>{item.matched ? 'met' : 'not met'}</span>
            </div>
            <ExplanationList rules={groupRules} explanation={item} customFields={customFields} campaigns={campaigns} segments={segments} depth={depth + 1} />
          </li>
        );
      })}
    </ul>
  );
}

