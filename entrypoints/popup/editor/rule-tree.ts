import {
  MAX_RULE_DEPTH,
  OPERATORS,
  findOperator,
  isRuleSet,
  resolveField,
  type CustomFieldDef,
  type FieldDef,
  type OperatorDef,
  type Rule,
  type RuleSet,
  type ValueShape,
} from '../../../lib/schema';

/**
 * The rule builder's editable tree: a RuleSet (docs/semantics.md §2) whose nodes carry stable ids for keys
 * and focus, and whose values may be incomplete while the user types (validation reports them).
 */
export interface RuleNode {
  kind: 'rule';
  id: string;
  /** Field key (docs/semantics.md §3), or "" before one is chosen. */
  field: string;
  /** Operator id, or "" before a field is chosen. */
  operator: string;
  value: unknown;
}

/** A group of nodes joined by `and` ("all of") or `or` ("any of"). */
export interface GroupNode {
  kind: 'group';
  id: string;
  combinator: 'and' | 'or';
  children: EditorNode[];
}

export type EditorNode = RuleNode | GroupNode;

let nextId = 0;
/** A fresh node id, unique within this page. */
export function newNodeId(): string {
  nextId += 1;
  return `node-${nextId}`;
}

/** A new rule with no field chosen yet. */
export function emptyRule(): RuleNode {
  return { kind: 'rule', id: newNodeId(), field: '', operator: '', value: undefined };
}

/** A new group with one empty rule. Groups under "all of" are "any of" and vice versa. */
export function emptyGroup(parentCombinator: 'and' | 'or'): GroupNode {
  return { kind: 'group', id: newNodeId(), combinator: parentCombinator === 'and' ? 'or' : 'and', children: [emptyRule()] };
}

/** The editor tree of a new segment: "all of" with one empty rule. */
export function emptyTree(): GroupNode {
  return { kind: 'group', id: newNodeId(), combinator: 'and', children: [emptyRule()] };
}

/** Editor tree for a stored (or restored) rule set; malformed nodes become empty rules. */
export function fromRuleSet(rules: RuleSet): GroupNode {
  const visit = (set: RuleSet): GroupNode => ({
    kind: 'group',
    id: newNodeId(),
    combinator: set.combinator === 'or' ? 'or' : 'and',
    children: (Array.isArray(set.rules) ? set.rules : []).map((node: Rule | RuleSet) =>
      node && typeof node === 'object' && isRuleSet(node)
        ? visit(node)
        : {
            kind: 'rule' as const,
            id: newNodeId(),
            field: typeof node?.field === 'string' ? node.field : '',
            operator: typeof node?.operator === 'string' ? node.operator : '',
            value: node?.value,
          },
    ),
  });
  return visit(rules);
}

/** The RuleSet this tree stands for (ids dropped; an absent value has no `value` key). */
export function toRuleSet(group: GroupNode): RuleSet {
  return {
    combinator: group.combinator,
    rules: group.children.map((node): Rule | RuleSet => {
      if (node.kind === 'group') return toRuleSet(node);
      const rule: Rule = { field: node.field, operator: node.operator };
      if (node.value !== undefined) rule.value = node.value;
      return rule;
    }),
  };
}

/** The value a freshly chosen operator starts with, for its value shape. */
export function defaultValue(shape: ValueShape): unknown {
  switch (shape) {
    case 'none':
    case 'number':
      return undefined;
    case 'string':
    case 'nonEmptyString':
    case 'day':
      return '';
    case 'stringList':
      return [];
    case 'numberRange':
      return [undefined, undefined];
    case 'dayRange':
      return ['', ''];
    case 'relative':
      return { amount: 30, unit: 'days' };
    case 'campaignRef':
      return 'any';
    case 'campaignResponse':
      return { campaignId: 'any', responses: [] };
    case 'segmentRef':
      return '';
  }
}

const isStringShape = (shape: ValueShape) => shape === 'string' || shape === 'nonEmptyString';

/**
 * Carries a value over an operator change when the shapes are compatible ("is" → "contains"
 * keeps the text, "is" → "is any of" makes it the first chip, a list → "is" keeps the first
 * item); otherwise the new shape's default.
 */
export function carryValue(from: ValueShape, to: ValueShape, value: unknown): unknown {
  if (from === to) return value;
  if (isStringShape(from) && isStringShape(to)) return value;
  if (isStringShape(from) && to === 'stringList')
    return typeof value === 'string' && value.trim() !== '' ? [value.trim()] : [];
  if (from === 'stringList' && isStringShape(to)) return Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '';
  if (from === 'day' && to === 'dayRange') return [typeof value === 'string' ? value : '', ''];
  if (from === 'number' && to === 'numberRange') return [value, undefined];
  return defaultValue(to);
}

/** The field definition of a rule, or undefined (none chosen, unknown, or a deleted custom field). */
export function ruleField(rule: RuleNode, customFields: readonly CustomFieldDef[]): FieldDef | undefined {
  return rule.field ? resolveField(rule.field, customFields) : undefined;
}

/** The operator definition of a rule, or undefined when it does not fit the rule's field. */
export function ruleOperator(rule: RuleNode, customFields: readonly CustomFieldDef[]): OperatorDef | undefined {
  const field = ruleField(rule, customFields);
  return field ? findOperator(field.family, rule.operator) : undefined;
}

/**
 * The rule with `fieldKey` chosen: keeps the operator (and value) when the new field's type allows
 * it, otherwise its type's first operator and that operator's default value.
 */
export function withField(rule: RuleNode, fieldKey: string, customFields: readonly CustomFieldDef[]): RuleNode {
  const field = resolveField(fieldKey, customFields);
  if (!field) return { ...rule, field: fieldKey, operator: '', value: undefined };
  const previous = ruleOperator(rule, customFields);
  const same = findOperator(field.family, rule.operator);
  if (previous && same && previous.value === same.value) return { ...rule, field: fieldKey };
  const first = OPERATORS[field.family][0]!;
  return { ...rule, field: fieldKey, operator: first.id, value: defaultValue(first.value) };
}

/** The rule with operator `operatorId`, its value carried over when the shapes allow. */
export function withOperator(rule: RuleNode, operatorId: string, customFields: readonly CustomFieldDef[]): RuleNode {
  const field = ruleField(rule, customFields);
  const next = field ? findOperator(field.family, operatorId) : undefined;
  if (!next) return { ...rule, operator: operatorId };
  const previous = ruleOperator(rule, customFields);
  const value = previous ? carryValue(previous.value, next.value, rule.value) : defaultValue(next.value);
  return { ...rule, operator: operatorId, value };
}

/** Replaces the node `id` by `update(node)`; returns the tree unchanged if there is no such node. */
export function updateNode(root: GroupNode, id: string, update: (node: EditorNode) => EditorNode): GroupNode {
  const visit = (node: EditorNode): EditorNode => {
    if (node.id === id) return update(node);
    if (node.kind === 'rule') return node;
    const children = node.children.map(visit);
    return children.every((c, i) => c === node.children[i]) ? node : { ...node, children };
  };
  return visit(root) as GroupNode;
}

/** The tree without node `id` (the root itself is never removed). */
export function removeNode(root: GroupNode, id: string): GroupNode {
  const visit = (group: GroupNode): GroupNode => ({
    ...group,
    children: group.children.filter((c) => c.id !== id).map((c) => (c.kind === 'group' ? visit(c) : c)),
  });
  return visit(root);
}

/** The tree with `node` appended to group `groupId`. */
export function appendChild(root: GroupNode, groupId: string, node: EditorNode): GroupNode {
  return updateNode(root, groupId, (group) =>
    group.kind === 'group' ? { ...group, children: [...group.children, node] } : group,
  );
}

/** Whether a group at `depth` (the root is 1) may hold another group (docs/semantics.md §2: depth ≤ 3). */
export function canNestGroup(depth: number): boolean {
  return depth < MAX_RULE_DEPTH;
}

/** The node at index path `path` (as in RuleError.path), or undefined. */
export function nodeAtPath(root: GroupNode, path: readonly number[]): EditorNode | undefined {
  let node: EditorNode | undefined = root;
  for (const index of path) {
    if (!node || node.kind !== 'group') return undefined;
    node = node.children[index];
  }
  return node;
}

/** Every rule node of the tree, depth first. */
export function allRules(root: GroupNode): RuleNode[] {
  return root.children.flatMap((c) => (c.kind === 'group' ? allRules(c) : [c]));
}
