import { useMemo } from 'preact/hooks';
import { safeColor } from '../../lib/format/color';
import { mailtoHref, telHref } from '../../lib/format/contact-links';
import type { ValueKind } from '../../lib/format/value';
import type { Campaign, CustomFieldDef, Lead, Membership, Segment } from '../../lib/schema';
import { membershipLookup } from '../../lib/segments/segment-graph';
import { CampaignSection, CustomFieldSection, LeadFieldSections } from './details-sections';
import { useFormatter } from './formatter-context';
import { leadCrmUrl } from './lead-link';
import { WhySection } from './WhySection';

/** Props of {@link LeadBody}. */
export interface LeadBodyProps {
  lead: Lead;
  memberships: Membership[];
  segment?: Segment;
  segments: readonly Segment[];
  customFields: readonly CustomFieldDef[];
  campaigns: readonly Campaign[];
  onOpenSegment?: (segmentId: string) => void;
}

/**
 * The body of "Member details" for a stored lead: Email / Call / "Open in CRM" actions, "Why
 * they match" (the segment it was opened from, or every segment it is in), "Also in", then its
 * fields, custom fields and campaigns.
 */
export function LeadBody({ lead, memberships, segment, segments, customFields, campaigns, onOpenSegment }: LeadBodyProps) {
  const formatter = useFormatter();
  const crmUrl = leadCrmUrl(lead);
  const memberOf = useMemo(() => {
    const ids = new Set(memberships.map((m) => m.segmentId));
    return segments
      .filter((s) => ids.has(s.id))
      .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }));
  }, [memberships, segments]);
  // Segment membership rules are explained from this lead's own memberships.
  const segmentMembers = useMemo(
    () => membershipLookup(new Set(segments.map((s) => s.id)), new Map([[lead.id, new Set(memberships.map((m) => m.segmentId))]])),
    [lead.id, memberships, segments],
  );
  const addedAtIn = (segmentId: string) => memberships.find((m) => m.segmentId === segmentId)?.addedAt;
  const memberSince = (segmentId: string) => {
    const addedAt = addedAtIn(segmentId);
    return addedAt !== undefined ? `Member since ${formatter.dateTime(addedAt)}` : undefined;
  };
  const isMember = segment ? memberships.some((m) => m.segmentId === segment.id) : false;
  const others = segment ? memberOf.filter((s) => s.id !== segment.id) : [];
  const text = (value: unknown, kind: ValueKind) => formatter.value(value, kind);
  // Links only from values that validate (issue 9): "a@b.c?cc=…" stays text.
  const mailto = mailtoHref(lead.email);
  const tel = telHref(lead.phone);
  const why = { lead, customFields, campaigns, segmentMembers, segments };

  return (
    <div class="details-body">
      <div class="details-actions">
        {mailto && (
          <a class="button button-small" href={mailto}>
            Email
          </a>
        )}
        {tel && (
          <a class="button button-small" href={tel}>
            Call
          </a>
        )}
        {crmUrl && (
          <a class="button button-small button-primary" href={crmUrl} target="_blank" rel="noopener noreferrer">
            Open in CRM
            <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
              <path d="M6 3h7v7M13 3 6.5 9.5M11 13H3V5" fill="none" stroke="currentColor" stroke-width="1.5" />
            </svg>
          </a>
        )}
      </div>

      {segment ? (
        <WhySection {...why} title="Why they match" segment={segment} note={isMember ? memberSince(segment.id) : 'Not a member of this segment.'} />
      ) : (
        <section class="details-section" aria-labelledby="details-segments">
          <h3 id="details-segments" class="details-section-title">
            Why they match
          </h3>
          {memberOf.length === 0 ? (
            <p class="details-muted">This lead is in no segment.</p>
          ) : (
            <p class="details-muted">
              In {memberOf.length} {memberOf.length === 1 ? 'segment' : 'segments'}
            </p>
          )}
          {memberOf.map((s) => (
            <WhySection
              {...why}
              key={s.id}
              title={s.name}
              segment={s}
              chip
              onOpen={onOpenSegment ? () => onOpenSegment(s.id) : undefined}
              note={memberSince(s.id)}
            />
          ))}
        </section>
      )}

      {segment && others.length > 0 && (
        <section class="details-section" aria-labelledby="details-also">
          <h3 id="details-also" class="details-section-title">
            Also in
          </h3>
          <ul class="chip-list">
            {others.map((s) => (
              <li key={s.id}>
                <button type="button" class="segment-chip" onClick={() => onOpenSegment?.(s.id)} disabled={!onOpenSegment}>
                  <span class="color-dot" style={{ backgroundColor: safeColor(s.color) }} aria-hidden="true" />
                  {s.name}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <LeadFieldSections lead={lead} mailto={mailto} />
      <CustomFieldSection lead={lead} customFields={customFields} text={text} />
      <CampaignSection lead={lead} campaigns={campaigns} />
    </div>
  );
}
