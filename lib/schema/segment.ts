import { z, lazySchema } from './zod';
import { EpochMs, HexColor } from './common';
import { RuleSetSchema } from './rules';

/** Segment name: 1..80 chars after trimming (docs/semantics.md §2). Uniqueness per owner is checked by the store. */
export const SegmentNameSchema = lazySchema(() => z
  .string()
  .trim()
  .min(1, 'Segment name is required')
  .max(80, 'Segment name must be at most 80 characters')
  // Bidi controls (U+202A–U+202E, U+2066–U+2069) would let a name display as another name.
  .refine((name) => !/[\u202A-\u202E\u2066-\u2069]/.test(name), 'Segment name must not contain text-direction control characters'));

/** Segment description: 0..500 chars (docs/semantics.md §2). */
export const SegmentDescriptionSchema = lazySchema(() => z.string().max(500, 'Description must be at most 500 characters'));

export const SegmentStatusSchema = lazySchema(() => z.enum(['active', 'inactive']));
export type SegmentStatus = z.infer<typeof SegmentStatusSchema>;

/** A stored segment (docs/semantics.md §2, contract). Times are epoch ms. */
export const SegmentSchema = lazySchema(() => z.object({
  id: z.string().min(1),
  name: SegmentNameSchema,
  description: SegmentDescriptionSchema,
  color: HexColor,
  rules: RuleSetSchema,
  status: SegmentStatusSchema,
  ownerId: z.string(),
  ownerName: z.string(),
  orgId: z.string(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
  rulesVersion: z.number().int().min(1),
  memberCount: z.number().int().min(0),
  lastRefreshedAt: EpochMs.optional(),
  error: z.string().optional(),
}));
export type Segment = z.infer<typeof SegmentSchema>;

/** A segment's rules: a valid RuleSet whose top level joins its rules with "and" (docs/semantics.md §2). */
export const SegmentRulesSchema = lazySchema(() => RuleSetSchema.refine((rules) => rules.combinator === 'and', {
  message: 'Rules: a segment\'s top level combines rules with "and"; put "or" rules in a group',
}));

/** What a user supplies to create a segment; the background fills in the rest. */
export const SegmentDraftSchema = lazySchema(() => z.object({
  name: SegmentNameSchema,
  description: SegmentDescriptionSchema.default(''),
  color: HexColor,
  rules: SegmentRulesSchema,
  status: SegmentStatusSchema.default('active'),
}));
export type SegmentDraft = z.input<typeof SegmentDraftSchema>;

/** A partial edit of a segment's user-editable fields. */
export const SegmentPatchSchema = lazySchema(() => z
  .object({
    name: SegmentNameSchema,
    description: SegmentDescriptionSchema,
    color: HexColor,
    rules: SegmentRulesSchema,
  })
  .partial());
export type SegmentPatch = z.infer<typeof SegmentPatchSchema>;

/** A lead's membership in a segment (docs/semantics.md §2). Primary key `[segmentId+leadId]`. */
export const MembershipSchema = lazySchema(() => z.object({
  segmentId: z.string().min(1),
  leadId: z.string().min(1),
  addedAt: EpochMs,
}));
export type Membership = z.infer<typeof MembershipSchema>;

/** One row per segment per day (docs/semantics.md §2); `day` is YYYY-MM-DD in the evaluation time zone. */
export const SegmentHistorySchema = lazySchema(() => z.object({
  segmentId: z.string().min(1),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  count: z.number().int().min(0),
  added: z.number().int().min(0),
  removed: z.number().int().min(0),
}));
export type SegmentHistory = z.infer<typeof SegmentHistorySchema>;

/** A campaign's channel, as far as the CRM says; `email` campaigns leave out do-not-email leads (docs/semantics.md §2). */
export const CAMPAIGN_CHANNELS = ['email', 'sms', 'chat', 'webinar', 'other'] as const;
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];

/**
 * A CRM campaign (docs/semantics.md §2). `segmentIds` are the segments that target it, set in the extension;
 * `channel` comes from the CRM (absent when it does not say).
 */
export const CampaignSchema = lazySchema(() => z.object({
  id: z.string().min(1),
  crmKey: z.string().min(1),
  name: z.string(),
  status: z.enum(['draft', 'active', 'paused', 'completed']),
  channel: z.enum(CAMPAIGN_CHANNELS).optional(),
  segmentIds: z.array(z.string()),
}));
export type Campaign = z.infer<typeof CampaignSchema>;

/**
 * A persisted full-refresh job (docs/semantics.md §5). `cursor` is the last lead id whose chunk was committed
 * (absent before the first chunk); `rulesVersion` is the version being evaluated, so an edit
 * mid-refresh restarts the job.
 */
export const RefreshJobSchema = lazySchema(() => z.object({
  id: z.string().min(1),
  kind: z.literal('refresh'),
  segmentId: z.string().min(1),
  rulesVersion: z.number().int().min(1),
  cursor: z.string().optional(),
  processed: z.number().int().min(0),
  total: z.number().int().min(0),
  startedAt: EpochMs,
  updatedAt: EpochMs,
  /** Evaluation time fixed for the whole job so every chunk sees the same date boundaries. */
  now: EpochMs,
}));
export type RefreshJob = z.infer<typeof RefreshJobSchema>;
