/** Short notices in the bottom-right corner, announced to screen readers. */
import { h, icon } from './dom';

let region: HTMLElement | undefined;

/** The live region toasts are shown in (created on first use). */
function toastRegion(): HTMLElement {
  if (!region) {
    region = h('div', { class: 'toasts', role: 'status', 'aria-live': 'polite' });
    document.body.appendChild(region);
  }
  return region;
}

/** Shows `message` for a few seconds; `kind` "error" styles it as a failure. */
export function showToast(message: string, kind: 'success' | 'error' = 'success'): void {
  const toast = h('div', { class: `toast toast-${kind}` }, icon(kind === 'success' ? 'check' : 'alert'), h('span', null, message));
  toastRegion().appendChild(toast);
  window.setTimeout(() => {
    toast.classList.add('toast-leaving');
    window.setTimeout(() => toast.remove(), 200);
  }, 3200);
}
