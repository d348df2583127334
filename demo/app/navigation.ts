/**
 * Client-side navigation: same-origin link clicks and `navigate()` use history.pushState; the
 * back/forward buttons fire popstate. Either way the app re-renders without a page load.
 */

/** A page of the app, parsed from the location. */
export type Route =
  | { name: 'leads'; params: URLSearchParams }
  | { name: 'lead'; id: string }
  | { name: 'campaigns' }
  | { name: 'not-found'; path: string };

/** Parses a location into a route. */
export function parseRoute(location: { pathname: string; search: string }): Route {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  if (path === '/leads' || path === '/') return { name: 'leads', params: new URLSearchParams(location.search) };
  if (path === '/campaigns') return { name: 'campaigns' };
  const lead = /^\/leads\/([^/]+)$/.exec(path);
  if (lead?.[1]) {
    try {
      return { name: 'lead', id: decodeURIComponent(lead[1]) };
    } catch {
      return { name: 'not-found', path };
    }
  }
  return { name: 'not-found', path };
}

let onChange: (() => void) | undefined;

/** Goes to `href` (same origin) without reloading; `replace` edits the current history entry instead. */
export function navigate(href: string, options: { replace?: boolean } = {}): void {
  const url = new URL(href, location.href);
  if (url.href === location.href && !options.replace) return;
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  onChange?.();
}

/** True for a plain left click on a same-origin link the app should handle itself. */
function isAppLinkClick(event: MouseEvent, anchor: HTMLAnchorElement): boolean {
  if (event.defaultPrevented || event.button !== 0) return false;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  if (anchor.target && anchor.target !== '_self') return false;
  if (anchor.hasAttribute('download') || anchor.getAttribute('rel') === 'external') return false;
  const url = new URL(anchor.href, location.href);
  return url.origin === location.origin && !url.pathname.startsWith('/api/');
}

/** Starts intercepting link clicks and popstate; `render` runs after every navigation. */
export function startNavigation(render: () => void): void {
  onChange = render;
  document.addEventListener('click', (event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const anchor = target.closest('a[href]');
    if (!(anchor instanceof HTMLAnchorElement) || !isAppLinkClick(event, anchor)) return;
    event.preventDefault();
    navigate(anchor.href);
  });
  window.addEventListener('popstate', render);
}
