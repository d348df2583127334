import { useId, useMemo, useRef, useState } from 'preact/hooks';
import { normalizeText } from '../lib/engine';
import { formatNumber } from '../lib/format/number';
import { moveActive, splitPastedValues, SuggestionList, type ValueSuggestion } from './suggestion-list';

export type { ValueSuggestion };

/** Props of {@link ChipInput}. */
export interface ChipInputProps {
  /** Accessible name of the text box, e.g. "Values". */
  label: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  /** Suggestions, most common first; `undefined` while they load. */
  suggestions?: readonly ValueSuggestion[];
  /** Called when the text box is focused (e.g. to start loading suggestions). */
  onFocus?: () => void;
  onBlur?: () => void;
  invalid?: boolean;
  describedBy?: string;
  placeholder?: string;
  /** How many suggestions to show at most. */
  maxSuggestions?: number;
}

/** Values compare as rules compare text (docs/semantics.md §3 rule 3): "Google" and " google " are one value. */
const normalise = normalizeText;

/** Chips shown before "Show all N values" (a pasted list can hold hundreds). */
const COLLAPSED_CHIPS = 24;

/**
 * A list of values as removable chips plus a text box (`role="combobox"`) with a suggestion
 * listbox. Enter adds the highlighted suggestion or the typed text (Enter on an empty box is left
 * to the form, e.g. to save); Backspace on an empty box removes the last chip; ArrowUp/ArrowDown
 * move through suggestions; Escape closes them (and only then lets Escape through). Pasting a
 * list ("Google, Direct Traffic; Olark Chat", a spreadsheet column) adds one chip per value.
 * Duplicates (case-insensitive) are ignored. Long lists collapse behind "Show all N values".
 */
export function ChipInput({
  label,
  values,
  onChange,
  suggestions,
  onFocus,
  onBlur,
  invalid,
  describedBy,
  placeholder,
  maxSuggestions = 8,
}: ChipInputProps) {
  const listId = useId();
  const optionPrefix = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [showAll, setShowAll] = useState(false);
  const [pasteNote, setPasteNote] = useState('');
  const input = useRef<HTMLInputElement>(null);

  const chosen = useMemo(() => new Set(values.map(normalise)), [values]);
  const visible = useMemo(() => {
    const query = normalise(text);
    return (suggestions ?? [])
      .filter((s) => s.value.trim() !== '' && !chosen.has(normalise(s.value)) && normalise(s.value).includes(query))
      .slice(0, maxSuggestions);
  }, [suggestions, chosen, text, maxSuggestions]);
  const expanded = open && visible.length > 0;

  /** Adds each new value (trimmed, collapsed, not already chosen); returns how many were added. */
  const addAll = (raw: readonly string[]): number => {
    setText('');
    setActive(-1);
    const seen = new Set(chosen);
    const added: string[] = [];
    for (const piece of raw) {
      const value = piece.trim().replace(/\s+/g, ' ');
      const key = normalise(value);
      if (value === '' || seen.has(key)) continue;
      seen.add(key);
      added.push(value);
    }
    if (added.length > 0) onChange([...values, ...added]);
    return added.length;
  };
  const add = (raw: string) => addAll([raw]);

  const onPaste = (event: ClipboardEvent) => {
    const field = event.currentTarget as HTMLInputElement;
    const pasted = event.clipboardData?.getData('text') ?? '';
    const start = field.selectionStart ?? text.length;
    const end = field.selectionEnd ?? text.length;
    const pieces = splitPastedValues(text.slice(0, start) + pasted + text.slice(end));
    if (!pieces) return;
    event.preventDefault();
    const added = addAll(pieces);
    const repeated = pieces.length - added;
    setPasteNote(
      `Added ${formatNumber(added)} ${added === 1 ? 'value' : 'values'}` +
        (repeated > 0 ? ` (${formatNumber(repeated)} already in the list)` : ''),
    );
  };

  const remove = (index: number) => {
    onChange(values.filter((_, i) => i !== index));
    input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    switch (event.key) {
      case 'Enter': {
        const suggestion = expanded && active >= 0 ? visible[active] : undefined;
        if (suggestion) {
          event.preventDefault();
          add(suggestion.value);
        } else if (text.trim() !== '') {
          event.preventDefault();
          add(text);
        }
        return;
      }
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        setActive((i) => moveActive(i, event.key === 'ArrowDown' ? 1 : -1, visible.length));
        return;
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
          setActive(-1);
        }
        return;
      case 'Backspace':
        if (text === '' && values.length > 0) {
          event.preventDefault();
          onChange(values.slice(0, -1));
        }
        return;
    }
  };

  const collapsed = !showAll && values.length > COLLAPSED_CHIPS + 4;
  const shown = collapsed ? values.slice(0, COLLAPSED_CHIPS) : values;
  return (
    <div class={`chip-input${invalid ? ' is-invalid' : ''}`} onClick={() => input.current?.focus()}>
      {values.length > 0 && (
        <ul class="chip-list" aria-label="Chosen">
          {shown.map((value, index) => (
            <li key={`${value}-${index}`} class="chip">
              <span class="chip-text">{value}</span>
              <button
                type="button"
                class="chip-remove"
                aria-label={`Remove ${value}`}
                onClick={(event) => {
                  event.stopPropagation();
                  remove(index);
                }}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {values.length > COLLAPSED_CHIPS + 4 && (
        <button
          type="button"
          class="chip-more"
          onClick={(event) => {
            event.stopPropagation();
            setShowAll(!showAll);
          }}
        >
          {collapsed ? `Show all ${formatNumber(values.length)} values` : 'Show fewer'}
        </button>
      )}
      <div class="chip-entry">
        <input
          ref={input}
          type="text"
          role="combobox"
          aria-label={label}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${optionPrefix}-${active}` : undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          placeholder={values.length === 0 ? (placeholder ?? 'Type or paste values') : 'Add another…'}
          value={text}
          onInput={(event) => {
            setText((event.currentTarget as HTMLInputElement).value);
            setOpen(true);
            setActive(-1);
          }}
          onPaste={onPaste}
          onKeyDown={onKeyDown}
          onFocus={() => {
            setOpen(true);
            onFocus?.();
          }}
          onBlur={() => {
            setOpen(false);
            setActive(-1);
            onBlur?.();
          }}
        />
        <SuggestionList id={listId} optionPrefix={optionPrefix} items={visible} active={active} open={open} onPick={add} onHover={setActive} />
      </div>
      <span class="sr-only" aria-live="polite">
        {pasteNote}
      </span>
    </div>
  );
}
