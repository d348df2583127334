import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Campaign, CustomFieldDef, Segment } from '../../lib/schema';
import { LeadBody } from './LeadBody';
import { useLeadDetails } from './use-lead-details';

/** Props of {@link MemberDetails}. */
export interface MemberDetailsProps {
  leadId: string;
  /**
   * The segment the lead was opened from: "Why they match" explains this segment. Without it
   * (opened from a badge), every segment the lead is in is listed with its explanation.
   */
  segment?: Segment;
  /** Every stored segment (to name the lead's other segments). */
  segments: readonly Segment[];
  customFields: readonly CustomFieldDef[];
  campaigns: readonly Campaign[];
  /** Closes the details (the close button and Escape); omitted when details are the whole view. */
  onClose?: () => void;
  /** Opens another segment with this lead's details. */
  onOpenSegment?: (segmentId: string) => void;
  /** Moves focus into the region when it opens (true when opened by the user). */
  autoFocus?: boolean;
}

/**
 * Member details (issue 5 §3), a region labelled "Member details": the lead's contact
 * information, "Why they match" (each rule with ✓/✗ and the actual value, nested groups as
 * groups), every custom field with its label and formatted value (dates in the user's time zone,
 * numbers localised), campaign participation with state and response, and a link to the lead in
 * its CRM. Reads the lead and its memberships live, so it stays right while data changes.
 */
export function MemberDetails(props: MemberDetailsProps) {
  const { leadId, segment, segments, customFields, campaigns, onClose, autoFocus } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const { data: current, error } = useLeadDetails(leadId);
  const ready = current !== undefined;

  // Focus moves to the heading when the details open, and again once the lead is read.
  useEffect(() => {
    if (autoFocus) heading.current?.focus();
  }, [leadId, ready, autoFocus]);

  const closeButton = onClose && (
    <button type="button" class="icon-button details-close" aria-label="Close details" title="Close (Esc)" onClick={onClose}>
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" />
      </svg>
    </button>
  );

  let body: ComponentChildren;
  if (error && !current) {
    body = (
      <p class="notice notice-error" role="alert">
        Could not read this lead: {error.message}
      </p>
    );
  } else if (!current) {
    body = <p class="details-loading">Loading member…</p>;
  } else if (!current.lead) {
    body = (
      <p class="notice notice-info">
        This lead is not stored in the extension (yet). Open it in the CRM so it syncs, or run “Sync all” from the popup.
      </p>
    );
  } else {
    body = (
      <LeadBody
        lead={current.lead}
        memberships={current.memberships}
        segment={segment}
        segments={segments}
        customFields={customFields}
        campaigns={campaigns}
        onOpenSegment={props.onOpenSegment}
      />
    );
  }

  const lead = current?.lead;
  return (
    <section class="details" role="region" aria-label="Member details">
      <header class="details-header">
        <div class="details-avatar" aria-hidden="true">
          {initials(lead?.name)}
        </div>
        <div class="details-title">
          {/* One line with an ellipsis: the whole name or address is in the tooltip. */}
          <h2 ref={heading} tabIndex={-1} title={lead ? lead.name || lead.email || lead.crmId : undefined}>
            {lead ? <bdi>{lead.name || lead.email || lead.crmId}</bdi> : 'Member'}
          </h2>
          {lead && <p class="details-subtitle">{[lead.company, lead.status].filter(Boolean).join(' · ') || lead.crmKey}</p>}
        </div>
        {closeButton}
      </header>
      {body}
    </section>
  );
}

/** "Asha Rao" → "AR"; "?" without a name. */
function initials(name: string | undefined): string {
  const parts = (name ?? '').trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase() || '?';
}

