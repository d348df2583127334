import { useEffect, useRef } from 'preact/hooks';
import { formatCount, formatNumber } from '../lib/format/number';

/** A suggested value and how many stored leads have it. */
export interface ValueSuggestion {
  value: string;
  count: number;
}

/** Props of {@link SuggestionList}. */
export interface SuggestionListProps {
  /** id of the listbox (the text box's `aria-controls`). */
  id: string;
  /** Option ids are `${optionPrefix}-${index}` (the text box's `aria-activedescendant`). */
  optionPrefix: string;
  items: readonly ValueSuggestion[];
  /** Index of the highlighted option, -1 for none. */
  active: number;
  open: boolean;
  onPick: (value: string) => void;
  onHover: (index: number) => void;
}

/**
 * The listbox "Suggestions" of a value text box: each stored value with its lead count
 * ("Google 2,873", announced as "2,873 leads"). Mouse down picks without taking focus from the
 * text box. Opening it scrolls it into view.
 */
export function SuggestionList({ id, optionPrefix, items, active, open, onPick, onHover }: SuggestionListProps) {
  const expanded = open && items.length > 0;
  const list = useRef<HTMLUListElement>(null);
  // In a scrolling panel (the popup's editor) an opened list scrolls into view instead of being cut off.
  useEffect(() => {
    if (expanded) list.current?.scrollIntoView?.({ block: 'nearest' });
  }, [expanded]);
  return (
    <ul ref={list} id={id} role="listbox" aria-label="Suggestions" class="chip-suggestions" hidden={!expanded}>
      {expanded &&
        items.map((s, index) => (
          <li
            key={s.value}
            id={`${optionPrefix}-${index}`}
            role="option"
            aria-selected={index === active}
            class={`chip-suggestion${index === active ? ' is-active' : ''}`}
            onMouseDown={(event) => {
              event.preventDefault();
              onPick(s.value);
            }}
            onMouseMove={() => onHover(index)}
          >
            <span class="chip-suggestion-value">{s.value}</span>
            <span class="chip-suggestion-count" aria-label={formatCount(s.count, 'lead', 'leads')}>
              {formatNumber(s.count)}
            </span>
          </li>
        ))}
    </ul>
  );
}

/**
 * Moves a highlighted index through `length` options: `step` 1 (ArrowDown) or -1 (ArrowUp),
 * wrapping around; -1 when there are no options.
 */
export function moveActive(current: number, step: 1 | -1, length: number): number {
  if (length === 0) return -1;
  if (step === 1) return (current + 1) % length;
  return current <= 0 ? length - 1 : current - 1;
}

/**
 * Values pasted as one list: split on commas, semicolons, tabs and line breaks (a spreadsheet
 * column or a CSV row), trimmed, inner white space collapsed, empty pieces dropped. A text
 * without any separator gives `null` (an ordinary paste of one value).
 */
export function splitPastedValues(text: string): string[] | null {
  if (!/[,;\t\r\n]/.test(text)) return null;
  return text
    .split(/[,;\t\r\n]+/)
    .map((piece) => piece.trim().replace(/\s+/g, ' '))
    .filter((piece) => piece !== '');
}
