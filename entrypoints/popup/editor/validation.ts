import {
  SegmentDraftSchema,
  checkRuleSet,
  findOperator,
  resolveField,
  type CustomFieldDef,
  type Segment,
} from '../../../lib/schema';
import { normalizeText } from '../../../lib/engine';
import { nodeAtPath, toRuleSet, type GroupNode, type RuleNode } from './rule-tree';

/** What the editor form holds. `color` may be an unfinished custom colour while typing. */
export interface EditorValues {
  name: string;
  description: string;
  color: string;
  tree: GroupNode;
}

/** Inline messages for the editor; an absent key means no problem. */
export interface EditorProblems {
  name?: string;
  description?: string;
  color?: string;
  /** Problems of rule rows and groups, keyed by editor node id. */
  nodes: Record<string, string>;
  /** A problem with the rule set as a whole ("a segment needs at least one rule"). */
  rules?: string;
}

/** What the editor validates against. */
export interface ValidationContext {
  customFields: readonly CustomFieldDef[];
  /** Existing segments, for the unique-name check (docs/semantics.md §2: unique per owner, case-insensitive). */
  segments: ReadonlyArray<Pick<Segment, 'id' | 'name' | 'ownerId'>>;
  /** The segment being edited (its own name is not a conflict). */
  editingId?: string;
  /** Only segments of this owner count for uniqueness; all segments when unknown. */
  ownerId?: string;
}

/** Names compare like rule text (docs/semantics.md §2 "case-insensitive", with docs/semantics.md §3 rule 3's folding). */
const foldName = normalizeText;

/** The existing segment whose name equals `name` case-insensitively (docs/semantics.md §2), if any. */
export function findNameConflict(
  name: string,
  segments: ValidationContext['segments'],
  options: { editingId?: string; ownerId?: string } = {},
): Pick<Segment, 'id' | 'name' | 'ownerId'> | undefined {
  const folded = foldName(name);
  if (folded === '') return undefined;
  return segments.find(
    (s) =>
      s.id !== options.editingId &&
      (options.ownerId === undefined || s.ownerId === options.ownerId) &&
      foldName(s.name) === folded,
  );
}

const capitalise = (text: string) => (text ? text[0]!.toUpperCase() + text.slice(1) : text);

/**
 * A rule problem from `checkRuleSet` in the editor's words: the operator id at its start
 * ("'gt' needs a number") becomes the operator's label ("“is more than” needs a number"; "'between':
 * the first number …" → "“is between”: the first number …").
 */
export function friendlyRuleProblem(problem: string, rule: RuleNode | undefined, customFields: readonly CustomFieldDef[]): string {
  if (rule && rule.field && rule.operator) {
    const field = resolveField(rule.field, customFields);
    const operator = field ? findOperator(field.family, rule.operator) : undefined;
    if (operator) {
      const quoted = `'${operator.id}'`;
      if (problem.startsWith(quoted)) return `“${operator.label}”${problem.slice(quoted.length)}`;
    }
  }
  return capitalise(problem);
}

/**
 * Every inline problem of the editor form: name/description/colour from `SegmentDraftSchema`,
 * name uniqueness, rules from `checkRuleSet` with the custom field definitions (docs/semantics.md §2–3), and
 * one editor rule: "is"/"is not" with an empty text is almost always a mistake, so it asks for a
 * value (or the "is empty" operator) instead.
 */
export function validateEditor(values: EditorValues, context: ValidationContext): EditorProblems {
  const problems: EditorProblems = { nodes: {} };
  const parsed = SegmentDraftSchema.safeParse({
    name: values.name,
    description: values.description,
    color: values.color,
    rules: { combinator: 'and', rules: [{ field: 'name', operator: 'is_not_empty' }] },
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if ((key === 'name' || key === 'description' || key === 'color') && !problems[key]) {
        problems[key] = key === 'color' ? 'Choose a colour or enter one as #rrggbb' : issue.message;
      }
    }
  }
  if (!problems.name) {
    const conflict = findNameConflict(values.name, context.segments, context);
    if (conflict) problems.name = `A segment named “${conflict.name}” already exists`;
  }

  for (const error of checkRuleSet(toRuleSet(values.tree), { customFields: context.customFields })) {
    if (error.path.length === 0) {
      problems.rules ??= capitalise(error.problem);
      continue;
    }
    const node = nodeAtPath(values.tree, error.path);
    if (!node || problems.nodes[node.id]) continue;
    problems.nodes[node.id] = friendlyRuleProblem(error.problem, node.kind === 'rule' ? node : undefined, context.customFields);
  }

  const visit = (group: GroupNode) => {
    for (const node of group.children) {
      if (node.kind === 'group') visit(node);
      else if (!problems.nodes[node.id] && (node.operator === 'equals' || node.operator === 'not_equals') && node.value === '') {
        const field = resolveField(node.field, context.customFields);
        if (field?.family === 'text') problems.nodes[node.id] = 'Enter a value, or choose “is empty”';
      }
    }
  };
  visit(values.tree);
  return problems;
}

/** True when the form can be saved. */
export function isValid(problems: EditorProblems): boolean {
  return !problems.name && !problems.description && !problems.color && !problems.rules && Object.keys(problems.nodes).length === 0;
}
