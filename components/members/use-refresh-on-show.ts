import { useEffect } from 'preact/hooks';
import { compileRules } from '../../lib/engine';
import type { CustomFieldDef, Segment } from '../../lib/schema';
import { useBackground } from '../background-context';

/** Segments refreshed on show during this panel session (time-dependent ones, docs/semantics.md §3 rule 7). */
const refreshedOnShow = new Set<string>();

/**
 * Asks the background to refresh an active, time-dependent segment the first time it is shown
 * in this panel session (docs/semantics.md §3 rule 7): its members depend on today's date.
 */
export function useRefreshOnShow(segment: Segment, customFields: readonly CustomFieldDef[], timeZone: string): void {
  const send = useBackground();
  useEffect(() => {
    if (segment.status !== 'active' || refreshedOnShow.has(segment.id)) return;
    let timeDependent: boolean;
    try {
      timeDependent = compileRules(segment.rules, {
        now: Date.now(),
        timeZone,
        customFields: [...customFields],
        segmentMembers: () => ({ has: () => false }), // only timeDependent is read
      }).timeDependent;
    } catch {
      return; // The segment's error is shown in its summary.
    }
    if (!timeDependent) return;
    refreshedOnShow.add(segment.id);
    void send('refreshSegment', { id: segment.id });
  }, [segment, customFields, timeZone, send]);
}
