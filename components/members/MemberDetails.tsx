import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { useDb } from '../db-context';
import { membershipsOfLeads } from '../../lib/db/memberships';
import { useLiveQuery } from '../use-live-query';
import { useNow } from '../use-now';
import { explainLead, type Explanation, type SegmentMembersLookup } from '../../lib/engine';
import { membershipLookup } from '../../lib/segments/segment-graph';
import { campaignResponseLabel, campaignStateLabel, campaignStatusLabel } from '../../lib/format/campaign-labels';
import { safeColor } from '../../lib/format/color';
import { mailtoHref, telHref } from '../../lib/format/contact-links';
import { EMPTY_DISPLAY, type ValueKind } from '../../lib/format/value';
import { ownCustomValue, type Campaign, type CustomFieldDef, type Lead, type Membership, type Segment } from '../../lib/schema';
import { useFormatter } from './formatter-context';
import { leadCrmUrl } from './lead-link';
import { countRules, ExplanationTree } from './WhyTheyMatch';

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

interface LeadData {
  leadId: string;
  lead: Lead | undefined;
  memberships: Membership[];
}

/**
 * Member details (issue 5 §3), a region labelled "Member details": the lead's contact
 * information, "Why they match" (each rule with ✓/✗ and the actual value, nested groups as
 * groups), every custom field with its label and formatted value (dates in the user's time zone,
 * numbers localised), campaign participation with state and response, and a link to the lead in
 * its CRM. Reads the lead and its memberships live, so it stays right while data changes.
 */
export function MemberDetails(props: MemberDetailsProps) {
  const { leadId, segment, segments, customFields, campaigns, onClose } = props;
  const db = useDb();
  const heading = useRef<HTMLHeadingElement>(null);
  const { data, error } = useLiveQuery<LeadData>(
    async () => ({
      leadId,
      lead: await db.leads.get(leadId),
      memberships: await membershipsOfLeads(db, [leadId]),
    }),
    [db, leadId],
  );
  const current = data?.leadId === leadId ? data : undefined;

  useEffect(() => {
    if (props.autoFocus) heading.current?.focus();
  }, [leadId, current !== undefined]);

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
          <h2 ref={heading} tabIndex={-1}>
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

function initials(name: string | undefined): string {
  const parts = (name ?? '').trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase() || '?';
}

interface LeadBodyProps {
  lead: Lead;
  memberships: Membership[];
  segment?: Segment;
  segments: readonly Segment[];
  customFields: readonly CustomFieldDef[];
  campaigns: readonly Campaign[];
  onOpenSegment?: (segmentId: string) => void;
}

function LeadBody({ lead, memberships, segment, segments, customFields, campaigns, onOpenSegment }: LeadBodyProps) {
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
  const addedAt = segment ? memberships.find((m) => m.segmentId === segment.id)?.addedAt : undefined;
  const isMember = segment ? memberships.some((m) => m.segmentId === segment.id) : false;
  const others = segment ? memberOf.filter((s) => s.id !== segment.id) : [];
  const text = (value: unknown, kind: ValueKind) => formatter.value(value, kind);
  // Links only from values that validate (issue 9): "a@b.c?cc=…" stays text.
  const mailto = mailtoHref(lead.email);
  const tel = telHref(lead.phone);

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
        <WhySection
          title="Why they match"
          segment={segment}
          lead={lead}
          customFields={customFields}
          campaigns={campaigns}
          segmentMembers={segmentMembers}
          segments={segments}
          note={
            isMember
              ? addedAt !== undefined
                ? `Member since ${formatter.dateTime(addedAt)}`
                : undefined
              : 'Not a member of this segment.'
          }
        />
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
                key={s.id}
                title={s.name}
                segment={s}
                lead={lead}
                customFields={customFields}
                campaigns={campaigns}
                segmentMembers={segmentMembers}
                segments={segments}
                chip
                onOpen={onOpenSegment ? () => onOpenSegment(s.id) : undefined}
                note={(() => {
                  const m = memberships.find((x) => x.segmentId === s.id);
                  return m ? `Member since ${formatter.dateTime(m.addedAt)}` : undefined;
                })()}
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

      <FieldSection
        id="details-contact"
        title="Contact"
        fields={[
          ['Name', lead.name],
          [
            'Email',
            mailto ? (
              <a href={mailto} class="link">
                {lead.email}
              </a>
            ) : (
              (lead.email ?? '')
            ),
          ],
          ['Phone', lead.phone ?? ''],
          ['Company', lead.company ?? ''],
          ['Country', lead.country ?? ''],
          ['Language', lead.language ?? ''],
        ]}
      />

      <FieldSection
        id="details-lead"
        title="Lead"
        fields={[
          ['Status', lead.status ?? ''],
          ['Priority', lead.priority ?? ''],
          ['Source', lead.source ?? ''],
          ['Group name', lead.groupName ?? ''],
          [
            'Tags',
            lead.tags.length ? (
              <ul class="tag-list">
                {lead.tags.map((tag) => (
                  <li key={tag} class="tag">
                    {tag}
                  </li>
                ))}
              </ul>
            ) : (
              ''
            ),
          ],
          ['Created', formatter.date(lead.createdAt)],
          ['Last contact', formatter.date(lead.lastContactAt)],
          ['Updated in CRM', formatter.dateTime(lead.crmUpdatedAt)],
          ['Last synced', formatter.dateTime(lead.syncedAt)],
          ['CRM id', lead.crmId],
        ]}
      />

      <CustomFieldSection lead={lead} customFields={customFields} text={text} />

      <CampaignSection lead={lead} campaigns={campaigns} />
    </div>
  );
}

type FieldEntry = [label: string, value: ComponentChildren];

function FieldSection({ id, title, fields }: { id: string; title: string; fields: FieldEntry[] }) {
  return (
    <section class="details-section" aria-labelledby={id}>
      <h3 id={id} class="details-section-title">
        {title}
      </h3>
      <dl class="field-list">
        {fields.map(([label, value]) => (
          <div key={label} class="field">
            <dt>{label}</dt>
            <dd>{value === '' || value === undefined || value === null ? <span class="cell-empty">{EMPTY_DISPLAY}</span> : <bdi>{value}</bdi>}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

const KIND_OF_TYPE: Record<CustomFieldDef['type'], ValueKind> = {
  text: 'text',
  select: 'text',
  number: 'number',
  date: 'date',
  boolean: 'boolean',
  multiselect: 'list',
};

function CustomFieldSection({
  lead,
  customFields,
  text,
}: {
  lead: Lead;
  customFields: readonly CustomFieldDef[];
  text: (value: unknown, kind: ValueKind) => string;
}) {
  const defined = new Set(customFields.map((f) => f.key));
  const fields: FieldEntry[] = customFields.map((def) => [def.label, text(ownCustomValue(lead.custom, def.key), KIND_OF_TYPE[def.type])]);
  for (const [key, value] of Object.entries(lead.custom)) {
    if (!defined.has(key)) fields.push([key, text(value, Array.isArray(value) ? 'list' : 'text')]);
  }
  if (fields.length === 0) {
    return (
      <section class="details-section" aria-labelledby="details-custom">
        <h3 id="details-custom" class="details-section-title">
          Custom fields
        </h3>
        <p class="details-muted">No custom fields are defined.</p>
      </section>
    );
  }
  return <FieldSection id="details-custom" title="Custom fields" fields={fields} />;
}

function CampaignSection({ lead, campaigns }: { lead: Lead; campaigns: readonly Campaign[] }) {
  const formatter = useFormatter();
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  return (
    <section class="details-section" aria-labelledby="details-campaigns">
      <h3 id="details-campaigns" class="details-section-title">
        Campaigns
      </h3>
      {lead.campaigns.length === 0 ? (
        <p class="details-muted">Not in any campaign.</p>
      ) : (
        <ul class="campaign-list">
          {lead.campaigns.map((entry, i) => {
            const campaign = byId.get(entry.campaignId);
            return (
              <li key={`${entry.campaignId}-${i}`} class="campaign">
                <div class="campaign-head">
                  <span class="campaign-name">{campaign?.name || entry.campaignId}</span>
                  {campaign && <span class={`pill pill-${campaign.status}`}>{campaignStatusLabel(campaign.status)}</span>}
                </div>
                <div class="campaign-meta">
                  <span class={`campaign-state state-${entry.state}`}>{campaignStateLabel(entry.state)}</span>
                  <span>
                    {entry.response ? `Response: ${campaignResponseLabel(entry.response)}` : 'No response'}
                    {entry.respondedAt !== undefined && ` · ${formatter.date(entry.respondedAt)}`}
                  </span>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

interface WhySectionProps {
  title: string;
  segment: Segment;
  lead: Lead;
  customFields: readonly CustomFieldDef[];
  campaigns: readonly Campaign[];
  /** Members of the segments that segment membership rules name (this lead's memberships). */
  segmentMembers: SegmentMembersLookup;
  /** Every stored segment, to name those segment membership rules refer to. */
  segments: readonly Segment[];
  note?: string;
  /** Show the title as a segment chip (lead view) instead of a plain heading. */
  chip?: boolean;
  onOpen?: () => void;
}

/** One segment's explanation for the lead; an evaluation error is shown instead of the tree. */
function WhySection({ title, segment, lead, customFields, campaigns, segmentMembers, segments, note, chip, onOpen }: WhySectionProps) {
  const now = useNow(60_000);
  const formatter = useFormatter();
  const result = useMemo((): { explanation: Explanation } | { error: string } => {
    try {
      return {
        explanation: explainLead(segment.rules, lead, {
          now,
          timeZone: formatter.context.timeZone,
          customFields: [...customFields],
          segmentMembers,
        }),
      };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [segment.rules, lead, customFields, segmentMembers, now, formatter]);

  const counts = 'explanation' in result ? countRules(result.explanation) : undefined;
  const headingId = `why-${segment.id}`;
  return (
    <section class={`why${chip ? ' why-card' : ''}`} aria-labelledby={headingId}>
      <div class="why-head">
        {chip ? (
          <h4 id={headingId} class="why-segment">
            <span class="color-dot" style={{ backgroundColor: safeColor(segment.color) }} aria-hidden="true" />
            {onOpen ? (
              <button type="button" class="link-button" onClick={onOpen} title={`Show the members of ${segment.name}`}>
                {title}
              </button>
            ) : (
              title
            )}
          </h4>
        ) : (
          <h3 id={headingId} class="details-section-title">
            {title}
          </h3>
        )}
        {'explanation' in result && counts && (
          <span class={`why-verdict ${result.explanation.matched ? 'is-match' : 'is-miss'}`}>
            {result.explanation.matched ? 'Matches' : 'Does not match'} · {counts.matched} of {counts.total}{' '}
            {counts.total === 1 ? 'rule' : 'rules'}
          </span>
        )}
      </div>
      {note && <p class="details-muted">{note}</p>}
      {'explanation' in result ? (
        <ExplanationTree rules={segment.rules} explanation={result.explanation} customFields={customFields} campaigns={campaigns} segments={segments} />
      ) : (
        <p class="notice notice-error">These rules can't be evaluated: {result.error}</p>
      )}
    </section>
  );
}
