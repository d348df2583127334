// Over 250 lines on purpose: the demo CRM's whole list page (search, tabs, sort, paging, inline edit)
// is one self-contained page module, like a real CRM's view.
/**
 * The leads list: 50 leads per page, search (from the top bar), status tabs, sort by clicking a
 * column header, pagination, and inline status edit. Everything is driven by the URL
 * (`/leads?page=&q=&status=&sort=&dir=`), so paging and sorting are links.
 *
 * DOM hooks (used by CRM Segments): each lead row is `<tr data-lead-id="{id}">`; its name cell
 * is `td.lead-name`, whose `.lead-cell-main` box holds the name and takes appended badges. Rows are
 * always rendered as fresh elements (after a status edit too).
 */
import { LEAD_STATUSES } from '../../common/catalog';
import { api, type LeadList, type LeadRecord } from '../api';
import { h, icon, replaceChildren } from '../dom';
import { avatarClass, formatCount, formatDate, initials, leadName } from '../format';
import { priorityBadge, statusSelect } from '../status-select';

/** Leads per page (issue 3). */
export const PAGE_SIZE = 50;

interface Column {
  label: string;
  sort: string;
  className: string;
  /** Dates and priority start descending. */
  firstDir: 'asc' | 'desc';
}

const COLUMNS: readonly Column[] = [
  { label: 'Name', sort: 'name', className: 'col-name', firstDir: 'asc' },
  { label: 'Company', sort: 'company', className: 'col-company', firstDir: 'asc' },
  { label: 'Status', sort: 'status', className: 'col-status', firstDir: 'asc' },
  { label: 'Priority', sort: 'priority', className: 'col-priority', firstDir: 'asc' },
  { label: 'Source', sort: 'lead_source', className: 'col-source', firstDir: 'asc' },
  { label: 'Country', sort: 'country', className: 'col-country', firstDir: 'asc' },
  { label: 'Created', sort: 'created_at', className: 'col-date', firstDir: 'desc' },
];

/** The list's state as read from the URL. */
export interface ListState {
  page: number;
  q: string;
  status: string;
  sort: string;
  dir: 'asc' | 'desc';
}

/** Reads the list state from URL parameters, falling back to defaults for bad values. */
export function readListState(params: URLSearchParams): ListState {
  const page = Number(params.get('page'));
  const sortParam = params.get('sort') ?? '';
  const column = COLUMNS.find((c) => c.sort === sortParam);
  const sort = column ? column.sort : 'created_at';
  const dirParam = params.get('dir');
  const status = params.get('status') ?? '';
  return {
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    q: (params.get('q') ?? '').trim(),
    status: (LEAD_STATUSES as readonly string[]).includes(status) ? status : '',
    sort,
    dir: dirParam === 'asc' || dirParam === 'desc' ? dirParam : column ? column.firstDir : 'desc',
  };
}

/** The URL of a list state (defaults left out). */
export function listHref(state: ListState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.status) params.set('status', state.status);
  if (state.sort !== 'created_at' || state.dir !== 'desc') {
    params.set('sort', state.sort);
    params.set('dir', state.dir);
  }
  if (state.page > 1) params.set('page', String(state.page));
  const query = params.toString();
  return `/leads${query ? `?${query}` : ''}`;
}

/** One fresh table row for a lead record. */
export function renderLeadRow(record: LeadRecord): HTMLTableRowElement {
  const id = record.id ?? '';
  const name = leadName(record);
  const row = h(
    'tr',
    { 'data-lead-id': id, 'data-status': record.status ?? '', 'data-updated-at': record.updated_at ?? '' },
    h(
      'td',
      { class: 'lead-name' },
      h(
        'div',
        { class: 'lead-cell' },
        h('span', { class: avatarClass(id), 'aria-hidden': 'true' }, initials(name)),
        h(
          'div',
          { class: 'lead-cell-main' },
          h('span', { class: 'lead-cell-text' }, h('a', { class: 'lead-link', href: `/leads/${encodeURIComponent(id)}` }, name), h('span', { class: 'lead-email' }, record.email ?? '')),
        ),
      ),
    ),
    h('td', { class: 'col-company', title: record.company || null }, record.company || h('span', { class: 'muted' }, '—')),
    h('td', { class: 'col-status' }),
    h('td', { class: 'col-priority' }, priorityBadge(record.priority)),
    h('td', { class: 'col-source' }, record.lead_source || h('span', { class: 'muted' }, '—')),
    h('td', { class: 'col-country' }, record.country || h('span', { class: 'muted' }, '—')),
    h('td', { class: 'col-date' }, formatDate(record.created_at)),
  );
  row.cells[2]?.append(
    statusSelect(record, (updated) => {
      const fresh = renderLeadRow(updated);
      row.replaceWith(fresh);
      fresh.querySelector<HTMLSelectElement>('select.status-select')?.focus(); // keep the keyboard user's place
    }),
  );
  return row;
}

/** Page numbers to show: first, last, and a window around the current page, with gaps as null. */
export function pageWindow(current: number, last: number): Array<number | null> {
  const pages = new Set<number>([1, last, current - 1, current, current + 1]);
  if (current <= 3) [2, 3, 4].forEach((p) => pages.add(p));
  if (current >= last - 2) [last - 3, last - 2, last - 1].forEach((p) => pages.add(p));
  const sorted = [...pages].filter((p) => p >= 1 && p <= last).sort((a, b) => a - b);
  const out: Array<number | null> = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - (sorted[i - 1] as number) > 1) out.push(null);
    out.push(p);
  });
  return out;
}

/** The leads list page; `show()` loads the state in the URL (stale responses are dropped). */
export class LeadsListView {
  readonly element: HTMLElement;
  private readonly subtitle = h('p', { class: 'page-subtitle' }, 'Loading leads…');
  private readonly tabs = h('nav', { class: 'tabs', 'aria-label': 'Filter by status' });
  private readonly summary = h('div', { class: 'table-summary' });
  private readonly headRow = h('tr');
  private readonly body = h('tbody');
  private readonly table = h('table', { class: 'leads-table', 'data-leads-table': '' }, h('thead', null, this.headRow), this.body);
  private readonly pager = h('nav', { class: 'pagination', 'aria-label': 'Pagination' });
  private readonly scroller = h('div', { class: 'table-scroll' }, this.table);
  private request = 0;

  constructor() {
    this.element = h(
      'section',
      { class: 'page page-leads' },
      h('header', { class: 'page-header' }, h('div', null, h('h1', { class: 'page-title', tabindex: '-1' }, 'Leads'), this.subtitle)),
      this.tabs,
      h('div', { class: 'card table-card' }, h('div', { class: 'table-toolbar' }, this.summary), this.scroller, this.pager),
    );
    this.renderSkeleton();
  }

  /** Renders the list for `params` (the current URL's query). */
  async show(params: URLSearchParams): Promise<void> {
    const state = readListState(params);
    const token = ++this.request;
    this.renderTabs(state);
    this.renderHead(state);
    this.table.setAttribute('aria-busy', 'true');
    this.scroller.classList.add('is-loading');
    let list: LeadList;
    try {
      list = await api.listLeads({ page: state.page, pageSize: PAGE_SIZE, q: state.q, status: state.status, sort: state.sort, dir: state.dir });
    } catch (error) {
      if (token !== this.request) return;
      this.renderError(error instanceof Error ? error.message : String(error), params);
      return;
    }
    if (token !== this.request) return;
    this.table.removeAttribute('aria-busy');
    this.scroller.classList.remove('is-loading');
    this.renderRows(list, state);
  }

  private renderTabs(state: ListState): void {
    const tab = (label: string, status: string): HTMLAnchorElement =>
      h('a', { class: 'tab', href: listHref({ ...state, status, page: 1 }), 'aria-current': state.status === status ? 'page' : null }, label);
    replaceChildren(this.tabs, tab('All leads', ''), LEAD_STATUSES.map((s) => tab(s, s)));
  }

  private renderHead(state: ListState): void {
    replaceChildren(
      this.headRow,
      COLUMNS.map((c) => {
        const active = state.sort === c.sort;
        const nextDir = active ? (state.dir === 'asc' ? 'desc' : 'asc') : c.firstDir;
        return h(
          'th',
          { scope: 'col', class: c.className, 'aria-sort': active ? (state.dir === 'asc' ? 'ascending' : 'descending') : null },
          h(
            'a',
            { class: `sort-link${active ? ' is-active' : ''}`, href: listHref({ ...state, sort: c.sort, dir: nextDir, page: 1 }), 'data-sort': c.sort },
            c.label,
            icon(active ? (state.dir === 'asc' ? 'arrowUp' : 'arrowDown') : 'sort', 'icon icon-xs sort-icon'),
          ),
        );
      }),
    );
  }

  private renderSkeleton(): void {
    replaceChildren(
      this.body,
      Array.from({ length: 10 }, () =>
        h('tr', { class: 'skeleton-row', 'aria-hidden': 'true' }, COLUMNS.map(() => h('td', null, h('span', { class: 'skeleton skeleton-text' })))),
      ),
    );
  }

  private renderError(message: string, params: URLSearchParams): void {
    this.table.removeAttribute('aria-busy');
    this.scroller.classList.remove('is-loading');
    this.subtitle.textContent = 'Leads could not be loaded';
    replaceChildren(this.summary);
    replaceChildren(this.pager);
    const retry = h('button', { type: 'button', class: 'button button-secondary', onClick: () => void this.show(params) }, 'Try again');
    replaceChildren(
      this.body,
      h('tr', { class: 'state-row' }, h('td', { colspan: String(COLUMNS.length) }, h('div', { class: 'empty-state empty-error', role: 'alert' }, icon('alert', 'icon icon-lg'), h('p', { class: 'empty-title' }, 'Something went wrong'), h('p', { class: 'empty-text' }, message), retry))),
    );
  }

  private renderRows(list: LeadList, state: ListState): void {
    const lastPage = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
    const filtered = state.q !== '' || state.status !== '';
    this.subtitle.textContent = filtered ? `${formatCount(list.total)} matching leads` : `${formatCount(list.total)} leads in your pipeline`;
    const from = list.total === 0 ? 0 : (state.page - 1) * PAGE_SIZE + 1;
    const to = Math.min(list.total, state.page * PAGE_SIZE);
    replaceChildren(
      this.summary,
      h('span', null, list.results.length > 0 ? `Showing ${formatCount(from)}–${formatCount(to)} of ${formatCount(list.total)}` : `${formatCount(list.total)} leads`),
      state.q
        ? h('span', { class: 'chip' }, `Search: “${state.q}”`, h('a', { class: 'chip-clear', href: listHref({ ...state, q: '', page: 1 }), 'aria-label': 'Clear search' }, icon('x', 'icon icon-xs')))
        : null,
    );
    if (list.results.length === 0) {
      const message = state.q ? `No leads match “${state.q}”.` : state.page > lastPage ? 'This page is past the end of the list.' : 'No leads have this status yet.';
      replaceChildren(
        this.body,
        h('tr', { class: 'state-row' }, h('td', { colspan: String(COLUMNS.length) }, h('div', { class: 'empty-state' }, icon('inbox', 'icon icon-lg'), h('p', { class: 'empty-title' }, 'No leads found'), h('p', { class: 'empty-text' }, message), h('a', { class: 'button button-secondary', href: '/leads' }, 'Show all leads')))),
      );
    } else {
      replaceChildren(this.body, list.results.map(renderLeadRow));
    }
    this.renderPager(state, lastPage);
  }

  private renderPager(state: ListState, lastPage: number): void {
    const pageLink = (page: number, label: string | ReturnType<typeof icon>, extra: string, aria?: string): HTMLElement =>
      page < 1 || page > lastPage
        ? h('span', { class: `page-link ${extra} is-disabled`, 'aria-disabled': 'true', 'aria-label': aria ?? null }, label)
        : h('a', { class: `page-link ${extra}`, href: listHref({ ...state, page }), 'aria-label': aria ?? `Page ${page}`, 'aria-current': page === state.page ? 'page' : null }, label);
    replaceChildren(
      this.pager,
      h('span', { class: 'pagination-info' }, `Page ${formatCount(Math.min(state.page, lastPage))} of ${formatCount(lastPage)}`),
      h(
        'div',
        { class: 'pagination-links' },
        pageLink(state.page - 1, icon('chevronLeft', 'icon icon-sm'), 'page-prev', 'Previous page'),
        pageWindow(Math.min(state.page, lastPage), lastPage).map((p) => (p === null ? h('span', { class: 'page-gap', 'aria-hidden': 'true' }, '…') : pageLink(p, formatCount(p), ''))),
        pageLink(state.page + 1, icon('chevronRight', 'icon icon-sm'), 'page-next', 'Next page'),
      ),
    );
  }
}
