/**
 * The inline status editor (list rows and the detail header): a <select> styled as a status pill.
 * A change PATCHes the lead; on success `onSaved` receives the updated record, on failure the
 * previous status comes back and a toast explains why.
 */
import { LEAD_STATUSES } from '../common/catalog';
import { api, type LeadRecord } from './api';
import { h } from './dom';
import { leadName, slug } from './format';
import { showToast } from './toast';

/** A status <select> for `record`. */
export function statusSelect(record: LeadRecord, onSaved: (updated: LeadRecord) => void): HTMLSelectElement {
  const current = record.status ?? '';
  const options = (LEAD_STATUSES as readonly string[]).includes(current) || current === '' ? LEAD_STATUSES : [current, ...LEAD_STATUSES];
  const select = h(
    'select',
    {
      class: `status-select status-${slug(current)}`,
      'aria-label': `Status of ${leadName(record)}`,
      'data-status': current,
      value: current,
    },
    current === '' ? h('option', { value: '' }, 'No status') : null,
    options.map((s) => h('option', { value: s }, s)),
  );
  select.addEventListener('change', () => {
    const next = select.value;
    select.disabled = true;
    select.classList.add('is-saving');
    api
      .setStatus(record.id ?? '', next)
      .then((updated) => {
        showToast(`${leadName(updated)} is now ${updated.status}`);
        onSaved(updated);
      })
      .catch((error: unknown) => {
        select.value = current;
        select.disabled = false;
        select.classList.remove('is-saving');
        showToast(`Status not changed: ${error instanceof Error ? error.message : String(error)}`, 'error');
      });
  });
  return select;
}

/** A read-only priority badge ("" → a muted dash). */
export function priorityBadge(priority: string | undefined): HTMLElement {
  if (!priority) return h('span', { class: 'priority priority-none' }, '—');
  return h('span', { class: `priority priority-${slug(priority)}` }, h('span', { class: 'priority-dot', 'aria-hidden': 'true' }), priority);
}
