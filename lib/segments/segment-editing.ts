import {
  getSegment,
  listCustomFields,
  listSegments,
  putSegment,
  writeTransaction,
  type CrmSegmentsDB,
} from '../db';
import {
  SegmentDraftSchema,
  SegmentPatchSchema,
  formatZodError,
  type z,
  type CurrentUser,
  type RuleSet,
  type Segment,
  type SegmentDraft,
  type SegmentPatch,
} from '../schema';
import { SegmentOperationError } from './errors';
import { withoutUndefined } from './membership-changes';
import { tryCompile } from './predicates';
import { enqueueRefresh } from './refresh-job';
import { cycleMessage, existenceLookup, findCycle } from './segment-graph';

/** Who creates a segment (docs/semantics.md §7: recorded as ownerId/ownerName/orgId): the current user, role aside. */
export type SegmentOwner = Pick<CurrentUser, 'userId' | 'name' | 'orgId'>;

/**
 * Options of a change to an existing segment. `now`: epoch ms of the change. `actorId`: the
 * current user's id; when given, only the segment's owner may make the change (docs/semantics.md §7).
 */
export interface SegmentChangeOptions {
  now: number;
  actorId?: string;
}

/** A validated segment draft (defaults applied). */
type SegmentDraftInput = z.output<typeof SegmentDraftSchema>;

/** Maximum segment name length (docs/semantics.md §2). */
const MAX_NAME = 80;

/** Name comparison key: NFKC, trimmed, inner white space collapsed, case-folded (docs/semantics.md §2 uniqueness). */
export function segmentNameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Throws `duplicate_name` when `ownerId` already has another segment called `name`. */
export async function assertUniqueName(db: CrmSegmentsDB, ownerId: string, name: string, exceptId?: string): Promise<void> {
  const key = segmentNameKey(name);
  const clash = (await listSegments(db)).find((s) => s.ownerId === ownerId && s.id !== exceptId && segmentNameKey(s.name) === key);
  if (clash) {
    throw new SegmentOperationError('duplicate_name', `You already have a segment named "${clash.name}". Choose another name.`);
  }
}

/**
 * Throws `invalid` naming the rule when `rules` do not compile against the stored custom fields
 * and segments (a segment membership rule must name an existing segment), or when segment
 * membership rules would form a cycle through the segment `self` (new or edited).
 */
async function assertRulesUsable(db: CrmSegmentsDB, rules: RuleSet, now: number, self: { id: string; name: string }): Promise<void> {
  const segments = await listSegments(db);
  const segmentMembers = existenceLookup(new Set([...segments.map((s) => s.id), self.id]));
  const compiled = tryCompile(rules, { now, timeZone: 'UTC', customFields: await listCustomFields(db), segmentMembers });
  if (!compiled.ok) throw new SegmentOperationError('invalid', compiled.error);
  const cycle = findCycle(segments, { ...self, rules });
  if (cycle) throw new SegmentOperationError('invalid', cycleMessage(cycle));
}

/** Loads a segment or throws `not_found`; with `actorId`, throws `forbidden` unless they own it. */
export async function loadSegmentFor(db: CrmSegmentsDB, id: string, actorId?: string): Promise<Segment> {
  const segment = await getSegment(db, id);
  if (!segment) throw new SegmentOperationError('not_found', 'This segment no longer exists.');
  if (actorId !== undefined && segment.ownerId !== actorId) {
    throw new SegmentOperationError('forbidden', `Only ${segment.ownerName || 'its owner'} can change this segment.`);
  }
  return segment;
}

/** Stable JSON of a rule set (key order normalised) to tell whether rules really changed. */
function canonicalRules(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** A new segment row: a fresh id, `owner`'s fields, version 1, no members, created and updated at `now`. */
export function newSegmentRecord(input: SegmentDraftInput, owner: SegmentOwner, now: number): Segment {
  return {
    id: crypto.randomUUID(),
    name: input.name,
    description: input.description,
    color: input.color,
    rules: input.rules,
    status: input.status,
    ownerId: owner.userId,
    ownerName: owner.name,
    orgId: owner.orgId,
    createdAt: now,
    updatedAt: now,
    rulesVersion: 1,
    memberCount: 0,
  };
}

/**
 * Creates a segment (docs/semantics.md §2): name trimmed and unique per owner (case-insensitive), rules valid
 * against the stored custom fields, `rulesVersion` 1, `memberCount` 0, owner fields from `owner`.
 * An active segment gets a full-refresh job in the same transaction (run it with
 * `runRefreshJob`). Throws `SegmentOperationError` (`invalid`, `duplicate_name`); writes nothing then.
 */
export async function createSegment(
  db: CrmSegmentsDB,
  draft: SegmentDraft,
  owner: SegmentOwner,
  options: { now: number },
): Promise<Segment> {
  const parsed = SegmentDraftSchema.safeParse(draft);
  if (!parsed.success) throw new SegmentOperationError('invalid', formatZodError(parsed.error));
  if (!owner.userId.trim()) {
    throw new SegmentOperationError('invalid', 'The current user is unknown: connect your CRM ("Sync all" on its leads page), or use "Set identity manually" under "Who you are" on the options page.');
  }
  const input = parsed.data;
  return writeTransaction(db, ['segments', 'customFields', 'jobs', 'meta', 'leads'], async () => {
    await assertUniqueName(db, owner.userId, input.name);
    const record = newSegmentRecord(input, owner, options.now);
    await assertRulesUsable(db, input.rules, options.now, { id: record.id, name: record.name });
    const segment = await putSegment(db, record);
    if (segment.status === 'active') await enqueueRefresh(db, segment, options.now);
    return segment;
  });
}

/**
 * Edits a segment's name, description, colour and/or rules. A real rules change bumps
 * `rulesVersion`, clears `error` and, for an active segment, (re)starts its full refresh; other
 * edits leave memberships alone. Throws `SegmentOperationError` (`not_found`, `forbidden`,
 * `invalid`, `duplicate_name`); writes nothing then.
 */
export async function updateSegment(
  db: CrmSegmentsDB,
  id: string,
  patch: SegmentPatch,
  options: SegmentChangeOptions,
): Promise<Segment> {
  const parsed = SegmentPatchSchema.safeParse(patch);
  if (!parsed.success) throw new SegmentOperationError('invalid', formatZodError(parsed.error));
  const edit = parsed.data;
  return writeTransaction(db, ['segments', 'customFields', 'jobs', 'meta', 'leads'], async () => {
    const segment = await loadSegmentFor(db, id, options.actorId);
    if (edit.name !== undefined) await assertUniqueName(db, segment.ownerId, edit.name, segment.id);
    const rulesChanged = edit.rules !== undefined && canonicalRules(edit.rules) !== canonicalRules(segment.rules);
    if (rulesChanged) await assertRulesUsable(db, edit.rules as RuleSet, options.now, { id: segment.id, name: edit.name ?? segment.name });
    const next = await putSegment(
      db,
      withoutUndefined({
        ...segment,
        name: edit.name ?? segment.name,
        description: edit.description ?? segment.description,
        color: edit.color ?? segment.color,
        rules: rulesChanged ? (edit.rules as RuleSet) : segment.rules,
        rulesVersion: rulesChanged ? segment.rulesVersion + 1 : segment.rulesVersion,
        error: rulesChanged ? undefined : segment.error,
        updatedAt: options.now,
      }),
    );
    if (rulesChanged && next.status === 'active') await enqueueRefresh(db, next, options.now);
    return next;
  });
}

/** "Copy of <name>", then "Copy of <name> (2)", … — the first not yet used by `ownerId`, ≤ 80 chars. */
async function copyName(db: CrmSegmentsDB, ownerId: string, name: string): Promise<string> {
  const taken = new Set((await listSegments(db)).filter((s) => s.ownerId === ownerId).map((s) => segmentNameKey(s.name)));
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const candidate = `Copy of ${name}`.slice(0, MAX_NAME - suffix.length).trimEnd() + suffix;
    if (!taken.has(segmentNameKey(candidate))) return candidate;
  }
}

/**
 * Duplicates a segment for `owner` (who may differ from the original's owner: an admin copying a
 * colleague's segment gets their own). The copy is named "Copy of …" (unique for the owner), keeps
 * description, colour and rules, and starts ACTIVE with a full refresh enqueued — a copy is
 * usually made to be tweaked and used. Throws `SegmentOperationError` (`not_found`, `invalid`).
 */
export async function duplicateSegment(
  db: CrmSegmentsDB,
  id: string,
  owner: SegmentOwner,
  options: { now: number },
): Promise<Segment> {
  const original = await loadSegmentFor(db, id);
  const name = await copyName(db, owner.userId, original.name);
  return createSegment(
    db,
    { name, description: original.description, color: original.color, rules: original.rules, status: 'active' },
    owner,
    options,
  );
}
