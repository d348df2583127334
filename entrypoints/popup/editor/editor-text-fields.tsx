import type { Ref } from 'preact';
import { useId } from 'preact/hooks';

/** Longest segment description the editor accepts (docs/semantics.md §2). */
export const MAX_DESCRIPTION = 500;

/** Props of {@link NameField}. */
export interface NameFieldProps {
  value: string;
  error?: string;
  onInput: (name: string) => void;
  onBlur: () => void;
  inputRef: Ref<HTMLInputElement>;
}

/** "Segment name" with its inline message. */
export function NameField({ value, error, onInput, onBlur, inputRef }: NameFieldProps) {
  const id = useId();
  const errorId = useId();
  return (
    <div class="field">
      <label class="field-label" for={id}>
        Segment name
      </label>
      <input
        id={id}
        class="input"
        type="text"
        required
        maxLength={80}
        autoComplete="off"
        placeholder="e.g. Hot leads in India"
        value={value}
        aria-invalid={Boolean(error) || undefined}
        aria-describedby={error ? errorId : undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
        onBlur={onBlur}
        ref={inputRef}
      />
      {error && (
        <p id={errorId} class="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Props of {@link DescriptionField}. */
export interface DescriptionFieldProps {
  value: string;
  error?: string;
  onInput: (description: string) => void;
  /** Enter (without Shift) submits the form, as in the name field. */
  onSubmit: () => void;
}

/** The optional "Description" with a length counter near the limit. */
export function DescriptionField({ value, error, onInput, onSubmit }: DescriptionFieldProps) {
  const id = useId();
  const errorId = useId();
  return (
    <div class="field">
      <div class="field-label-row">
        <label class="field-label" for={id}>
          Description
        </label>
        <span class="field-optional">Optional</span>
      </div>
      <textarea
        id={id}
        class="input textarea"
        rows={2}
        maxLength={MAX_DESCRIPTION}
        placeholder="What these leads have in common"
        value={value}
        aria-invalid={Boolean(error) || undefined}
        aria-describedby={error ? errorId : undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.metaKey && !e.isComposing) {
            e.preventDefault();
            onSubmit();
          }
        }}
      />
      {value.length > MAX_DESCRIPTION - 50 && (
        <p class="field-hint">
          {value.length}/{MAX_DESCRIPTION}
        </p>
      )}
      {error && (
        <p id={errorId} class="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
