/** The campaigns page: every campaign with its channel, status and audience counts. */
import { api, type CampaignRecord } from '../api';
import { h, icon, replaceChildren } from '../dom';
import { formatCount, slug } from '../format';

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
    h('td', null, h('div', { class: 'meter-cell' }, h('div', { class: 'meter', role: 'img', 'aria-label': `Response rate ${rate(c.responded, audience)}` }, h('span', { class: 'meter-fill', style: `width: ${share.toFixed(1)}%` })), h('span', { class: 'meter-label' }, rate(c.responded, audience)))),
  );
}

/** Loads and renders the campaigns page into `container`. */
export async function renderCampaigns(container: HTMLElement, isCurrent: () => boolean): Promise<void> {
  const body = h('tbody', null, Array.from({ length: 4 }, () => h('tr', { 'aria-hidden': 'true' }, Array.from({ length: 6 }, () => h('td', null, h('span', { class: 'skeleton skeleton-text' }))))));
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
            h('thead', null, h('tr', null, ['Campaign', 'Status', 'Participants', 'Excluded', 'Responses', 'Response rate'].map((label, i) => h('th', { scope: 'col', class: i >= 2 && i <= 4 ? 'num' : null }, label)))),
            body,
          ),
        ),
      ),
    ),
  );
  try {
    const campaigns = await api.campaigns();
    if (!isCurrent()) return;
    const active = campaigns.filter((c) => c.status === 'Active').length;
    subtitle.textContent = `${campaigns.length} campaigns · ${active} active`;
    replaceChildren(body, campaigns.map(campaignRow));
  } catch (error) {
    if (!isCurrent()) return;
    subtitle.textContent = 'Campaigns could not be loaded';
    replaceChildren(body, h('tr', null, h('td', { colspan: '6' }, h('div', { class: 'empty-state empty-error', role: 'alert' }, icon('alert', 'icon icon-lg'), h('p', { class: 'empty-title' }, 'Something went wrong'), h('p', { class: 'empty-text' }, error instanceof Error ? error.message : String(error))))));
  }
}
