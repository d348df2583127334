import type { Campaign, CustomFieldDef, RefreshJob, Segment } from '../schema';
import { listCampaigns } from './campaigns';
import { listCustomFields } from './custom-fields';
import type { CrmSegmentsDB } from './database';
import { listJobs } from './jobs';
import { listSegments } from './segments';

/** What the popup's segment list shows: the stored segment rows (with their member counts) and what describes them. */
export interface SegmentOverview {
  segments: Segment[];
  campaigns: Campaign[];
  customFields: CustomFieldDef[];
  /** Running refresh jobs (progress per segment). */
  jobs: RefreshJob[];
}

/**
 * The segment list's rows in ONE read transaction (issue 10: popup counts from the stored
 * segment rows, nothing counted): started before the popup's first render so the counts paint
 * in the first frame that has data.
 */
export function readSegmentOverview(db: CrmSegmentsDB): Promise<SegmentOverview> {
  return db.transaction('r', [db.segments, db.campaigns, db.customFields, db.jobs], async () => {
    const [segments, campaigns, customFields, jobs] = await Promise.all([listSegments(db), listCampaigns(db), listCustomFields(db), listJobs(db)]);
    return { segments, campaigns, customFields, jobs };
  });
}
