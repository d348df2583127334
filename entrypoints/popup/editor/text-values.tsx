import { useId, useMemo, useState } from 'preact/hooks';
import { normalizeText } from '../../../lib/engine';
import { ChipInput } from '../../../components/chip-input';
import { moveActive, SuggestionList } from '../../../components/suggestion-list';
import type { ValueInputProps } from './value-input';
import { hasPickList, noMatchMessage, useValueSuggestions } from './value-suggestions';

/** Options shown at once in a pick list (typing filters the rest). */
const MAX_OPTIONS = 50;

const stringValue = (v: unknown) => (typeof v === 'string' ? v : '');

/** Stored values (with counts) of the rule's field when it has a pick list, and the no-match note. */
function usePickList({ field, operator, customFields }: ValueInputProps, values: readonly string[]) {
  const pickList = hasPickList(field.key, customFields);
  const options = customFields.find((f) => `custom.${f.key}` === field.key)?.options;
  const stored = useValueSuggestions(field.key, pickList, options);
  const suggestions = stored?.values;
  // Only a complete list of stored values can tell that no lead has a value.
  const warning = pickList && stored?.complete ? noMatchMessage(field.label, operator.id, values, suggestions) : undefined;
  return { pickList, suggestions, warning };
}

/** The quiet "No lead has …" note under a value (a hint, not an error: the rule stays valid). */
function NoMatchNote({ message }: { message?: string }) {
  return (
    <p class="value-note" aria-live="polite">
      {message}
    </p>
  );
}

/**
 * A single text "Value": for fields with few stored values a combobox whose listbox offers them
 * with their lead counts (typing filters; ArrowUp/ArrowDown, Enter picks, Escape closes; free text
 * is always allowed), otherwise a plain text box.
 */
export function TextValue(props: ValueInputProps) {
  const { value, onChange, onTouched, invalid, describedBy } = props;
  const listId = useId();
  const optionPrefix = useId();
  const text = stringValue(value);
  const { pickList, suggestions, warning } = usePickList(props, [text]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [filtering, setFiltering] = useState(false);
  const visible = useMemo(() => {
    const query = filtering ? normalizeText(text) : '';
    return (suggestions ?? []).filter((s) => normalizeText(s.value).includes(query)).slice(0, MAX_OPTIONS);
  }, [suggestions, text, filtering]);
  // A value typed out in full needs no list: it would only cover what the user clicks next.
  const complete = filtering && visible.length === 1 && normalizeText(visible[0]!.value) === normalizeText(text);
  const expanded = pickList && open && visible.length > 0 && !complete;

  const pick = (picked: string) => {
    onChange(picked);
    setOpen(false);
    setActive(-1);
    setFiltering(false);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (!pickList) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => moveActive(i, event.key === 'ArrowDown' ? 1 : -1, visible.length));
    } else if (event.key === 'Enter' && expanded) {
      // An open list takes Enter: it picks the highlighted value or just closes; it never saves the segment.
      event.preventDefault();
      const highlighted = active >= 0 ? visible[active] : undefined;
      if (highlighted) pick(highlighted.value);
      else {
        setOpen(false);
        setActive(-1);
      }
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div class="value-text">
      <div class="value-combo">
        <input
          type="text"
          class="input"
          aria-label="Value"
          placeholder={pickList ? 'Choose or type a value' : 'Value'}
          autoComplete="off"
          role={pickList ? 'combobox' : undefined}
          aria-autocomplete={pickList ? 'list' : undefined}
          aria-expanded={pickList ? expanded : undefined}
          aria-controls={pickList ? listId : undefined}
          aria-activedescendant={expanded && active >= 0 ? `${optionPrefix}-${active}` : undefined}
          value={text}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onInput={(e) => {
            onChange(e.currentTarget.value);
            setOpen(true);
            setActive(-1);
            setFiltering(true);
          }}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            setActive(-1);
            setFiltering(false);
            onTouched();
          }}
        />
        {pickList && (
          <SuggestionList id={listId} optionPrefix={optionPrefix} items={visible} active={active} open={expanded} onPick={pick} onHover={setActive} />
        )}
      </div>
      {pickList && <NoMatchNote message={warning} />}
    </div>
  );
}

/** "Values": a chip input (paste a list for one chip per value) with the field's stored values as suggestions. */
export function ListValue(props: ValueInputProps) {
  const { value, onChange, onTouched, invalid, describedBy } = props;
  const values = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  const { pickList, suggestions, warning } = usePickList(props, values);
  return (
    <div class="value-list">
      <ChipInput
        label="Values"
        values={values}
        onChange={onChange}
        suggestions={suggestions}
        onBlur={onTouched}
        invalid={invalid}
        describedBy={describedBy}
        maxSuggestions={MAX_OPTIONS}
      />
      {pickList && <NoMatchNote message={warning} />}
    </div>
  );
}
