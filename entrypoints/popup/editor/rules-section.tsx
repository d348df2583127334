import type { Ref } from 'preact';
import { useId } from 'preact/hooks';
import { GroupChildren, type RuleBuilderContext } from './rule-group';

/** Props of {@link RulesSection}. */
export interface RulesSectionProps {
  builder: RuleBuilderContext;
  /** The message about the rule set as a whole, when it should show. */
  error?: string;
  onAdd: (kind: 'rule' | 'group') => void;
  addRuleRef: Ref<HTMLButtonElement>;
}

/** "Rules": the top-level group's rows (or an empty state), then "Add rule" and "Add group". */
export function RulesSection({ builder, error, onAdd, addRuleRef }: RulesSectionProps) {
  const titleId = useId();
  const errorId = useId();
  const tree = builder.root;
  return (
    <section class="rules" aria-labelledby={titleId}>
      <div class="rules-head">
        <h2 id={titleId} class="section-title">
          Rules
        </h2>
        <span class="muted">Leads that match all of these</span>
      </div>
      {tree.children.length === 0 ? (
        <p class="rules-empty">No rules yet. Add one to choose which leads belong to this segment.</p>
      ) : (
        <GroupChildren group={tree} depth={1} prefix="" ctx={builder} />
      )}
      {error && (
        <p id={errorId} class="field-error">
          {error}
        </p>
      )}
      <div class="rules-actions">
        <button ref={addRuleRef} type="button" class="button button-secondary" onClick={() => onAdd('rule')}>
          Add rule
        </button>
        <button type="button" class="button button-ghost" onClick={() => onAdd('group')} title="A group matches when any of its rules match">
          Add group
        </button>
      </div>
    </section>
  );
}
