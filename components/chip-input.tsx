import { useId, useMemo, useRef, useState } from 'preact/hooks';
import { normalizeText } from '../lib/engine';
import { formatCount, formatNumber } from '../lib/format/number';

/** A suggested value and how many stored leads have it. */
export interface ValueSuggestion {
  value: string;
  count: number;
}

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

/**
 * A list of values as removable chips plus a text box (`role="combobox"`) with a suggestion
 * listbox. Enter adds the highlighted suggestion or the typed text (Enter on an empty box is left
 * to the form, e.g. to save); Backspace on an empty box removes the last chip; ArrowUp/ArrowDown
 * move through suggestions; Escape closes them (and only then lets Escape through). Duplicates
 * (case-insensitive) are ignored.
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
  const input = useRef<HTMLInputElement>(null);

  const chosen = useMemo(() => new Set(values.map(normalise)), [values]);
  const visible = useMemo(() => {
    const query = normalise(text);
    return (suggestions ?? [])
      .filter((s) => s.value.trim() !== '' && !chosen.has(normalise(s.value)) && normalise(s.value).includes(query))
      .slice(0, maxSuggestions);
  }, [suggestions, chosen, text, maxSuggestions]);
  const expanded = open && visible.length > 0;

  const add = (raw: string) => {
    const value = raw.trim().replace(/\s+/g, ' ');
    setText('');
    setActive(-1);
    if (value === '' || chosen.has(normalise(value))) return;
    onChange([...values, value]);
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
        event.preventDefault();
        setOpen(true);
        setActive((i) => (visible.length === 0 ? -1 : (i + 1) % visible.length));
        return;
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        setActive((i) => (visible.length === 0 ? -1 : i <= 0 ? visible.length - 1 : i - 1));
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

  return (
    <div class={`chip-input${invalid ? ' is-invalid' : ''}`} onClick={() => input.current?.focus()}>
      {values.length > 0 && (
        <ul class="chip-list" aria-label="Chosen">
          {values.map((value, index) => (
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
          placeholder={values.length === 0 ? (placeholder ?? 'Type a value, press Enter') : 'Add another…'}
          value={text}
          onInput={(event) => {
            setText((event.currentTarget as HTMLInputElement).value);
            setOpen(true);
            setActive(-1);
          }}
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
        <ul id={listId} role="listbox" aria-label="Suggestions" class="chip-suggestions" hidden={!expanded}>
          {expanded &&
            visible.map((s, index) => (
              <li
                key={s.value}
                id={`${optionPrefix}-${index}`}
                role="option"
                aria-selected={index === active}
                class={`chip-suggestion${index === active ? ' is-active' : ''}`}
                onMouseDown={(event) => {
                  event.preventDefault();
                  add(s.value);
                }}
                onMouseMove={() => setActive(index)}
              >
                <span class="chip-suggestion-value">{s.value}</span>
                <span class="chip-suggestion-count" aria-label={formatCount(s.count, 'lead', 'leads')}>
                  {formatNumber(s.count)}
                </span>
              </li>
            ))}
        </ul>
      </div>
    </div>
  );
}
