import { useEffect, useRef, useState } from 'preact/hooks';
import type { RuleSet } from '../../../lib/schema';
import type { SegmentPreview } from '../../../lib/messaging/protocol';
import { useBackground } from '../../../components/background-context';
import { useDb } from '../../../components/db-context';
import { useLiveQuery } from '../../../components/use-live-query';
import { readStoredSyncStatus } from '../../../lib/sync/status';

/**
 * What the live preview shows. `last` keeps the previous answer visible while a new one loads;
 * `leads`: how far the background has got loading its copy of the leads, while it does.
 */
export type PreviewState =
  | { kind: 'incomplete' }
  | { kind: 'loading'; last?: SegmentPreview; leads?: { loaded: number; total: number } }
  | { kind: 'ready'; preview: SegmentPreview }
  | { kind: 'error'; error: string; last?: SegmentPreview };

/** Default debounce of the live preview (issue 4 §4: an answer within 300 ms of the last keystroke). */
export const PREVIEW_DEBOUNCE_MS = 150;

/** How many sample members the preview shows. */
export const PREVIEW_SAMPLE_SIZE = 5;

/**
 * Asks the background to preview `rules` (previewSegment) `delayMs` after they last changed, and
 * again as a running sync stores more leads. While the background still loads its copy of the
 * leads it answers how far it has got, at each step: the state shows that and asks again.
 * `rules` is null while they are invalid (nothing is sent). An answer to an older request than the
 * latest is ignored, so a slow early answer never overwrites a newer one.
 */
export function usePreview(rules: RuleSet | null, delayMs = PREVIEW_DEBOUNCE_MS): PreviewState {
  const send = useBackground();
  const [state, setState] = useState<PreviewState>(rules ? { kind: 'loading' } : { kind: 'incomplete' });
  const sequence = useRef(0);
  const key = rules ? JSON.stringify(rules) : null;
  /** The rules (as `key`) the current answer or error was given for. */
  const answeredFor = useRef<string | null>(null);
  // While a sync stores leads, ask again as they arrive (its stored progress moves every 250 ms at
  // most), and once more when it ends, so the count shown is never a stale partial one.
  const db = useDb();
  const sync = useLiveQuery(() => readStoredSyncStatus(db), [db]);
  const syncTick = sync.data?.running ? (sync.data.progress?.done ?? 0) : -1;

  useEffect(() => {
    sequence.current += 1;
    const request = sequence.current;
    if (!rules) {
      setState({ kind: 'incomplete' });
      return;
    }
    setState((previous) => ({ kind: 'loading', last: lastPreview(previous) }));
    const ask = () =>
      send('previewSegment', { rules, sampleSize: PREVIEW_SAMPLE_SIZE }).then(
        (answer) => {
          if (request !== sequence.current) return;
          if (answer.ok && answer.data.loading) {
            // No count yet (the background's lead copy is loading): show how far, ask again.
            const leads = answer.data.loading;
            setState((previous) => ({ kind: 'loading', last: lastPreview(previous), leads }));
            void ask();
            return;
          }
          answeredFor.current = key;
          setState((previous) =>
            answer.ok ? { kind: 'ready', preview: answer.data } : { kind: 'error', error: answer.error, last: lastPreview(previous) },
          );
        },
        (error: unknown) => {
          if (request !== sequence.current) return;
          answeredFor.current = key;
          setState((previous) => ({ kind: 'error', error: error instanceof Error ? error.message : String(error), last: lastPreview(previous) }));
        },
      );
    const timer = setTimeout(ask, delayMs);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, delayMs, send, syncTick]);

  // Between a change of the rules and the effect above (one render), the answer on screen is for
  // the old rules: it is shown as the previous count while loading, never as the current one.
  if (!rules) return { kind: 'incomplete' };
  if ((state.kind === 'ready' || state.kind === 'error') && answeredFor.current !== key) return { kind: 'loading', last: lastPreview(state) };
  return state;
}

function lastPreview(state: PreviewState): SegmentPreview | undefined {
  if (state.kind === 'ready') return state.preview;
  if (state.kind === 'loading' || state.kind === 'error') return state.last;
  return undefined;
}
