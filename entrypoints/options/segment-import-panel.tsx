import { useId, useRef, useState } from 'preact/hooks';
import type { Campaign, CustomFieldDef } from '../../lib/schema';
import { MAX_SEGMENT_FILE_BYTES, parseSegmentFile } from '../../lib/schema/segment-file';
import { describeRuleSet } from '../../lib/engine';
import { formatCount } from '../../lib/format/number';
import { draftsToImport, importNameProblems, planImport, type ImportDecision } from '../../lib/segments/import-plan';
import { useBackground } from '../../components/background-context';
import { useOnDataReplaced } from './options-message';

/** Props of {@link SegmentImportPanel}. */
export interface SegmentImportPanelProps {
  /** Names of the current user's segments (an imported name must not clash with them). */
  myNames: readonly string[];
  customFields: readonly CustomFieldDef[];
  campaigns: readonly Campaign[];
}

type Outcome = { tone: 'ok' | 'error'; text: string };

/** A file's text as UTF-8 (FileReader: works in every browser and in jsdom). */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file);
  });
}

/**
 * Import of a segment file (issue 8 §3): pick the file ("Segment file"), see its segments with
 * creator and rules; a segment whose name I already use is skipped unless I rename it (nothing is
 * ever overwritten); "Import N segments" sends them to the background in one all-or-nothing
 * message. A malformed file is refused with the reason and changes nothing.
 */
export function SegmentImportPanel({ myNames, customFields, campaigns }: SegmentImportPanelProps) {
  const send = useBackground();
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState('');
  const [decisions, setDecisions] = useState<ImportDecision[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  useOnDataReplaced(() => setOutcome(null));

  const reset = () => {
    setDecisions(null);
    setFileName('');
    if (fileInput.current) fileInput.current.value = '';
  };

  const readFile = async (file: File | undefined) => {
    setOutcome(null);
    setDecisions(null);
    if (!file) return;
    setFileName(file.name);
    const refuse = (reason: string) => setOutcome({ tone: 'error', text: `Could not import ${file.name}: ${reason} Nothing was changed.` });
    if (file.size > MAX_SEGMENT_FILE_BYTES) return refuse('The file is larger than 5 MB; a segment file is much smaller.');
    let text: string;
    try {
      text = await readText(file);
    } catch {
      return refuse('The file could not be read.');
    }
    const parsed = parseSegmentFile(text);
    if (!parsed.ok) return refuse(parsed.reason);
    setDecisions(planImport(parsed.file.segments, myNames));
  };

  const problems = decisions ? importNameProblems(decisions, myNames) : new Map<number, string>();
  const chosen = decisions?.filter((d) => !d.skip).length ?? 0;
  const update = (index: number, change: Partial<ImportDecision>) =>
    setDecisions((list) => list && list.map((d, i) => (i === index ? { ...d, ...change } : d)));

  const runImport = async () => {
    if (!decisions || chosen === 0 || problems.size > 0) return;
    setBusy(true);
    const answer = await send('importSegments', { segments: draftsToImport(decisions) });
    setBusy(false);
    if (!answer.ok) return setOutcome({ tone: 'error', text: `Could not import: ${answer.error} Nothing was changed.` });
    const { created, withErrors } = answer.data;
    const skipped = decisions.length - created.length;
    const parts = [`Imported ${formatCount(created.length, 'segment', 'segments')}`];
    if (skipped > 0) parts.push(`skipped ${formatCount(skipped, 'segment', 'segments')}`);
    let text = `${parts.join(', ')}.`;
    if (withErrors > 0) text += ` ${formatCount(withErrors, 'segment uses', 'segments use')} custom fields this browser does not know; they show an error until those fields exist.`;
    setOutcome({ tone: 'ok', text });
    reset();
  };

  return (
    <div class="segment-import">
      <label class="field" for={inputId}>
        <span>Segment file</span>
      </label>
      <input
        id={inputId}
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        onChange={(e) => void readFile(e.currentTarget.files?.[0])}
      />
      {outcome && (
        <p class={outcome.tone === 'error' ? 'options-error' : 'options-ok'} role={outcome.tone === 'error' ? 'alert' : 'status'}>
          {outcome.text}
        </p>
      )}
      {decisions && (
        <form
          class="import-preview"
          aria-label={`Segments in ${fileName}`}
          onSubmit={(e) => {
            e.preventDefault();
            void runImport();
          }}
        >
          <ul class="import-list">
            {decisions.map((d, index) => (
              <ImportRow
                key={index}
                decision={d}
                problem={problems.get(index)}
                rules={describeRuleSet(d.entry.rules, { customFields, campaigns })}
                onChange={(change) => update(index, change)}
              />
            ))}
          </ul>
          <div class="import-actions">
            <button type="submit" class="button button-primary" disabled={busy || chosen === 0 || problems.size > 0} aria-busy={busy || undefined}>
              {busy ? 'Importing…' : `Import ${formatCount(chosen, 'segment', 'segments')}`}
            </button>
            <button type="button" class="button button-ghost" onClick={reset} disabled={busy}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

interface ImportRowProps {
  decision: ImportDecision;
  problem?: string;
  rules: string;
  onChange: (change: Partial<ImportDecision>) => void;
}

function ImportRow({ decision, problem, rules, onChange }: ImportRowProps) {
  const { entry, clashesWith, skip, name } = decision;
  const group = useId();
  const errorId = useId();
  return (
    <li class="import-item">
      <div class="import-item-head">
        <strong class="import-item-name" title={entry.name}>
          <bdi>{entry.name}</bdi>
        </strong>
        <span class="hint"> by {entry.createdBy.name || 'unknown'}{entry.status === 'inactive' ? ' · inactive' : ''}</span>
      </div>
      <p class="import-rules">{rules}</p>
      {clashesWith !== undefined && (
        <fieldset class="import-clash">
          <legend>You already have a segment named “{clashesWith}”.</legend>
          <label>
            <input type="radio" name={group} checked={!skip} onChange={() => onChange({ skip: false })} /> Rename to
          </label>
          <input
            type="text"
            class="input"
            aria-label={`New name for ${entry.name}`}
            maxLength={80}
            value={name}
            disabled={skip}
            aria-invalid={Boolean(problem) || undefined}
            aria-describedby={problem ? errorId : undefined}
            onInput={(e) => onChange({ name: e.currentTarget.value })}
          />
          <label>
            <input type="radio" name={group} checked={skip} onChange={() => onChange({ skip: true })} /> Skip
          </label>
        </fieldset>
      )}
      {problem && (
        <p id={errorId} class="options-error">
          {problem}
        </p>
      )}
    </li>
  );
}
