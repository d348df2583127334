import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { DEFAULT_COLUMN_IDS, type ColumnGroup, type MemberColumn } from '../../lib/format/member-columns';

/** Props of {@link ColumnChooser}. */
export interface ColumnChooserProps {
  /** Every column that can be shown (standard and custom fields). */
  columns: readonly MemberColumn[];
  /** Ids of the columns shown, in order. */
  selected: readonly string[];
  onChange: (ids: string[]) => void;
}

const GROUP_ORDER: readonly ColumnGroup[] = ['Contact', 'Lead', 'Dates', 'Campaigns', 'Custom'];
const GROUP_TITLES: Record<ColumnGroup, string> = {
  Contact: 'Contact',
  Lead: 'Lead',
  Dates: 'Dates',
  Campaigns: 'Campaigns',
  Custom: 'Custom fields',
};

/**
 * The "Columns" button and its panel of checkboxes (issue 5 §2): any standard or custom field can
 * be added to or removed from the member table (at least one stays). A new column is added at
 * the end. Escape or a click outside closes the panel.
 */
export function ColumnChooser({ columns, selected, onChange }: ColumnChooserProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: MouseEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointerDown);
    return () => document.removeEventListener('mousedown', onPointerDown);
  }, [open]);

  const toggle = (id: string, on: boolean) => {
    if (on) onChange([...selected.filter((s) => s !== id), id]);
    else if (selected.length > 1) onChange(selected.filter((s) => s !== id));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      button.current?.focus();
    }
  };

  return (
    <div class="popover-root" ref={root} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        class="button button-small"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
          <path d="M2.5 3h11v10h-11zM6.2 3v10M9.8 3v10" fill="none" stroke="currentColor" stroke-width="1.4" />
        </svg>
        Columns
      </button>
      <div id={panelId} class="popover column-chooser" hidden={!open} role="group" aria-label="Choose columns">
        {GROUP_ORDER.map((group) => {
          const inGroup = columns.filter((c) => c.group === group);
          if (inGroup.length === 0) return null;
          return (
            <fieldset key={group} class="chooser-group">
              <legend>{GROUP_TITLES[group]}</legend>
              {inGroup.map((column) => {
                const checked = selected.includes(column.id);
                return (
                  <label key={column.id} class="check">
                    <input
                      type="checkbox"
                      checked={checked}
                      disabled={checked && selected.length === 1}
                      onChange={(event) => toggle(column.id, (event.currentTarget as HTMLInputElement).checked)}
                    />
                    <span dir="auto">{column.label}</span>
                  </label>
                );
              })}
            </fieldset>
          );
        })}
        <div class="popover-footer">
          <button type="button" class="button button-ghost button-small" onClick={() => onChange([...DEFAULT_COLUMN_IDS])}>
            Reset to default columns
          </button>
        </div>
      </div>
    </div>
  );
}
