/**
 * The user menu in the top bar: shows who is signed in and their role, and switches between the
 * organisation's users. Its root carries `data-current-user` with `data-user-id`,
 * `data-user-name`, `data-user-role` and `data-org-id` (read by the CRM Segments adapter); it is
 * re-created as a fresh element whenever the user changes.
 */
import { api, type UserRecord } from './api';
import { h, icon } from './dom';
import { avatarClass, humanize, initials } from './format';
import { showToast } from './toast';

/** A mounted user menu; `element` is replaced in the DOM when the user switches. */
export interface UserMenu {
  element: HTMLElement;
}

/** Creates the user menu in `slot` and loads the current user. `onSwitched` runs after a switch. */
export function mountUserMenu(slot: HTMLElement, onSwitched: (user: UserRecord) => void): void {
  const placeholder = h('div', { class: 'user-menu user-menu-loading', 'aria-hidden': 'true' }, h('span', { class: 'avatar skeleton' }));
  slot.replaceChildren(placeholder);
  Promise.all([api.me(), api.users()])
    .then(([me, users]) => slot.replaceChildren(renderMenu(slot, me, users, onSwitched)))
    .catch(() => slot.replaceChildren(h('div', { class: 'user-menu user-menu-error' }, 'User unavailable')));
}

function renderMenu(slot: HTMLElement, me: UserRecord, users: UserRecord[], onSwitched: (user: UserRecord) => void): HTMLElement {
  const button = h(
    'button',
    { type: 'button', class: 'user-menu-button', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-label': `Account: ${me.name}, ${humanize(me.role)}` },
    h('span', { class: avatarClass(me.id) }, initials(me.name)),
    h('span', { class: 'user-menu-text' }, h('span', { class: 'user-name' }, me.name), h('span', { class: 'user-role' }, humanize(me.role))),
    icon('chevronDown', 'icon icon-sm'),
  );
  const items = users.map((u) =>
    h(
      'button',
      {
        type: 'button',
        role: 'menuitemradio',
        class: 'menu-item',
        'aria-checked': String(u.id === me.id),
        'data-user-id': u.id,
        tabindex: '-1',
      },
      h('span', { class: avatarClass(u.id) }, initials(u.name)),
      h('span', { class: 'menu-item-text' }, h('span', { class: 'menu-item-title' }, u.name), h('span', { class: 'menu-item-sub' }, `${humanize(u.role)} · ${u.title}`)),
      u.id === me.id ? icon('check', 'icon icon-sm menu-check') : null,
    ),
  );
  const popover = h(
    'div',
    { class: 'user-menu-popover', role: 'menu', 'aria-label': 'Switch user', hidden: true },
    h('div', { class: 'menu-header' }, h('span', { class: 'menu-header-title' }, me.org_name), h('span', { class: 'menu-header-sub' }, 'Switch user')),
    items,
  );
  const root = h(
    'div',
    {
      class: 'user-menu',
      'data-current-user': '',
      'data-user-id': me.id,
      'data-user-name': me.name,
      'data-user-role': me.role,
      'data-org-id': me.org_id,
    },
    button,
    popover,
  );

  const setOpen = (open: boolean, focusFirst = false): void => {
    popover.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open && focusFirst) (items.find((i) => i.getAttribute('aria-checked') === 'true') ?? items[0])?.focus();
  };
  button.addEventListener('click', () => setOpen(popover.hidden, true));
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !popover.hidden) {
      setOpen(false);
      button.focus();
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !popover.hidden) {
      event.preventDefault();
      const index = items.indexOf(document.activeElement as HTMLButtonElement);
      const next = items[(index + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
      next?.focus();
    }
  });
  const onDocumentClick = (event: MouseEvent): void => {
    if (!root.isConnected) document.removeEventListener('click', onDocumentClick);
    else if (!root.contains(event.target as Node)) setOpen(false);
  };
  document.addEventListener('click', onDocumentClick);
  for (const item of items) {
    item.addEventListener('click', () => {
      const userId = item.getAttribute('data-user-id') ?? '';
      setOpen(false);
      if (userId === me.id) return;
      api
        .switchUser(userId)
        .then((user) => {
          document.removeEventListener('click', onDocumentClick);
          slot.replaceChildren(renderMenu(slot, user, users, onSwitched));
          showToast(`Signed in as ${user.name} (${humanize(user.role)})`);
          onSwitched(user);
        })
        .catch((error: unknown) => showToast(`Could not switch user: ${error instanceof Error ? error.message : String(error)}`, 'error'));
    });
  }
  return root;
}
