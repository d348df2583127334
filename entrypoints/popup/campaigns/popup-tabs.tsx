import { useRef } from 'preact/hooks';

/** The popup's two top-level views. */
export type PopupTab = 'segments' | 'campaigns';

const TABS: ReadonlyArray<{ id: PopupTab; label: string }> = [
  { id: 'segments', label: 'Segments' },
  { id: 'campaigns', label: 'Campaigns' },
];

/** Id of the tab element of `tab` (the panel is labelled by it). */
export const tabId = (tab: PopupTab): string => `popup-tab-${tab}`;
/** Id of the panel the tabs control. */
export const TAB_PANEL_ID = 'popup-tab-panel';

/**
 * The popup's view switch (issue 8): a `tablist` with the tabs "Segments" and "Campaigns".
 * Arrow keys, Home and End move between tabs (and select them), as in any tab strip.
 */
export function PopupTabs({ selected, onSelect }: { selected: PopupTab; onSelect: (tab: PopupTab) => void }) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.findIndex((t) => t.id === selected);
    const next =
      event.key === 'ArrowRight' ? (index + 1) % TABS.length
      : event.key === 'ArrowLeft' ? (index - 1 + TABS.length) % TABS.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? TABS.length - 1
      : -1;
    if (next < 0) return;
    event.preventDefault();
    const tab = TABS[next]!;
    onSelect(tab.id);
    list.current?.querySelector<HTMLElement>(`#${tabId(tab.id)}`)?.focus();
  };
  return (
    <div ref={list} class="popup-tabs" role="tablist" aria-label="Sections" onKeyDown={onKeyDown}>
      {TABS.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={tabId(tab.id)}
          class="popup-tab"
          aria-selected={tab.id === selected}
          aria-controls={TAB_PANEL_ID}
          tabIndex={tab.id === selected ? 0 : -1}
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
