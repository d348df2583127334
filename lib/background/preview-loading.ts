import type { SegmentPreview } from '../messaging/protocol';
import type { LeadColumns } from '../segments';
import type { LeadMemory } from './lead-memory';

/**
 * The preview over the background's lead copy (`preview`), or — while the copy still loads, as
 * right after the service worker started — an answer saying how far it has got
 * (`SegmentPreview.loading`, no count), given at the load's next step so that a page asking again
 * at once follows the load without polling (issue 10: "Loading leads… 40,000 of 120,000").
 */
export async function previewWhenLoaded(memory: LeadMemory, preview: (leads: LeadColumns) => Promise<SegmentPreview>): Promise<SegmentPreview> {
  let leads = memory.ready();
  if (!leads) {
    memory.warm();
    await memory.nextStep();
    leads = memory.ready();
    const loading = memory.loading();
    if (!leads && loading) return { count: 0, total: 0, sample: [], elapsedMs: 0, loading };
  }
  // Not loading (a load that failed starts again here, and its error is the preview's).
  return preview(leads ?? (await memory.get()));
}
