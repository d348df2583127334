import type { ComponentChildren } from 'preact';
import { CUSTOM_FIELD_KIND } from '../../lib/format/member-columns';
import { campaignResponseLabel, campaignStateLabel, campaignStatusLabel } from '../../lib/format/campaign-labels';
import { EMPTY_DISPLAY, type ValueKind } from '../../lib/format/value';
import { ownCustomValue, type Campaign, type CustomFieldDef, type Lead } from '../../lib/schema';
import { BreakableEmail } from './breakable-email';
import { useFormatter } from './formatter-context';

/**
 * The field sections of "Member details" (issue 5 §3): labelled values (empty ones as a dash),
 * custom fields with their labels and formatted values, and campaign participation.
 */

/** One labelled value of a field section. */
export type FieldEntry = [label: string, value: ComponentChildren];

/** A titled list of labelled values; empty values show as a dash. */
export function FieldSection({ id, title, fields }: { id: string; title: string; fields: FieldEntry[] }) {
  return (
    <section class="details-section" aria-labelledby={id}>
      <h3 id={id} class="details-section-title">
        {title}
      </h3>
      <dl class="field-list">
        {fields.map(([label, value]) => (
          <div key={label} class="field">
            <dt dir="auto">{label}</dt>
            <dd>{value === '' || value === undefined || value === null ? <span class="cell-empty">{EMPTY_DISPLAY}</span> : <bdi>{value}</bdi>}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}


/** Every custom field definition with the lead's value, then values without a definition. */
export function CustomFieldSection({
  lead,
  customFields,
  text,
}: {
  lead: Lead;
  customFields: readonly CustomFieldDef[];
  text: (value: unknown, kind: ValueKind) => string;
}) {
  const defined = new Set(customFields.map((f) => f.key));
  const fields: FieldEntry[] = customFields.map((def) => [def.label, text(ownCustomValue(lead.custom, def.key), CUSTOM_FIELD_KIND[def.type])]);
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

/** The lead's campaigns with state and response. */
export function CampaignSection({ lead, campaigns }: { lead: Lead; campaigns: readonly Campaign[] }) {
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


/** The "Contact" and "Lead" sections: the lead's standard fields; the e-mail links only when it validates. */
export function LeadFieldSections({ lead, mailto }: { lead: Lead; mailto: string | undefined }) {
  const formatter = useFormatter();
  return (
    <>
      <FieldSection
        id="details-contact"
        title="Contact"
        fields={[
          ['Name', lead.name],
          [
            'Email',
            mailto ? (
              <a href={mailto} class="link">
                <BreakableEmail text={lead.email ?? ''} />
              </a>
            ) : lead.email ? (
              <BreakableEmail text={lead.email} />
            ) : (
              ''
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
    </>
  );
}
