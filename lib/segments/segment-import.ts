import { listCustomFields, putSegment, writeTransaction, type CrmSegmentsDB } from '../db';
import type { SegmentImportReport } from '../messaging/protocol';
import { SegmentDraftSchema, formatZodError, type Segment, type SegmentDraft } from '../schema';
import { SegmentOperationError } from './errors';
import { tryCompile } from './predicates';
import { enqueueRefresh } from './refresh-job';
import { assertUniqueName, newSegmentRecord, type SegmentOwner } from './segment-editing';

/**
 * Imports segment definitions from a segment file (issue 8 §3, docs/semantics.md §7) as new segments of
 * `owner`, all in one transaction: any refusal writes nothing. Never overwrites: a name `owner`
 * already uses (or used twice in the batch) is refused with `duplicate_name` — the UI asks to
 * rename or skip first. Rules that do not compile here (typically a `custom.<key>` this browser
 * does not know) are kept as they are and the segment is stored with `error` set (docs/semantics.md §3 rule 9),
 * not dropped; such a segment gets no refresh until its rules can be evaluated. Active segments
 * that compile get a full refresh enqueued. Throws `SegmentOperationError` (`invalid`,
 * `duplicate_name`).
 */
export async function importSegments(
  db: CrmSegmentsDB,
  drafts: readonly SegmentDraft[],
  owner: SegmentOwner,
  options: { now: number },
): Promise<SegmentImportReport> {
  if (!owner.userId.trim()) {
    throw new SegmentOperationError('invalid', 'The current user is unknown: open your CRM or set your identity on the options page.');
  }
  const inputs = drafts.map((draft, index) => {
    const parsed = SegmentDraftSchema.safeParse(draft);
    if (!parsed.success) throw new SegmentOperationError('invalid', `Segment ${index + 1}: ${formatZodError(parsed.error)}`);
    return parsed.data;
  });
  return writeTransaction(db, ['customFields', 'segments', 'jobs', 'meta', 'leads'], async () => {
    const customFields = await listCustomFields(db);
    const created: Segment[] = [];
    let withErrors = 0;
    for (const input of inputs) {
      await assertUniqueName(db, owner.userId, input.name);
      const compiled = tryCompile(input.rules, { now: options.now, timeZone: 'UTC', customFields });
      const record = newSegmentRecord(input, owner, options.now);
      const segment = await putSegment(db, compiled.ok ? record : { ...record, error: compiled.error });
      if (!compiled.ok) withErrors += 1;
      else if (segment.status === 'active') await enqueueRefresh(db, segment, options.now);
      created.push(segment);
    }
    return { created, withErrors };
  });
}
