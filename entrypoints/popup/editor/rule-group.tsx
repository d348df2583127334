import { useId } from 'preact/hooks';
import type { Campaign, CustomFieldDef } from '../../../lib/schema';
import type { SegmentChoice } from './segment-select';
import { appendChild, canNestGroup, emptyGroup, emptyRule, removeNode, updateNode, type GroupNode, type RuleNode } from './rule-tree';
import { RuleRow } from './rule-row';

/** Shared state of the rule builder, passed down the group tree. */
export interface RuleBuilderContext {
  root: GroupNode;
  setRoot: (root: GroupNode) => void;
  customFields: readonly CustomFieldDef[];
  campaigns: readonly Campaign[];
  /** Segments a segment membership rule can name (every stored segment but the one edited). */
  otherSegments: readonly SegmentChoice[];
  /** Messages by node id (only those the user should see now). */
  errors: Readonly<Record<string, string>>;
  touch: (id: string) => void;
  /** The node to focus once it is rendered (just added). */
  focusId: string | null;
  setFocusId: (id: string | null) => void;
  /** Called after a node was removed, to put focus somewhere sensible. */
  onRemoved: () => void;
}

/** Props of {@link NestedGroup}. */
export interface NestedGroupProps {
  group: GroupNode;
  /** Nesting depth, the root being 1 (docs/semantics.md §2: at most 3). */
  depth: number;
  /** "2": the group's number among its siblings' path, as in "Rule 2.1". */
  number: string;
  ctx: RuleBuilderContext;
}

/** The rows of a group with "and"/"or" joiners between them. */
export function GroupChildren({ group, depth, prefix, ctx }: { group: GroupNode; depth: number; prefix: string; ctx: RuleBuilderContext }) {
  const joiner = group.combinator === 'and' ? 'and' : 'or';
  return (
    <div class="group-children">
      {group.children.map((node, index) => {
        const number = prefix ? `${prefix}.${index + 1}` : String(index + 1);
        return (
          <div key={node.id} class="group-child">
            {index > 0 && (
              <div class="joiner" aria-hidden="true">
                {joiner}
              </div>
            )}
            {node.kind === 'rule' ? (
              <RuleRow
                rule={node}
                number={number}
                customFields={ctx.customFields}
                campaigns={ctx.campaigns}
                otherSegments={ctx.otherSegments}
                error={ctx.errors[node.id]}
                autoFocus={ctx.focusId === node.id}
                onTouched={() => ctx.touch(node.id)}
                onChange={(rule: RuleNode) => {
                  if (ctx.focusId) ctx.setFocusId(null);
                  ctx.setRoot(updateNode(ctx.root, node.id, () => rule));
                }}
                onRemove={() => {
                  ctx.setRoot(removeNode(ctx.root, node.id));
                  ctx.onRemoved();
                }}
              />
            ) : (
              <NestedGroup group={node} depth={depth + 1} number={number} ctx={ctx} />
            )}
          </div>
        );
      })}
    </div>
  );
}

/**
 * A nested group box: "Match any of / all of these rules", its rows, and "Add a rule" /
 * "Add a group" (while depth allows) / "Remove group". (Names differ from the top-level
 * "Add rule"/"Add group" buttons on purpose: those names are a test contract and must stay unique.)
 */
export function NestedGroup({ group, depth, number, ctx }: NestedGroupProps) {
  const labelId = useId();
  const add = (node: GroupNode | RuleNode) => {
    ctx.setRoot(appendChild(ctx.root, group.id, node));
    ctx.setFocusId(node.kind === 'rule' ? node.id : (node.children[0]?.id ?? null));
  };
  const error = ctx.errors[group.id];
  return (
    <section class={`rule-group depth-${depth}${error ? ' has-error' : ''}`} aria-labelledby={labelId}>
      <div class="rule-group-head">
        <span id={labelId} class="sr-only">
          Group {number}
        </span>
        <label class="group-combinator">
          <span>Match</span>
          <select
            class="select select-compact"
            aria-label={`Group ${number} matches`}
            value={group.combinator}
            onChange={(e) =>
              ctx.setRoot(
                updateNode(ctx.root, group.id, (g) => ({ ...(g as GroupNode), combinator: e.currentTarget.value === 'and' ? 'and' : 'or' })),
              )
            }
          >
            <option value="or">any of</option>
            <option value="and">all of</option>
          </select>
          <span>these rules</span>
        </label>
        <button
          type="button"
          class="text-button text-button-muted"
          onClick={() => {
            ctx.setRoot(removeNode(ctx.root, group.id));
            ctx.onRemoved();
          }}
        >
          Remove group {number}
        </button>
      </div>
      <GroupChildren group={group} depth={depth} prefix={number} ctx={ctx} />
      {error && <p class="field-error">{error}</p>}
      <div class="group-actions">
        <button type="button" class="text-button" onClick={() => add(emptyRule())}>
          + Add a rule
        </button>
        {canNestGroup(depth) && (
          <button type="button" class="text-button" onClick={() => add(emptyGroup(group.combinator))}>
            + Add a nested group
          </button>
        )}
      </div>
    </section>
  );
}
