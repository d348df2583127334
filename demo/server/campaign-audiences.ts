/**
 * Campaign audiences sent by CRM Segments (issue 8): `PUT /api/campaigns/:id/audience` with
 * `{ "leadIds": ["660737", …] }` replaces the campaign's audience (Acme lead ids) and answers
 * `{ campaignId, stored }`; `GET` answers `{ campaignId, leadIds, updatedAt }` (404 before the first
 * send). Every id must be a known lead and a campaign id one of the catalogue's, or nothing is stored.
 */
import { CAMPAIGNS } from '../common/catalog';
import { HttpError, readJsonObject, sendJson } from './http-io';
import type { Router } from './router';

/** Largest audience body accepted (bytes): room for every lead id of a large CRM. */
const MAX_AUDIENCE_BODY_BYTES = 4 * 1024 * 1024;

/** One campaign's audience as last sent. */
export interface StoredAudience {
  leadIds: string[];
  /** When it was stored, epoch ms (the CRM's clock). */
  updatedAt: number;
}

/** The audiences sent per campaign id, kept in memory like the rest of the demo. */
export class CampaignAudiences {
  private readonly byCampaign = new Map<string, StoredAudience>();

  /** The audience last sent for `campaignId`, or undefined. */
  get(campaignId: string): StoredAudience | undefined {
    return this.byCampaign.get(campaignId);
  }

  /** Replaces the audience of `campaignId`. */
  set(campaignId: string, leadIds: readonly string[], updatedAt: number): void {
    this.byCampaign.set(campaignId, { leadIds: [...leadIds], updatedAt });
  }
}

const campaignIdOf = (params: Record<string, string>): string => {
  const id = params.id ?? '';
  if (!CAMPAIGNS.some((c) => c.id === id)) throw new HttpError(404, 'not_found', `Campaign ${id} not found`);
  return id;
};

/** Registers the audience routes; `hasLead` tells whether an Acme lead id exists. */
export function addCampaignAudienceRoutes(
  router: Router,
  audiences: CampaignAudiences,
  hasLead: (id: string) => boolean,
  clock: () => number,
): void {
  router
    .add('PUT', '/api/campaigns/:id/audience', async ({ req, res, params }) => {
      const campaignId = campaignIdOf(params);
      const body = await readJsonObject(req, MAX_AUDIENCE_BODY_BYTES);
      const { leadIds } = body;
      if (!Array.isArray(leadIds) || !leadIds.every((id): id is string => typeof id === 'string')) {
        throw new HttpError(400, 'invalid', 'leadIds must be an array of lead ids');
      }
      const unique = [...new Set(leadIds)];
      if (unique.length !== leadIds.length) throw new HttpError(400, 'invalid', 'leadIds must not repeat a lead');
      const unknown = unique.filter((id) => !hasLead(id));
      if (unknown.length > 0) {
        throw new HttpError(400, 'invalid', `${unknown.length} lead ids are not leads of this CRM (first: ${unknown[0]?.slice(0, 40)})`);
      }
      audiences.set(campaignId, unique, clock());
      sendJson(res, 200, { campaignId, stored: unique.length });
    })
    .add('GET', '/api/campaigns/:id/audience', ({ res, params }) => {
      const campaignId = campaignIdOf(params);
      const audience = audiences.get(campaignId);
      if (!audience) throw new HttpError(404, 'not_found', `No audience was sent for campaign ${campaignId}`);
      sendJson(res, 200, { campaignId, leadIds: audience.leadIds, updatedAt: new Date(audience.updatedAt).toISOString() });
    });
}
