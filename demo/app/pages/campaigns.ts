/**
 * The campaigns page: every campaign with its channel, status and audience counts, and the
 * audience CRM Segments sent for it ("N leads from CRM Segments"). Reloads when the tab is shown
 * again, so a new send appears without a manual reload.
 */
import { api, type CampaignRecord } from '../api';
import { h, icon, replaceChildren } from '../dom';
import { formatCount, formatDateTime, slug } from '../format';

const COLUMNS = ['Campaign', 'Status', 'Participants', 'Excluded', 'Responses', 'Audience from CRM Segments', 'Response rate'];

function rate(part: string, whole: number): string {
  const n = Number(part);
  return whole > 0 && Number.isFinite(n) ? `${((n / whole) * 100).toFixed(1)}%` : '—';
}

function campaignRow(c: CampaignRecord): HTMLTableRowElement {
  const audience = Number(c.participants) + Number(c.excluded);
  const share = audience > 0 ? Math.min(100, (Number(c.responded) / audience) * 100) : 0;
  return h(
    'tr',
    { 'data-campaign-id': c.id },
    h('td', null, h('div', { class: 'campaign-cell' }, h('span', { class: `channel-icon channel-${slug(c.channel)}`, 'aria-hidden': 'true' }, c.channel.slice(0, 1)), h('div', null, h('span', { class: 'campaign-title' }, c.name), h('span', { class: 'campaign-sub' }, `${c.channel} · id ${c.id}`)))),
    h('td', null, h('span', { class: `pill campaign-status status-${slug(c.status)}` }, c.status)),
    h('td', { class: 'num' }, formatCount(c.participants)),
    h('td', { class: 'num' }, formatCount(c.excluded)),
    h('td', { class: 'num' }, formatCount(c.responded)),
    h(
      'td',
      { class: 'segments-audience' },
      c.segments_audience === ''
        ? h('span', { class: 'campaign-sub' }, 'Nothing sent yet')
        : h('span', { title: `Sent ${formatDateTime(c.segments_audience_at)}` }, `${formatCount(c.segments_audience)} leads from CRM Segments`),
    ),
    h('td', null, h('div', { class: 'meter-cell' }, h('div', { class: 'meter', role: 'img', 'aria-label': `Response rate ${rate(c.responded, audience)}` }, h('span', { class: 'meter-fill', style: `width: ${share.toFixed(1)}%` })), h('span', { class: 'meter-label' }, rate(c.responded, audience)))),
  );
}

/** Loads and renders the campaigns page into `container`. */
export async function renderCampaigns(container: HTMLElement, isCurrent: () => boolean): Promise<void> {
  const body = h('tbody', null, Array.from({ length: 4 }, () => h('tr', { 'aria-hidden': 'true' }, Array.from({ length: COLUMNS.length }, () => h('td', null, h('span', { class: 'skeleton skeleton-text' }))))));
  const subtitle = h('p', { class: 'page-subtitle' }, 'Loading campaigns…');
  replaceChildren(
    container,
    h(
      'section',
      { class: 'page page-campaigns' },
      h('header', { class: 'page-header' }, h('div', null, h('h1', { class: 'page-title', tabindex: '-1' }, 'Campaigns'), subtitle)),
      h(
        'div',
        { class: 'card table-card' },
        h(
          'div',
          { class: 'table-scroll' },
          h(
            'table',
            { class: 'campaigns-table' },
            h('thead', null, h('tr', null, COLUMNS.map((label, i) => h('th', { scope: 'col', class: i >= 2 && i <= 4 ? 'num' : null }, label)))),
            body,
          ),
        ),
      ),
    ),
  );
  const reloadWhenShown = (): void => {
    if (!isCurrent()) document.removeEventListener('visibilitychange', reloadWhenShown);
    else if (document.visibilityState === 'visible') void load(body, subtitle, isCurrent);
  };
  document.addEventListener('visibilitychange', reloadWhenShown);
  await load(body, subtitle, isCurrent);
}

async function load(body: HTMLElement, subtitle: HTMLElement, isCurrent: () => boolean): Promise<void> {
  try {
    const campaigns = await api.campaigns();
    if (!isCurrent()) return;
    const active = campaigns.filter((c) => c.status === 'Active').length;
    subtitle.textContent = `${campaigns.length} campaigns · ${active} active`;
    replaceChildren(body, campaigns.map(campaignRow));
  } catch (error) {
    if (!isCurrent()) return;
    subtitle.textContent = 'Campaigns could not be loaded';
    replaceChildren(body, h('tr', null, h('td', { colspan: String(COLUMNS.length) }, h('div', { class: 'empty-state empty-error', role: 'alert' }, icon('alert', 'icon icon-lg'), h('p', { class: 'empty-title' }, 'Something went wrong'), h('p', { class: 'empty-text' }, error instanceof Error ? error.message : String(error))))));
  }
}
