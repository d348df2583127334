/**
 * The lead detail page: header with name, contact line, tags, inline status edit and priority;
 * cards with every standard field, every custom field, the lead's campaigns and a timeline.
 *
 * DOM hooks (used by CRM Segments): the header is `<section data-lead-header data-lead-id="{id}">`
 * and its `.lead-title-row` holds the `<h1 class="lead-title">` and takes appended badges. The
 * header is rendered as a fresh element after a status edit.
 */
import { api, ApiError, type CampaignRecord, type FieldRecord, type LeadRecord } from '../api';
import { h, icon, replaceChildren, type Child } from '../dom';
import { avatarClass, formatCount, formatDateTime, humanize, initials, leadName, parseCampaigns, slug, splitList } from '../format';
import { priorityBadge, statusSelect } from '../status-select';

/** Where the breadcrumb's "Leads" link goes back to (the last list URL). */
export interface DetailOptions {
  backHref: string;
  /** Called with the page title once the lead is known. */
  onTitle(title: string): void;
}

const dash = (): HTMLElement => h('span', { class: 'muted' }, '—');

function fieldRow(label: string, value: Child): HTMLElement {
  const empty = value === '' || value === null || value === undefined;
  return h('div', { class: 'field-row' }, h('dt', null, label), h('dd', null, empty ? dash() : value));
}

function customValue(field: FieldRecord, raw: string): Child {
  if (raw === '') return null;
  if (field.type === 'bool') return h('span', { class: `pill ${raw === 'Yes' ? 'pill-warn' : 'pill-muted'}` }, raw);
  if (field.type === 'number') return formatCount(raw);
  if (field.type === 'multi_enumeration') return splitList(raw).map((v) => h('span', { class: 'tag' }, v));
  if (field.type === 'datetime') return formatDateTime(raw);
  return raw;
}

function header(record: LeadRecord, onSaved: (updated: LeadRecord) => void): HTMLElement {
  const id = record.id ?? '';
  const name = leadName(record);
  const contact: Child[] = [
    record.company ? h('span', { class: 'meta-item' }, icon('building', 'icon icon-sm'), record.company) : null,
    record.email ? h('a', { class: 'meta-item', href: `mailto:${record.email}`, rel: 'external' }, icon('mail', 'icon icon-sm'), record.email) : null,
    record.phone ? h('span', { class: 'meta-item' }, icon('phone', 'icon icon-sm'), record.phone) : null,
    record.country ? h('span', { class: 'meta-item' }, icon('globe', 'icon icon-sm'), record.country) : null,
  ];
  const tags = splitList(record.tags);
  return h(
    'section',
    { class: 'card lead-header', 'data-lead-header': '', 'data-lead-id': id, 'data-status': record.status ?? '', 'data-updated-at': record.updated_at ?? '' },
    h('span', { class: `${avatarClass(id)} avatar-lg`, 'aria-hidden': 'true' }, initials(name)),
    h(
      'div',
      { class: 'lead-header-main' },
      h('div', { class: 'lead-title-row' }, h('h1', { class: 'lead-title', tabindex: '-1' }, name)),
      h('div', { class: 'lead-meta' }, contact),
      tags.length > 0 ? h('div', { class: 'tag-list' }, tags.map((t) => h('span', { class: 'tag' }, t))) : null,
    ),
    h(
      'div',
      { class: 'lead-header-side' },
      h('div', { class: 'side-field' }, h('span', { class: 'side-label' }, 'Status'), statusSelect(record, onSaved)),
      h('div', { class: 'side-field' }, h('span', { class: 'side-label' }, 'Priority'), priorityBadge(record.priority)),
      h('div', { class: 'side-field' }, h('span', { class: 'side-label' }, 'Lead #'), h('span', { class: 'mono' }, id)),
    ),
  );
}

function campaignsCard(record: LeadRecord, campaigns: CampaignRecord[]): HTMLElement {
  const entries = parseCampaigns(record.campaigns);
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  return h(
    'section',
    { class: 'card' },
    h('header', { class: 'card-header' }, h('h2', { class: 'card-title' }, 'Campaigns'), h('span', { class: 'card-count' }, String(entries.length))),
    entries.length === 0
      ? h('p', { class: 'card-empty' }, 'This lead is not in any campaign.')
      : h(
          'ul',
          { class: 'campaign-list' },
          entries.map((e) => {
            const campaign = byId.get(e.campaignId);
            return h(
              'li',
              { class: 'campaign-item', 'data-campaign-id': e.campaignId },
              h('div', { class: 'campaign-item-main' }, h('a', { class: 'campaign-name', href: '/campaigns' }, campaign?.name ?? e.campaignId), h('span', { class: 'campaign-sub' }, campaign ? `${campaign.channel} · ${campaign.status}` : 'Unknown campaign')),
              h(
                'div',
                { class: 'campaign-item-side' },
                h('span', { class: `pill ${e.state === 'excluded' ? 'pill-danger' : 'pill-success'}` }, humanize(e.state)),
                e.response ? h('span', { class: `pill pill-response response-${slug(e.response)}` }, humanize(e.response)) : h('span', { class: 'muted small' }, 'No response'),
              ),
            );
          }),
        ),
  );
}

function timelineCard(record: LeadRecord): HTMLElement {
  const events: Array<{ when: string; title: string; detail: string }> = [];
  if (record.updated_at && record.updated_at !== record.last_contact_at && record.updated_at !== record.created_at)
    events.push({ when: record.updated_at, title: 'Record updated', detail: `Status: ${record.status || '—'}` });
  if (record.last_contact_at) events.push({ when: record.last_contact_at, title: 'Last contact', detail: record.cf_last_activity || 'Activity' });
  if (record.created_at) events.push({ when: record.created_at, title: 'Lead created', detail: [record.lead_origin, record.lead_source].filter(Boolean).join(' · ') });
  return h(
    'section',
    { class: 'card' },
    h('header', { class: 'card-header' }, h('h2', { class: 'card-title' }, 'Timeline')),
    h(
      'ol',
      { class: 'timeline' },
      events.map((e) => h('li', { class: 'timeline-item' }, h('span', { class: 'timeline-dot', 'aria-hidden': 'true' }), h('div', null, h('p', { class: 'timeline-title' }, e.title), h('p', { class: 'timeline-detail' }, e.detail), h('time', { class: 'timeline-when', datetime: e.when }, formatDateTime(e.when))))),
    ),
  );
}

function detailBody(record: LeadRecord, fields: FieldRecord[], campaigns: CampaignRecord[]): HTMLElement {
  const tags = splitList(record.tags);
  return h(
    'div',
    { class: 'detail-grid' },
    h(
      'div',
      { class: 'detail-main' },
      h(
        'section',
        { class: 'card' },
        h('header', { class: 'card-header' }, h('h2', { class: 'card-title' }, 'Lead details')),
        h(
          'dl',
          { class: 'field-grid' },
          fieldRow('First name', record.first_name),
          fieldRow('Last name', record.last_name),
          fieldRow('Email', record.email),
          fieldRow('Phone', record.phone),
          fieldRow('Company', record.company),
          fieldRow('Lead source', record.lead_source),
          fieldRow('Lead origin', record.lead_origin),
          fieldRow('Country', record.country),
          fieldRow('Language', record.language),
          fieldRow('Tags', tags.length ? h('span', { class: 'tag-list' }, tags.map((t) => h('span', { class: 'tag' }, t))) : null),
          fieldRow('Created', formatDateTime(record.created_at)),
          fieldRow('Last contact', formatDateTime(record.last_contact_at)),
          fieldRow('Last updated', formatDateTime(record.updated_at)),
        ),
      ),
      h(
        'section',
        { class: 'card' },
        h('header', { class: 'card-header' }, h('h2', { class: 'card-title' }, 'Custom fields'), h('span', { class: 'card-count' }, String(fields.length))),
        h('dl', { class: 'field-grid', 'data-custom-fields': '' }, fields.map((f) => fieldRow(f.label, customValue(f, record[`cf_${f.key}`] ?? '')))),
      ),
    ),
    h('aside', { class: 'detail-side' }, campaignsCard(record, campaigns), timelineCard(record)),
  );
}

/** Loads lead `id` and renders its page into `container`. */
export async function renderLeadDetail(container: HTMLElement, id: string, options: DetailOptions, isCurrent: () => boolean): Promise<void> {
  const breadcrumb = (name: string): HTMLElement =>
    h('nav', { class: 'breadcrumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: options.backHref }, icon('chevronLeft', 'icon icon-sm'), 'Leads'), h('span', { class: 'crumb-sep', 'aria-hidden': 'true' }, '/'), h('span', { 'aria-current': 'page' }, name));
  replaceChildren(
    container,
    h('section', { class: 'page page-lead', 'aria-busy': 'true' }, breadcrumb(`Lead ${id}`), h('div', { class: 'card lead-header lead-header-skeleton' }, h('span', { class: 'avatar avatar-lg skeleton' }), h('div', { class: 'lead-header-main' }, h('span', { class: 'skeleton skeleton-title' }), h('span', { class: 'skeleton skeleton-text' })))),
  );
  let record: LeadRecord;
  let fields: FieldRecord[];
  let campaigns: CampaignRecord[];
  try {
    [record, fields, campaigns] = await Promise.all([api.getLead(id), api.fields(), api.campaigns()]);
  } catch (error) {
    if (!isCurrent()) return;
    const missing = error instanceof ApiError && error.status === 404;
    options.onTitle(missing ? 'Lead not found' : 'Error');
    replaceChildren(
      container,
      h(
        'section',
        { class: 'page page-lead' },
        breadcrumb(missing ? 'Not found' : `Lead ${id}`),
        h(
          'div',
          { class: 'card empty-state', role: missing ? null : 'alert' },
          icon(missing ? 'inbox' : 'alert', 'icon icon-lg'),
          h('p', { class: 'empty-title' }, missing ? 'Lead not found' : 'This lead could not be loaded'),
          h('p', { class: 'empty-text' }, missing ? `There is no lead with number ${id}. It may have been deleted.` : error instanceof Error ? error.message : String(error)),
          h('a', { class: 'button button-secondary', href: options.backHref }, 'Back to leads'),
        ),
      ),
    );
    return;
  }
  if (!isCurrent()) return;
  const render = (current: LeadRecord): void => {
    const name = leadName(current);
    options.onTitle(name);
    replaceChildren(container, h('section', { class: 'page page-lead' }, breadcrumb(name), header(current, afterEdit), detailBody(current, fields, campaigns)));
  };
  const afterEdit = (updated: LeadRecord): void => {
    if (!isCurrent()) return;
    render(updated);
    container.querySelector<HTMLSelectElement>('[data-lead-header] select.status-select')?.focus(); // keep the keyboard user's place
  };
  render(record);
}
