import { useState } from 'preact/hooks';
import type { RuleSet, Segment, SegmentPatch } from '../../../lib/schema';
import { useBackground } from '../../../components/background-context';
import type { DraftStore } from './draft-store';

/** What {@link useSegmentSave} saves: the form's values, already valid. */
export interface SaveValues {
  name: string;
  description: string;
  color: string;
  rules: RuleSet;
}

/** Props of {@link useSegmentSave}. */
export interface SegmentSaveOptions {
  /** The segment edited (absent: create one). */
  segment?: Segment;
  /** Its stored rules as the builder writes them (compared to decide whether rules changed). */
  storedRules?: RuleSet;
  draftStore: DraftStore;
  onDone: (saved?: Segment) => void;
}

/**
 * Saving through the background: `createSegment`, or `updateSegment` with only the changed
 * properties (nothing changed: leaves without a message). Clears the draft after a save; keeps
 * the form and shows the background's error otherwise.
 */
export function useSegmentSave({ segment, storedRules, draftStore, onDone }: SegmentSaveOptions) {
  const send = useBackground();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  const save = async (values: SaveValues) => {
    const name = values.name.trim();
    const description = values.description.trim();
    const color = values.color.toLowerCase();
    setSaving(true);
    let answer;
    if (segment) {
      const patch: SegmentPatch = {};
      if (name !== segment.name) patch.name = name;
      if (description !== segment.description) patch.description = description;
      if (color !== segment.color.toLowerCase()) patch.color = color;
      if (JSON.stringify(values.rules) !== JSON.stringify(storedRules)) patch.rules = values.rules;
      if (Object.keys(patch).length === 0) {
        draftStore.clear();
        onDone(segment);
        return;
      }
      answer = await send('updateSegment', { id: segment.id, patch });
    } else {
      answer = await send('createSegment', { draft: { name, description, color, rules: values.rules, status: 'active' } });
    }
    setSaving(false);
    if (answer.ok) {
      draftStore.clear();
      onDone(answer.data);
    } else {
      setSaveError(answer.error);
    }
  };

  return { saving, saveError, clearSaveError: () => setSaveError(null), save };
}
