/**
 * The app frame: sidebar navigation, top bar with the lead search and the user menu, and the
 * main content area pages render into.
 */
import { LEAD_STATUSES } from '../common/catalog';
import { h, icon } from './dom';
import { navigate } from './navigation';
import { mountUserMenu } from './user-menu';

/** Handles of the frame the pages and the router use. */
export interface Layout {
  main: HTMLElement;
  /** Highlights the nav item for `path` + `search` (e.g. "/leads", "?status=New"). */
  setActive(path: string, search: string): void;
  /** Puts `q` in the search box unless the user is typing in it. */
  setSearch(q: string): void;
}

const VIEW_LINKS = [
  { label: 'New leads', status: 'New' },
  { label: 'Contacted', status: 'Contacted' },
  { label: 'Converted', status: 'Converted' },
] as const satisfies ReadonlyArray<{ label: string; status: (typeof LEAD_STATUSES)[number] }>;

/** Builds the frame inside `root` and returns its handles. */
export function createLayout(root: HTMLElement): Layout {
  const navLink = (href: string, label: string, iconName: Parameters<typeof icon>[0]): HTMLAnchorElement =>
    h('a', { href, class: 'nav-item', 'data-nav': href }, icon(iconName), h('span', null, label));

  const nav = h(
    'nav',
    { class: 'sidebar-nav', 'aria-label': 'Main' },
    h('div', { class: 'nav-section' }, 'Sales'),
    navLink('/leads', 'Leads', 'users'),
    navLink('/campaigns', 'Campaigns', 'megaphone'),
    h('div', { class: 'nav-section' }, 'Saved views'),
    VIEW_LINKS.map((v) =>
      h('a', { href: `/leads?status=${encodeURIComponent(v.status)}`, class: 'nav-item nav-sub', 'data-nav': `/leads?status=${v.status}` }, h('span', { class: `nav-dot status-dot-${v.status.toLowerCase()}`, 'aria-hidden': 'true' }), h('span', null, v.label)),
    ),
  );

  const sidebar = h(
    'aside',
    { class: 'sidebar' },
    h('a', { href: '/leads', class: 'brand', 'aria-label': 'Acme CRM home' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, 'A'), h('span', { class: 'brand-name' }, 'Acme CRM')),
    nav,
    h('div', { class: 'sidebar-footer' }, h('span', { class: 'sidebar-footer-title' }, 'Acme Education'), h('span', { class: 'sidebar-footer-sub' }, 'Growth plan · 3 seats')),
  );

  const searchInput = h('input', {
    type: 'search',
    class: 'search-input',
    name: 'q',
    placeholder: 'Search leads by name, email, company, source…',
    'aria-label': 'Search leads',
    autocomplete: 'off',
  });
  let debounce: number | undefined;
  const runSearch = (replace: boolean): void => {
    window.clearTimeout(debounce);
    const q = searchInput.value.trim();
    const onLeads = location.pathname === '/leads';
    const params = onLeads ? new URLSearchParams(location.search) : new URLSearchParams();
    if (q) params.set('q', q);
    else params.delete('q');
    params.delete('page');
    const query = params.toString();
    navigate(`/leads${query ? `?${query}` : ''}`, { replace: replace && onLeads });
  };
  searchInput.addEventListener('input', () => {
    window.clearTimeout(debounce);
    debounce = window.setTimeout(() => runSearch(true), 300);
  });
  searchInput.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && searchInput.value !== '') {
      searchInput.value = '';
      runSearch(true);
    }
  });
  const searchForm = h(
    'form',
    {
      class: 'search',
      role: 'search',
      onSubmit: (event: SubmitEvent) => {
        event.preventDefault();
        runSearch(false);
      },
    },
    icon('search', 'icon search-icon'),
    searchInput,
    h('kbd', { class: 'search-kbd', 'aria-hidden': 'true' }, '/'),
  );
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    const typing = target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
    if (event.key === '/' && !typing) {
      event.preventDefault();
      searchInput.focus();
    }
  });

  const userSlot = h('div', { class: 'user-slot' });
  const topbar = h('header', { class: 'topbar' }, searchForm, h('div', { class: 'topbar-right' }, userSlot));
  const main = h('main', { class: 'content', id: 'main', tabindex: '-1' });
  root.replaceChildren(h('div', { class: 'app-shell' }, sidebar, h('div', { class: 'main-column' }, topbar, main)));
  mountUserMenu(userSlot, () => undefined);

  return {
    main,
    setActive(path, search) {
      const status = new URLSearchParams(search).get('status');
      const key = path === '/leads' && status ? `/leads?status=${status}` : path.startsWith('/leads') ? '/leads' : path;
      for (const a of nav.querySelectorAll('a[data-nav]')) {
        if (a.getAttribute('data-nav') === key) a.setAttribute('aria-current', 'page');
        else a.removeAttribute('aria-current');
      }
    },
    setSearch(q) {
      if (document.activeElement !== searchInput) searchInput.value = q;
    },
  };
}
