import { z, lazySchema } from './zod';
import { EpochMs } from './common';

/** Campaign response kinds (docs/semantics.md §2). */
export const CAMPAIGN_RESPONSES = [
  'opened',
  'clicked',
  'replied',
  'interested',
  'not_interested',
  'bounced',
  'unsubscribed',
] as const;
export const CampaignResponseSchema = lazySchema(() => z.enum(CAMPAIGN_RESPONSES));
export type CampaignResponse = z.infer<typeof CampaignResponseSchema>;

/** One campaign entry of a lead (docs/semantics.md §2). */
export const LeadCampaignSchema = lazySchema(() => z.object({
  campaignId: z.string().min(1),
  state: z.enum(['participating', 'excluded']),
  response: CampaignResponseSchema.optional(),
  respondedAt: EpochMs.optional(),
}));
export type LeadCampaign = z.infer<typeof LeadCampaignSchema>;

/** A custom field value after ingest normalisation (docs/semantics.md §2); `null` = could not convert. */
export const CustomValueSchema = lazySchema(() => z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]));
export type CustomValue = z.infer<typeof CustomValueSchema>;

/**
 * A lead as stored (docs/semantics.md §2, contract). `id` is `${crmKey}/${crmId}`; times are epoch ms (UTC).
 * Values are normalised by the adapter before they reach this schema.
 */
export const LeadSchema = lazySchema(() => z
  .object({
    id: z.string().min(1),
    crmKey: z.string().min(1),
    crmId: z.string().min(1),
    name: z.string(),
    email: z.string().optional(),
    company: z.string().optional(),
    phone: z.string().optional(),
    source: z.string().optional(),
    groupName: z.string().optional(),
    status: z.string().optional(),
    priority: z.string().optional(),
    tags: z.array(z.string()),
    country: z.string().optional(),
    language: z.string().optional(),
    createdAt: EpochMs.optional(),
    lastContactAt: EpochMs.optional(),
    campaigns: z.array(LeadCampaignSchema),
    custom: z.record(z.string(), CustomValueSchema),
    crmUpdatedAt: EpochMs.optional(),
    syncedAt: EpochMs,
  })
  .refine((lead) => lead.id === `${lead.crmKey}/${lead.crmId}`, {
    message: 'id must be `${crmKey}/${crmId}`',
    path: ['id'],
  }));
export type Lead = z.infer<typeof LeadSchema>;
