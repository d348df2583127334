/**
 * Acme CRM web app entry: builds the frame and renders the page for the current URL on every
 * client-side navigation (no full page loads).
 */
import { h, icon, replaceChildren } from './dom';
import { createLayout } from './layout';
import { parseRoute, startNavigation } from './navigation';
import { renderCampaigns } from './pages/campaigns';
import { renderLeadDetail } from './pages/lead-detail';
import { LeadsListView } from './pages/leads-list';

const root = document.getElementById('app');
if (root) {
  root.removeAttribute('aria-busy');
  const layout = createLayout(root);
  let listView: LeadsListView | undefined;
  let lastListHref = '/leads';
  let renderCount = 0;
  let previousRoute = '';

  const setTitle = (title: string): void => {
    document.title = `${title} · Acme CRM`;
  };

  const render = (): void => {
    const route = parseRoute(location);
    const token = ++renderCount;
    const isCurrent = (): boolean => token === renderCount;
    layout.setActive(location.pathname, location.search);
    const routeChanged = route.name !== previousRoute;
    previousRoute = route.name;

    if (route.name === 'leads') {
      lastListHref = `${location.pathname}${location.search}`;
      layout.setSearch(route.params.get('q') ?? '');
      setTitle('Leads');
      if (!listView || !layout.main.contains(listView.element)) {
        listView = new LeadsListView();
        replaceChildren(layout.main, listView.element);
      }
      void listView.show(route.params);
    } else {
      listView = undefined;
      layout.setSearch('');
      if (route.name === 'lead') {
        setTitle(`Lead ${route.id}`);
        void renderLeadDetail(layout.main, route.id, { backHref: lastListHref, onTitle: (t) => isCurrent() && setTitle(t) }, isCurrent);
      } else if (route.name === 'campaigns') {
        setTitle('Campaigns');
        void renderCampaigns(layout.main, isCurrent);
      } else {
        setTitle('Page not found');
        replaceChildren(
          layout.main,
          h('section', { class: 'page' }, h('div', { class: 'card empty-state' }, icon('inbox', 'icon icon-lg'), h('h1', { class: 'empty-title' }, 'Page not found'), h('p', { class: 'empty-text' }, `Nothing lives at ${route.path}.`), h('a', { class: 'button button-secondary', href: '/leads' }, 'Go to leads'))),
        );
      }
    }
    window.scrollTo({ top: 0 });
    if (routeChanged && token > 1) layout.main.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
  };

  startNavigation(render);
  render();
}
