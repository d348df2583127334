import type { CrmPageAdapter } from '../adapters/types';

/**
 * Watches a CRM page for its user menu changing (docs/semantics.md §7) and calls `onChange` once per change,
 * at most once per animation frame. Only a hint: `adapter.userSignal` is page text a script can
 * rewrite, so the caller merely asks the background to re-read the user from the CRM's own API.
 * Returns a function that stops watching.
 */
export function watchUserSignal(adapter: CrmPageAdapter, doc: Document, onChange: () => void): () => void {
  let last = adapter.userSignal(doc);
  let scheduled = false;
  const view = doc.defaultView;
  const check = () => {
    scheduled = false;
    const now = adapter.userSignal(doc);
    if (now === last) return;
    last = now;
    onChange();
  };
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    if (view?.requestAnimationFrame) view.requestAnimationFrame(check);
    else queueMicrotask(check);
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: USER_ATTRIBUTES });
  return () => observer.disconnect();
}

/** Attributes whose change may mean another user (the demo's user menu carries these). */
const USER_ATTRIBUTES = ['data-user-id', 'data-user-name', 'data-user-role', 'data-org-id'];
