import { relativeLuminance, safeColor } from '../format/color';
import type { BadgeSegment } from '../messaging/protocol';

/** Tag name of a badge host (contract, issue #3): `<crm-segment-badges data-lead-id="{lead id}">`. */
export const BADGE_TAG = 'crm-segment-badges';
/** Chips shown before "+N" (docs/semantics.md §1). */
export const MAX_VISIBLE_CHIPS = 3;

/** The text colour (near-black or white) with the higher WCAG contrast on `background` (#rrggbb). */
export function readableTextColor(background: string): '#0f172a' | '#ffffff' {
  const l = relativeLuminance(safeColor(background));
  const onWhite = (1.05) / (l + 0.05);
  const onDark = (l + 0.05) / (relativeLuminance('#0f172a') + 0.05);
  return onDark >= onWhite ? '#0f172a' : '#ffffff';
}

const STYLE = `
:host { display: inline-flex; vertical-align: middle; margin-left: 8px; font: 500 11px/1.2 system-ui, -apple-system, "Segoe UI", sans-serif; }
.chips { display: inline-flex; gap: 4px; align-items: center; flex-wrap: nowrap; }
.chip { all: unset; cursor: pointer; display: inline-block; max-width: 140px; padding: 2px 8px; border-radius: 999px;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; box-shadow: inset 0 0 0 1px rgba(15,23,42,.12); }
.chip:focus-visible { outline: 2px solid #4f46e5; outline-offset: 1px; }
.more { all: unset; cursor: pointer; padding: 2px 6px; border-radius: 999px; background: #e2e8f0; color: #0f172a; }
.more:focus-visible { outline: 2px solid #4f46e5; outline-offset: 1px; }
`;

/** True for a click the user made (mouse, touch, Enter/Space): a page script's `.click()` is not. */
export const isUserClick = (event: Event): boolean => event.isTrusted;

/**
 * Creates an (unattached) badge host for `leadId` with an open shadow root (contract, issue #3).
 * `onOpen(leadId, segmentId?)` is called when a chip (or "+N") is clicked or activated by keyboard
 * — by the user only: a synthetic click from a page script (`isUserClick` false) opens nothing
 * (issue 9 item 6: the side panel needs a real user gesture). `isUserClick` is replaceable for
 * DOM tests, where no event can be trusted.
 */
export function createBadgeHost(
  doc: Document,
  leadId: string,
  onOpen: (leadId: string, segmentId?: string) => void,
  isTrusted: (event: Event) => boolean = isUserClick,
): HTMLElement {
  const host = doc.createElement(BADGE_TAG);
  host.dataset.leadId = leadId;
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const chips = doc.createElement('span');
  chips.className = 'chips';
  chips.setAttribute('role', 'list');
  chips.setAttribute('aria-label', 'Segments');
  root.append(style, chips);
  root.addEventListener('click', (event) => {
    const target = (event.target as Element | null)?.closest?.('[data-segment-id], .more');
    if (!target) return;
    event.preventDefault();
    event.stopPropagation();
    if (!isTrusted(event)) return;
    onOpen(leadId, (target as HTMLElement).dataset.segmentId);
  });
  // Keep clicks on the badge from triggering the CRM's own row handlers.
  host.addEventListener('click', (event) => event.stopPropagation());
  return host;
}

/**
 * Shows `segments` (already sorted) in a host: up to 3 chips in the segment colour with readable
 * text, then "+N"; the tooltip (title) lists all. Text is set with textContent, never as HTML.
 */
export function renderBadgeChips(host: HTMLElement, segments: readonly BadgeSegment[]): void {
  const root = host.shadowRoot;
  const list = root?.querySelector('.chips');
  if (!root || !list) return;
  const doc = host.ownerDocument;
  const chips: HTMLElement[] = segments.slice(0, MAX_VISIBLE_CHIPS).map((segment) => {
    const chip = doc.createElement('button');
    chip.type = 'button';
    chip.className = 'chip';
    chip.setAttribute('role', 'listitem');
    chip.dataset.segmentId = segment.id;
    const color = safeColor(segment.color);
    chip.style.backgroundColor = color;
    chip.style.color = readableTextColor(color);
    chip.textContent = segment.name;
    chip.title = `${segment.name} — open in side panel`;
    return chip;
  });
  const hidden = segments.length - chips.length;
  if (hidden > 0) {
    const more = doc.createElement('button');
    more.type = 'button';
    more.className = 'more';
    more.setAttribute('role', 'listitem');
    more.textContent = `+${hidden}`;
    more.setAttribute('aria-label', `${hidden} more ${hidden === 1 ? 'segment' : 'segments'}`);
    chips.push(more);
  }
  list.replaceChildren(...chips);
  host.title = segments.length ? `Segments: ${segments.map((s) => s.name).join(', ')}` : '';
  host.hidden = segments.length === 0;
  host.dataset.segmentCount = String(segments.length);
}
