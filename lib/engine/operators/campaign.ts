/**
 * Campaign operators (docs/semantics.md §3 rule 8). The tested value is the lead's `campaigns` array; anything
 * else is treated as no campaigns. Campaign ids compare exactly; `"any"` matches every campaign.
 * Participation counts entries with `state: "participating"` only, exclusion those with
 * `state: "excluded"`; a response counts whatever the entry's state. The negative operators are
 * the exact negations, so they are true for a lead with no campaigns.
 */
import type { LeadCampaign } from '../../schema/lead';
import type { OperatorTable, ValueTest } from '../types';

/** The id a rule names, `"any"` meaning every campaign. */
export const ANY_CAMPAIGN = 'any';

/** True when some entry has `state` and (for a specific id) that campaign id. */
function hasEntry(campaignId: string, state: LeadCampaign['state']): ValueTest {
  const any = campaignId === ANY_CAMPAIGN;
  return (v) => {
    if (!Array.isArray(v)) return false;
    for (let i = 0; i < v.length; i++) {
      const entry = v[i] as LeadCampaign | null | undefined;
      if (entry && entry.state === state && (any || entry.campaignId === campaignId)) return true;
    }
    return false;
  };
}

const negate =
  (test: ValueTest): ValueTest =>
  (v) =>
    !test(v);

/** `campaignParticipation` operators: entries with state "participating" only. */
export const campaignParticipationOperators: OperatorTable = {
  is_in: (value) => hasEntry(value as string, 'participating'),
  is_not_in: (value) => negate(hasEntry(value as string, 'participating')),
};

/** `campaignExclusion` operators: entries with state "excluded". */
export const campaignExclusionOperators: OperatorTable = {
  is_excluded_from: (value) => hasEntry(value as string, 'excluded'),
  is_not_excluded_from: (value) => negate(hasEntry(value as string, 'excluded')),
};

interface ResponseRule {
  campaignId: string;
  responses: string[];
}

/** True when some entry of the rule's campaign (or any) has one of the rule's responses. */
function hasResponse(value: unknown): ValueTest {
  const { campaignId, responses } = value as ResponseRule;
  const any = campaignId === ANY_CAMPAIGN;
  const kinds = new Set(responses);
  return (v) => {
    if (!Array.isArray(v)) return false;
    for (let i = 0; i < v.length; i++) {
      const entry = v[i] as LeadCampaign | null | undefined;
      if (entry && entry.response !== undefined && kinds.has(entry.response) && (any || entry.campaignId === campaignId)) return true;
    }
    return false;
  };
}

/** `campaignResponse` operators: some entry of the campaign (or any) with one of the responses. */
export const campaignResponseOperators: OperatorTable = {
  responded: hasResponse,
  not_responded: (value) => negate(hasResponse(value)),
};
