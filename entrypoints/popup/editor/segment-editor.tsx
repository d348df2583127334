import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import {
  type Campaign,
  type CustomFieldDef,
  type RuleSet,
  type Segment,
  type SegmentPatch,
} from '../../../lib/schema';
import { safeColor } from '../../../lib/format/color';
import { useBackground } from '../../../components/background-context';
import { useDb } from '../../../components/db-context';
import { Dialog } from '../../../components/dialog';
import { suggestedColor } from '../../../components/segment-colors';
import { timeAgo } from '../../../components/time-ago';
import { ColorPicker } from './color-picker';
import type { DraftStore, SavedDraft } from './draft-store';
import { PreviewSample, PreviewStatus } from './preview-panel';
import { GroupChildren, type RuleBuilderContext } from './rule-group';
import { appendChild, emptyGroup, emptyRule, emptyTree, fromRuleSet, toRuleSet, type GroupNode } from './rule-tree';
import { usePreview } from './use-preview';
import { isValid, validateEditor, type EditorValues } from './validation';
import { SuggestionContext, dbSuggestionSource } from './value-suggestions';

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

const MAX_DESCRIPTION = 500;

function initialValues(props: SegmentEditorProps): EditorValues {
  const { restored, segment, segments } = props;
  if (restored) {
    return { name: restored.name, description: restored.description, color: restored.color, tree: fromRuleSet(restored.rules) };
  }
  if (segment) {
    return { name: segment.name, description: segment.description, color: segment.color, tree: fromRuleSet(segment.rules) };
  }
  return { name: '', description: '', color: suggestedColor(segments.length), tree: emptyTree() };
}

/** A comparable snapshot of the form (dirty checks, drafts). */
function snapshot(values: Pick<EditorValues, 'name' | 'description' | 'color'> & { rules: RuleSet }): string {
  return JSON.stringify([values.name, values.description, values.color, values.rules]);
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
  const db = useDb();
  const suggestionSource = useMemo(() => dbSuggestionSource(db), [db]);
  const nameId = useId();
  const nameErrorId = useId();
  const descriptionId = useId();
  const descriptionErrorId = useId();
  const rulesErrorId = useId();

  const [initial] = useState(() => initialValues(props));
  // The stored rules as the builder writes them (same key order), so an untouched form is clean.
  const [storedRules] = useState(() => (segment ? toRuleSet(fromRuleSet(segment.rules)) : undefined));
  const [baseline] = useState(() =>
    segment
      ? snapshot({ name: segment.name, description: segment.description, color: segment.color, rules: storedRules! })
      : snapshot({ name: '', description: '', color: initial.color, rules: toRuleSet(emptyTree()) }),
  );
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description);
  const [color, setColor] = useState(initial.color);
  const [tree, setTree] = useState<GroupNode>(initial.tree);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [focusInvalid, setFocusInvalid] = useState(0);
  const [draftSaveFailed, setDraftSaveFailed] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const addRuleButton = useRef<HTMLButtonElement>(null);

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
    // eslint-disable-next-line react-hooks/exhaustive-deps
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
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current]);

  const nameInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    nameInput.current?.focus();
  }, []);

  // Escape anywhere in the popup cancels (dialogs and open suggestion lists stop it first).
  const cancelRef = useRef<() => void>(() => {});
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      cancelRef.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    if (focusInvalid === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusInvalid]);

  const nameError =
    problems.name && (submitted || touched.has('name') || problems.name.startsWith('A segment named')) ? problems.name : undefined;
  const descriptionError = problems.description;
  const colorError = problems.color && (submitted || color.length >= 7) ? problems.color : undefined;
  const visibleNodeErrors: Record<string, string> = {};
  for (const [id, message] of Object.entries(problems.nodes)) {
    if (submitted || touched.has(id)) visibleNodeErrors[id] = message;
  }
  const rulesError = problems.rules && submitted ? problems.rules : undefined;

  const touch = (id: string) =>
    setTouched((previous) => {
      if (previous.has(id)) return previous;
      const next = new Set(previous);
      next.add(id);
      return next;
    });

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
    setSaveError(null);
    if (!isValid(problems)) {
      setFocusInvalid((n) => n + 1);
      return;
    }
    const cleanName = name.trim();
    const cleanDescription = description.trim();
    const cleanColor = color.toLowerCase();
    setSaving(true);
    let answer;
    if (segment) {
      const patch: SegmentPatch = {};
      if (cleanName !== segment.name) patch.name = cleanName;
      if (cleanDescription !== segment.description) patch.description = cleanDescription;
      if (cleanColor !== segment.color.toLowerCase()) patch.color = cleanColor;
      if (JSON.stringify(rules) !== JSON.stringify(storedRules)) patch.rules = rules;
      if (Object.keys(patch).length === 0) {
        draftStore.clear();
        onDone(segment);
        return;
      }
      answer = await send('updateSegment', { id: segment.id, patch });
    } else {
      answer = await send('createSegment', {
        draft: { name: cleanName, description: cleanDescription, color: cleanColor, rules, status: 'active' },
      });
    }
    setSaving(false);
    if (answer.ok) {
      draftStore.clear();
      onDone(answer.data);
    } else {
      setSaveError(answer.error);
    }
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

          <div class="field">
            <label class="field-label" for={nameId}>
              Segment name
            </label>
            <input
              id={nameId}
              class="input"
              type="text"
              required
              maxLength={80}
              autoComplete="off"
              placeholder="e.g. Hot leads in India"
              value={name}
              aria-invalid={Boolean(nameError) || undefined}
              aria-describedby={nameError ? nameErrorId : undefined}
              onInput={(e) => setName(e.currentTarget.value)}
              onBlur={() => touch('name')}
              ref={nameInput}
            />
            {nameError && (
              <p id={nameErrorId} class="field-error">
                {nameError}
              </p>
            )}
          </div>

          <div class="field">
            <div class="field-label-row">
              <label class="field-label" for={descriptionId}>
                Description
              </label>
              <span class="field-optional">Optional</span>
            </div>
            <textarea
              id={descriptionId}
              class="input textarea"
              rows={2}
              maxLength={MAX_DESCRIPTION}
              placeholder="What these leads have in common"
              value={description}
              aria-invalid={Boolean(descriptionError) || undefined}
              aria-describedby={descriptionError ? descriptionErrorId : undefined}
              onInput={(e) => setDescription(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.metaKey && !e.isComposing) {
                  e.preventDefault();
                  form.current?.requestSubmit();
                }
              }}
            />
            {description.length > MAX_DESCRIPTION - 50 && (
              <p class="field-hint">
                {description.length}/{MAX_DESCRIPTION}
              </p>
            )}
            {descriptionError && (
              <p id={descriptionErrorId} class="field-error">
                {descriptionError}
              </p>
            )}
          </div>

          <ColorPicker value={color} onChange={setColor} error={colorError} />

          <section class="rules" aria-labelledby={`${rulesErrorId}-title`}>
            <div class="rules-head">
              <h2 id={`${rulesErrorId}-title`} class="section-title">
                Rules
              </h2>
              <span class="muted">Leads that match all of these</span>
            </div>
            {tree.children.length === 0 ? (
              <p class="rules-empty">No rules yet. Add one to choose which leads belong to this segment.</p>
            ) : (
              <GroupChildren group={tree} depth={1} prefix="" ctx={builder} />
            )}
            {rulesError && (
              <p id={rulesErrorId} class="field-error">
                {rulesError}
              </p>
            )}
            <div class="rules-actions">
              <button ref={addRuleButton} type="button" class="button button-secondary" onClick={() => addTopLevel('rule')}>
                Add rule
              </button>
              <button
                type="button"
                class="button button-ghost"
                onClick={() => addTopLevel('group')}
                title="A group matches when any of its rules match"
              >
                Add group
              </button>
            </div>
          </section>

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
        <Dialog
          title="Discard changes?"
          onClose={() => setConfirmingDiscard(false)}
          actions={
            <>
              <button type="button" class="button button-ghost" data-autofocus onClick={() => setConfirmingDiscard(false)}>
                Keep editing
              </button>
              <button
                type="button"
                class="button button-danger"
                onClick={() => {
                  setConfirmingDiscard(false);
                  draftStore.clear();
                  onDone();
                }}
              >
                Discard changes
              </button>
            </>
          }
        >
          <p>{segment ? `Your changes to “${segment.name}” will be lost.` : 'This new segment will not be saved.'}</p>
        </Dialog>
      )}
    </SuggestionContext.Provider>
  );
}
