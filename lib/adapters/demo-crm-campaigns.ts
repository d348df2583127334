/**
 * Acme CRM (demo) campaign specifics: its channel names, and "Send audience to CRM"
 * (`PUT /api/campaigns/{id}/audience` with `{ "leadIds": [...] }` → `{ "campaignId", "stored" }`).
 */
import { formatZodError, lazySchema, z, type CampaignChannel } from '../schema';
import { CrmApiError } from './errors';
import type { FetchFn } from './types';

const LABEL = 'Acme CRM';

const CHANNELS: Readonly<Record<string, CampaignChannel>> = { email: 'email', sms: 'sms', chat: 'chat', webinar: 'webinar' };

/** Acme's channel label ("Email", "SMS", …) as a campaign channel; anything else is "other". */
export function campaignChannel(label: string): CampaignChannel {
  return CHANNELS[label.trim().toLowerCase()] ?? 'other';
}

const AudienceAnswer = lazySchema(() => z.object({ campaignId: z.string(), stored: z.number().int().min(0) }));

/**
 * Stores `crmIds` as the audience of campaign `campaignId` in Acme CRM, replacing what was sent
 * before. Resolves with the count Acme stored; throws `CrmApiError` when Acme is unreachable,
 * refuses (its error message is passed on) or answers with something else.
 */
export async function sendDemoCampaignAudience(
  origin: string,
  campaignId: string,
  crmIds: readonly string[],
  fetchFn: FetchFn,
): Promise<{ stored: number }> {
  const path = `/api/campaigns/${encodeURIComponent(campaignId)}/audience`;
  let response: Response;
  let text: string;
  try {
    response = await fetchFn(`${origin}${path}`, {
      method: 'PUT',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      credentials: 'include',
      body: JSON.stringify({ leadIds: crmIds }),
    });
    text = await response.text();
  } catch (cause) {
    throw new CrmApiError(`${LABEL} is not reachable at ${origin} — is it running?`, { cause });
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new CrmApiError(`${LABEL} sent a response that is not JSON for ${path} (HTTP ${response.status})`);
  }
  if (!response.ok) {
    const error = (body as { error?: unknown } | null)?.error;
    const detail = typeof error === 'string' ? `: ${error.slice(0, 200)}` : '';
    throw new CrmApiError(`${LABEL} refused the audience of campaign ${campaignId} (HTTP ${response.status})${detail}`);
  }
  const parsed = AudienceAnswer.safeParse(body);
  if (!parsed.success) throw new CrmApiError(`${LABEL} sent an unexpected response for ${path}: ${formatZodError(parsed.error)}`);
  if (parsed.data.stored !== crmIds.length) {
    throw new CrmApiError(`${LABEL} stored ${parsed.data.stored} of the ${crmIds.length} ${crmIds.length === 1 ? 'lead' : 'leads'} sent for campaign ${campaignId}`);
  }
  return { stored: parsed.data.stored };
}
