import type { JSX } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/** Props of {@link NumberBox}: an `<input type="number">`'s attributes, minus its value handling. */
export type NumberBoxProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'value' | 'onInput' | 'type'> & {
  /** The number the rule holds; undefined when the box is empty or not a number yet. */
  value: unknown;
  onNumber: (value: number | undefined) => void;
};

/** What the box currently means: its number, undefined when empty or unreadable. */
const numberIn = (input: HTMLInputElement) => (Number.isFinite(input.valueAsNumber) ? input.valueAsNumber : undefined);

/**
 * A number input that never rewrites what the user is typing. A controlled `<input type="number">`
 * reads "0." as empty (or 0) and, re-rendered with that value, drops the "." — so typing "0.05"
 * stored 5. Here the rule's value is written into the box only when it differs from what the box
 * already means (a value set from outside: a loaded segment, an undo), never from the user's own
 * keystrokes.
 */
export function NumberBox({ value, onNumber, ...attributes }: NumberBoxProps) {
  const box = useRef<HTMLInputElement>(null);
  const wanted = typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  useLayoutEffect(() => {
    const input = box.current;
    if (!input || input.validity.badInput) return; // partial text being typed ("1e", "-")
    if (numberIn(input) !== wanted) input.value = wanted === undefined ? '' : String(wanted);
  }, [wanted]);
  return <input ref={box} type="number" {...attributes} onInput={(e) => onNumber(numberIn(e.currentTarget))} />;
}
