import { useEffect, useRef } from 'preact/hooks';
import type { RuleSet, Segment } from '../../../lib/schema';
import { suggestedColor } from '../../../components/segment-colors';
import type { SavedDraft } from './draft-store';
import { emptyTree, fromRuleSet, toRuleSet } from './rule-tree';
import type { EditorValues } from './validation';

/** A comparable snapshot of the form (dirty checks, drafts). */
export function snapshot(values: Pick<EditorValues, 'name' | 'description' | 'color'> & { rules: RuleSet }): string {
  return JSON.stringify([values.name, values.description, values.color, values.rules]);
}

/** Where an editor starts: its first values, the stored rules as the builder writes them, and the clean snapshot. */
export interface EditorStart {
  initial: EditorValues;
  /** The stored rules in the builder's key order (so an untouched form is clean); absent for a new segment. */
  storedRules?: RuleSet;
  /** {@link snapshot} of the stored (or empty) form: anything else is unsaved. */
  baseline: string;
}

/**
 * The editor's starting point: a restored draft wins over the stored segment; a new segment
 * starts empty with the next palette colour (`segmentCount` segments exist).
 */
export function editorStart(restored: SavedDraft | undefined, segment: Segment | undefined, segmentCount: number): EditorStart {
  const initial: EditorValues = restored
    ? { name: restored.name, description: restored.description, color: restored.color, tree: fromRuleSet(restored.rules) }
    : segment
      ? { name: segment.name, description: segment.description, color: segment.color, tree: fromRuleSet(segment.rules) }
      : { name: '', description: '', color: suggestedColor(segmentCount), tree: emptyTree() };
  if (!segment) {
    return { initial, baseline: snapshot({ name: '', description: '', color: initial.color, rules: toRuleSet(emptyTree()) }) };
  }
  const storedRules = toRuleSet(fromRuleSet(segment.rules));
  return {
    initial,
    storedRules,
    baseline: snapshot({ name: segment.name, description: segment.description, color: segment.color, rules: storedRules }),
  };
}

/**
 * Calls the returned ref's function when Escape is pressed anywhere in the document and nothing
 * (a dialog, an open suggestion list) handled it first. Assign the current handler on each render.
 */
export function useEscape() {
  const handler = useRef<() => void>(() => {});
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      handler.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  return handler;
}
