import { useRef } from 'preact/hooks';

/** One tab of {@link PanelTabs}. */
export interface PanelTab<T extends string> {
  id: T;
  label: string;
}

/** Props of {@link PanelTabs}. */
export interface PanelTabsProps<T extends string> {
  /** Accessible name of the tab list. */
  label: string;
  tabs: ReadonlyArray<PanelTab<T>>;
  selected: T;
  onSelect: (id: T) => void;
  /** Prefix of the tab and panel element ids (`${idBase}-tab-${id}`, `${idBase}-panel-${id}`). */
  idBase: string;
}

/** Element ids of a tab and its panel, for `aria-controls` / `aria-labelledby`. */
export function tabIds(idBase: string, id: string): { tab: string; panel: string } {
  return { tab: `${idBase}-tab-${id}`, panel: `${idBase}-panel-${id}` };
}

/**
 * A `role="tablist"` of `role="tab"` buttons (WAI-ARIA tabs pattern, automatic activation): only
 * the selected tab is in the Tab order; ArrowLeft/ArrowRight move to and select the previous/next
 * tab (wrapping), Home/End the first/last.
 */
export function PanelTabs<T extends string>({ label, tabs, selected, onSelect, idBase }: PanelTabsProps<T>) {
  const list = useRef<HTMLDivElement>(null);

  const move = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length];
    if (!tab) return;
    onSelect(tab.id);
    list.current?.ownerDocument.getElementById(tabIds(idBase, tab.id).tab)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const current = tabs.findIndex((t) => t.id === selected);
    const target = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    move(target);
  };

  return (
    <div class="panel-tabs" role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const ids = tabIds(idBase, tab.id);
        const isSelected = tab.id === selected;
        return (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={ids.tab}
            class={`panel-tab${isSelected ? ' is-selected' : ''}`}
            aria-selected={isSelected}
            aria-controls={isSelected ? ids.panel : undefined}
            tabIndex={isSelected ? 0 : -1}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
