import type { ComponentChildren } from 'preact';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';

/** One entry of a {@link MenuButton}. */
export interface MenuItem {
  /** Stable key. */
  id: string;
  /** Accessible name and visible text, e.g. "Delete". */
  label: string;
  /** A second, smaller line (announced as the item's description, not its name). */
  hint?: string;
  tone?: 'default' | 'danger';
  onSelect: () => void;
}

/** Props of {@link MenuButton}. */
export interface MenuButtonProps {
  /** Accessible name of the button, e.g. "Actions for Hot leads". */
  label: string;
  items: readonly MenuItem[];
  /** Button content (an icon); the accessible name is always `label`. */
  children?: ComponentChildren;
}

/**
 * A button that opens a menu (WAI-ARIA menu button pattern): Enter, Space or ArrowDown opens it on
 * the first item, ArrowUp on the last; ArrowUp/ArrowDown/Home/End move, a letter jumps to the
 * next item starting with it, Enter/Space choose, Escape closes and returns focus to the button,
 * Tab or a click outside closes it. The menu opens upwards when there is no room below.
 */
export function MenuButton({ label, items, children }: MenuButtonProps) {
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const [initialFocus, setInitialFocus] = useState<'first' | 'last'>('first');
  const [placement, setPlacement] = useState<'below' | 'above'>('below');
  const [position, setPosition] = useState<{ top: number; right: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const root = useRef<HTMLDivElement>(null);

  const itemElements = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  useLayoutEffect(() => {
    if (!open || !menu.current || !button.current) return;
    const buttonRect = button.current.getBoundingClientRect();
    const menuHeight = menu.current.offsetHeight;
    const viewport = window.innerHeight || document.documentElement.clientHeight;
    const above = buttonRect.bottom + menuHeight + 8 > viewport && buttonRect.top - menuHeight - 8 > 0;
    setPlacement(above ? 'above' : 'below');
    // Fixed to the viewport, so a scrolling list around the button cannot clip the menu.
    const width = document.documentElement.clientWidth;
    // Where neither side has room (a long menu in a short popup), keep it inside the viewport;
    // `.menu` scrolls when it is taller than the viewport itself.
    const preferred = above ? buttonRect.top - menuHeight - 4 : buttonRect.bottom + 4;
    setPosition({
      top: Math.max(4, Math.min(preferred, viewport - menuHeight - 4)),
      right: Math.max(4, width - buttonRect.right),
    });
    const elements = itemElements();
    (initialFocus === 'last' ? elements[elements.length - 1] : elements[0])?.focus();
  }, [open, initialFocus]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: MouseEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointerDown);
    return () => document.removeEventListener('mousedown', onPointerDown);
  }, [open]);

  const openMenu = (focus: 'first' | 'last') => {
    setInitialFocus(focus);
    setOpen(true);
  };

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  const choose = (item: MenuItem) => {
    close(true);
    item.onSelect();
  };

  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      openMenu('first');
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      openMenu('last');
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const elements = itemElements();
    const index = elements.indexOf(document.activeElement as HTMLElement);
    const focusAt = (i: number) => elements[(i + elements.length) % elements.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        focusAt(index + 1);
        return;
      case 'ArrowUp':
        event.preventDefault();
        focusAt(index - 1);
        return;
      case 'Home':
        event.preventDefault();
        focusAt(0);
        return;
      case 'End':
        event.preventDefault();
        focusAt(elements.length - 1);
        return;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        close(true);
        return;
      case 'Tab':
        close(false);
        return;
      default:
        if (event.key.length === 1 && /\S/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
          const letter = event.key.toLowerCase();
          for (let step = 1; step <= elements.length; step++) {
            const candidate = elements[(index + step) % elements.length];
            if (candidate?.textContent?.trim().toLowerCase().startsWith(letter)) {
              candidate.focus();
              break;
            }
          }
        }
    }
  };

  return (
    <div class="menu-root" ref={root}>
      <button
        ref={button}
        type="button"
        class="icon-button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openMenu('first'))}
        onKeyDown={onButtonKeyDown}
      >
        {children ?? <span aria-hidden="true">⋯</span>}
      </button>
      {open && (
        <div ref={menu} id={menuId} role="menu" aria-label={label} class={`menu menu-${placement}`}
          style={position ? { position: 'fixed', top: `${position.top}px`, right: `${position.right}px`, bottom: 'auto' } : undefined}
          onKeyDown={onMenuKeyDown}
        >
          {items.map((item) => (
            <MenuEntry key={item.id} item={item} onChoose={choose} />
          ))}
        </div>
      )}
    </div>
  );
}

function MenuEntry({ item, onChoose }: { item: MenuItem; onChoose: (item: MenuItem) => void }) {
  const hintId = useId();
  return (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      class={`menu-item${item.tone === 'danger' ? ' menu-item-danger' : ''}`}
      aria-label={item.hint ? item.label : undefined}
      aria-describedby={item.hint ? hintId : undefined}
      onClick={() => onChoose(item)}
      onMouseMove={(event) => (event.currentTarget as HTMLElement).focus()}
    >
      <span class="menu-item-label">{item.label}</span>
      {item.hint && (
        <span id={hintId} class="menu-item-hint">
          {item.hint}
        </span>
      )}
    </button>
  );
}

