import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Campaign, CustomFieldDef, Segment } from '../../../lib/schema';
import { safeColor } from '../../../lib/format/color';
import { useBackground } from '../../../components/background-context';
import { timeAgo } from '../../../components/time-ago';
import { useAfterPointerRelease } from './after-pointer-release';
import { ColorPicker } from './color-picker';
import { DiscardDialog } from './discard-dialog';
import type { DraftStore, SavedDraft } from './draft-store';
import { DescriptionField, NameField } from './editor-text-fields';
import { PreviewSample, PreviewStatus } from './preview-panel';
import type { RuleBuilderContext } from './rule-group';
import { RulesSection } from './rules-section';
import { appendChild, emptyGroup, emptyRule, toRuleSet, type GroupNode } from './rule-tree';
import { usePreview } from './use-preview';
import { isValid, validateEditor } from './validation';
import { editorStart, snapshot, useEscape } from './editor-state';
import { useSegmentSave } from './use-segment-save';
import { SuggestionContext, backgroundSuggestionSource } from './value-suggestions';

/** Props of {@link SegmentEditor}. */
export interface SegmentEditorProps {
  /** The segment being edited; absent to create one. */
  segment?: Segment;
  /** An unsaved draft restored from `draftStore` (it wins over `segment`'s stored values). */
  restored?: SavedDraft;
  /** Every known segment (unique names; the next palette colour). */
  segments: readonly Segment[];
  customFields: readonly CustomFieldDef[];
  campaigns: readonly Campaign[];
  draftStore: DraftStore;
  /** Leaves the editor: after a save (with the stored segment) or a discard (no argument). */
  onDone: (saved?: Segment) => void;
  /** Preview debounce (ms); tests shorten it. */
  previewDelayMs?: number;
}

/**
 * The segment editor (issue 4 §4): name, description, colour, the rule builder, a live preview
 * and inline validation. Enter (or "Save segment") saves through the background (createSegment /
 * updateSegment); Escape or "Cancel" leaves, asking first when something changed. Every change
 * is written to `draftStore`, so closing the popup loses nothing; saving or discarding clears it.
 */
export function SegmentEditor(props: SegmentEditorProps) {
  const { segment, restored, segments, customFields, campaigns, draftStore, onDone, previewDelayMs } = props;
  const send = useBackground();
  const suggestionSource = useMemo(() => backgroundSuggestionSource(send, customFields), [send, customFields]);
  const afterRelease = useAfterPointerRelease();

  const [{ initial, storedRules, baseline }] = useState(() => editorStart(restored, segment, segments.length));
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description);
  const [color, setColor] = useState(initial.color);
  const [tree, setTree] = useState<GroupNode>(initial.tree);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [focusInvalid, setFocusInvalid] = useState(0);
  const [draftSaveFailed, setDraftSaveFailed] = useState(false);
  const { saving, saveError, clearSaveError, save: saveSegment } = useSegmentSave({ segment, storedRules, draftStore, onDone });
  const form = useRef<HTMLFormElement>(null);
  const addRuleButton = useRef<HTMLButtonElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);

  const rules = useMemo(() => toRuleSet(tree), [tree]);
  const rulesKey = JSON.stringify(rules);
  const current = snapshot({ name, description, color, rules });
  const dirty = current !== baseline;

  const problems = useMemo(
    () =>
      validateEditor(
        { name, description, color, tree },
        { customFields, segments, editingId: segment?.id, ownerId: segment?.ownerId },
      ),
    [name, description, color, tree, customFields, segments, segment],
  );
  // Preview only rules the editor accepts (checkRuleSet with the custom fields, plus its own checks).
  const rulesOk = !problems.rules && Object.keys(problems.nodes).length === 0;
  const previewRules = useMemo(
    () => (rulesOk ? rules : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `rulesKey` stands for `rules`: an equal rule set keeps the preview
    [rulesKey, rulesOk],
  );
  const preview = usePreview(previewRules, previewDelayMs);

  // Keep the draft in step with the form: the popup may close at any moment.
  useEffect(() => {
    if (dirty) {
      const ok = draftStore.save({ segmentId: segment?.id, name, description, color, rules, savedAt: Date.now() });
      setDraftSaveFailed(!ok);
    } else {
      draftStore.clear();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `current` is the snapshot of every saved value
  }, [current]);

  useEffect(() => {
    nameInput.current?.focus();
  }, []);

  // Escape anywhere in the popup cancels (dialogs and open suggestion lists stop it first).
  const cancelRef = useEscape();
  useEffect(() => {
    if (focusInvalid === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusInvalid]);

  const nameError =
    problems.name && (submitted || touched.has('name') || problems.name.startsWith('A segment named')) ? problems.name : undefined;
  const colorError = problems.color && (submitted || color.length >= 7) ? problems.color : undefined;
  const visibleNodeErrors: Record<string, string> = {};
  for (const [id, message] of Object.entries(problems.nodes)) {
    if (submitted || touched.has(id)) visibleNodeErrors[id] = message;
  }
  const rulesError = problems.rules && submitted ? problems.rules : undefined;

  // A message shown on blur waits until a click in progress has landed (issue 11 §5).
  const touch = (id: string) =>
    afterRelease(() =>
      setTouched((previous) => {
        if (previous.has(id)) return previous;
        const next = new Set(previous);
        next.add(id);
        return next;
      }),
    );

  const otherSegments = useMemo(() => segments.filter((s) => s.id !== segment?.id), [segments, segment?.id]);
  const builder: RuleBuilderContext = {
    root: tree,
    setRoot: setTree,
    customFields,
    campaigns,
    otherSegments,
    errors: visibleNodeErrors,
    touch,
    focusId,
    setFocusId,
    onRemoved: () => addRuleButton.current?.focus(),
  };

  const save = async () => {
    if (saving) return;
    setSubmitted(true);
    clearSaveError();
    if (!isValid(problems)) {
      setFocusInvalid((n) => n + 1);
      return;
    }
    await saveSegment({ name, description, color, rules });
  };

  const requestCancel = () => {
    if (saving) return;
    if (dirty) setConfirmingDiscard(true);
    else {
      draftStore.clear();
      onDone();
    }
  };

  cancelRef.current = requestCancel;

  const addTopLevel = (kind: 'rule' | 'group') => {
    const node = kind === 'rule' ? emptyRule() : emptyGroup(tree.combinator);
    setTree(appendChild(tree, tree.id, node));
    setFocusId(node.kind === 'rule' ? node.id : (node.children[0]?.id ?? null));
  };

  return (
    <SuggestionContext.Provider value={suggestionSource}>
      <form
        ref={form}
        class="editor"
        noValidate
        aria-label={segment ? `Edit segment ${segment.name}` : 'New segment'}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        onKeyDown={(event) => {
          if (event.defaultPrevented) return;
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void save();
          }
        }}
      >
        <div class="editor-head">
          <span class="color-dot" style={{ backgroundColor: safeColor(color) }} aria-hidden="true" />
          <h1 class="editor-title">{segment ? 'Edit segment' : 'New segment'}</h1>
        </div>

        <div class="editor-body">
          {restored && (
            <p class="notice" role="note">
              Restored your unsaved {restored.segmentId && segment ? 'changes' : 'draft'} from {timeAgo(restored.savedAt, Date.now())}.
            </p>
          )}
          {saveError && (
            <div class="banner banner-error" role="alert">
              <strong>Could not save.</strong> {saveError}
            </div>
          )}
          <NameField value={name} error={nameError} onInput={setName} onBlur={() => touch('name')} inputRef={nameInput} />
          <DescriptionField
            value={description}
            error={problems.description}
            onInput={setDescription}
            onSubmit={() => form.current?.requestSubmit()}
          />
          <ColorPicker value={color} onChange={setColor} error={colorError} />
          <RulesSection builder={builder} error={rulesError} onAdd={addTopLevel} addRuleRef={addRuleButton} />
          <PreviewSample state={preview} />
          {draftSaveFailed && <p class="field-hint">Your draft could not be kept in this browser’s storage.</p>}
        </div>

        <div class="editor-foot">
          <PreviewStatus state={preview} />
          <div class="editor-buttons">
            <button type="button" class="button button-ghost" onClick={requestCancel} disabled={saving}>
              Cancel
            </button>
            <button type="submit" class="button button-primary" disabled={saving} aria-busy={saving || undefined}>
              {saving ? 'Saving…' : 'Save segment'}
            </button>
          </div>
        </div>
      </form>
      {confirmingDiscard && (
        <DiscardDialog
          segmentName={segment?.name}
          onKeep={() => setConfirmingDiscard(false)}
          onDiscard={() => {
            setConfirmingDiscard(false);
            draftStore.clear();
            onDone();
          }}
        />
      )}
    </SuggestionContext.Provider>
  );
}
